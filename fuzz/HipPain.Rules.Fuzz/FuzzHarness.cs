using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Safety.Fuzzing;
using HipPain.Rules.Validation;
using SharpFuzz;

namespace HipPain.Rules.Fuzz;

/// <summary>
/// The SharpFuzz harness for long fuzzing runs outside CI (docs/safety/fuzzing.md). A target reads AFL's input
/// through one reader's stream API; a documented exception with a code is a normal outcome, and anything else, or a
/// read that does not write back to a document that reads the same, ends the process as a crash for AFL to keep.
/// </summary>
public static class FuzzHarness
{
    private static readonly string[] Targets = ["knowledge-base", "overlay", "case", "text-pack"];

    /// <summary>Runs a target under AFL, runs one input file once (to replay a crash), or writes the seed corpus.</summary>
    /// <param name="args"><c>TARGET</c>, <c>TARGET FILE</c>, or <c>write-corpus DIRECTORY</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 on success, 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["write-corpus", var directory])
        {
            foreach (var (kind, name, bytes) in FuzzSeeds.All())
            {
                Directory.CreateDirectory(Path.Combine(directory, kind));
                File.WriteAllBytes(Path.Combine(directory, kind, name + ".json"), bytes);
                output.WriteLine($"{kind}/{name}.json ({bytes.Length} bytes)");
            }

            return 0;
        }

        if (args.Length is < 1 or > 2 || Array.IndexOf(Targets, args[0]) < 0)
        {
            error.WriteLine($"Usage: hippain-fuzz {string.Join('|', Targets)} [FILE] | write-corpus DIRECTORY");
            return 2;
        }

        Action<Stream> target = args[0] switch
        {
            "knowledge-base" => KnowledgeBase,
            "overlay" => Overlay,
            "case" => Case,
            _ => TextPack,
        };
        if (args.Length == 2)
        {
            using var file = File.OpenRead(args[1]);
            target(file);
            output.WriteLine("No crash.");
            return 0;
        }

        Fuzzer.OutOfProcess.Run(target);
        return 0;
    }

    private static void KnowledgeBase(Stream input) => Documented(() =>
    {
        var knowledgeBase = KnowledgeBaseJson.Read(input);
        var written = KnowledgeBaseJson.Write(knowledgeBase);
        Expect(KnowledgeBaseJson.Read(written).ContentHash == knowledgeBase.ContentHash, "the written knowledge base reads back with another hash");
    });

    private static void Overlay(Stream input) => Documented(() =>
    {
        var overlay = OverlayJson.Read(input);
        var written = OverlayJson.Write(overlay);
        Expect(OverlayJson.Write(OverlayJson.Read(written)) == written, "the written overlay does not write back the same");
        overlay.ApplyTo(FuzzSeeds.Small);
    });

    private static void Case(Stream input) => Documented(() =>
    {
        var patientCase = CaseJson.Read(input);
        var copy = CaseJson.Read(CaseJson.Write(patientCase));
        Expect(copy.Observations.SequenceEqual(patientCase.Observations) && copy.Age == patientCase.Age && copy.Sex == patientCase.Sex, "the written case reads back as another case");
    });

    private static void TextPack(Stream input) => Documented(() =>
    {
        var pack = TextPackJson.Read(input);
        Expect(TextPackJson.Read(TextPackJson.Write(pack)).ContentHash == pack.ContentHash, "the written text pack reads back with another hash");
    });

    /// <summary>Runs a read, letting only the documented exceptions with their codes pass.</summary>
    private static void Documented(Action read)
    {
        try
        {
            read();
        }
        catch (RulesJsonException ex) when (ex.Code is ErrorCodes.JsonMalformed or ErrorCodes.JsonUnsupportedFormatVersion or ErrorCodes.JsonLimitExceeded && ex.JsonPath is not null)
        {
        }
        catch (ValidationException ex) when (!ex.Problems.IsEmpty && ex.Problems.All(p => p.Code.Length == 6 && p.Code.StartsWith("HP", StringComparison.Ordinal)))
        {
        }
    }

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Write-back check failed: " + problem);
        }
    }
}
