using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Safety.Fuzzing;

/// <summary>One generated input: the bytes a stream reader gets and the text a string reader gets.</summary>
public sealed class FuzzInput(int index, byte[] bytes, string edits)
{
    /// <summary>Where a mutation put a lone surrogate: U+D800 in <see cref="Text"/>, the invalid UTF-8 ED A0 80 in <see cref="Bytes"/>.</summary>
    public static readonly byte[] LoneSurrogateMarker = "<<lone-surrogate>>"u8.ToArray();

    public int Index { get; } = index;

    public string Edits { get; } = edits;

    public byte[] Bytes { get; } = Replace(bytes, LoneSurrogateMarker, [0xED, 0xA0, 0x80]);

    public string Text { get; } = Encoding.UTF8.GetString(bytes).Replace("<<lone-surrogate>>", "\ud800", StringComparison.Ordinal);

    public Stream Stream() => new MemoryStream(Bytes, writable: false);

    private static byte[] Replace(byte[] bytes, byte[] marker, byte[] with)
    {
        var at = bytes.AsSpan().IndexOf(marker);
        return at < 0 ? bytes : Replace([.. bytes[..at], .. with, .. bytes[(at + marker.Length)..]], marker, with);
    }
}

/// <summary>
/// Fuzzing settings. <c>HIPPAIN_FUZZ_SEED</c> (an integer) replaces the default seed and <c>HIPPAIN_FUZZ_SCALE</c>
/// (a positive integer) multiplies the number of inputs; every report prints both, and input <c>i</c> of a run
/// depends only on the seed and <c>i</c>, so a failure is reproduced by its seed and index.
/// </summary>
public static class FuzzSettings
{
    public const int DefaultSeed = 20261129;

    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("HIPPAIN_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    /// <summary>The multiplier of the number of inputs: 1 in CI; more to explore; a fraction such as 0.02 for mutation testing, where every mutant reruns the fuzzers.</summary>
    public static double Scale { get; } = double.TryParse(Environment.GetEnvironmentVariable("HIPPAIN_FUZZ_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    /// <summary>The number of inputs of a run of <paramref name="inputs"/> at scale 1: at least 20.</summary>
    public static int Count(int inputs) => Math.Max(20, (int)Math.Min(int.MaxValue, inputs * Scale));

    /// <summary>The random source of input <paramref name="index"/> of the run named <paramref name="reader"/>.</summary>
    /// <remarks>Combined by fixed arithmetic, not <see cref="HashCode.Combine{T1, T2, T3}"/>, whose seed changes with every process.</remarks>
    public static Random For(string reader, int index) => new(unchecked((((Seed * 31) + StableHash(reader)) * 1_000_003) + index));

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}

/// <summary>
/// Runs generated inputs through a reader and checks each: the only exceptions are the documented ones, each with a
/// code (and, for <see cref="RulesJsonException"/>, a JSON path, line and byte); each read stays within an allocation
/// bound (its wall time is reported, not asserted); and a read that succeeds passes the caller's write-back check. Failures are collected with
/// the seed, index and edits that reproduce them.
/// </summary>
public sealed partial class FuzzRun(string reader)
{
    /// <summary>Bytes one read may allocate: a fixed allowance plus a multiple of the input's size.</summary>
    public const long MaxAllocatedBase = 16L << 20;

    public const long MaxAllocatedPerInputByte = 200;

    private readonly Dictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private readonly List<string> failures = [];
    private TimeSpan slowest;
    private long mostAllocated;
    private int slowestIndex;

    public string Reader { get; } = reader;

    public int Count { get; private set; }

    public IReadOnlyList<string> Failures => failures;

    /// <summary>The generated inputs: <paramref name="count"/> mutations of the seeds <paramref name="seed"/> draws (structural edits favouring the <paramref name="focus"/> properties, when given).</summary>
    public IEnumerable<FuzzInput> Inputs(int count, Func<Random, byte[]> seed, IReadOnlySet<string>? focus = null)
    {
        for (var i = 0; i < count; i++)
        {
            var rng = FuzzSettings.For(Reader, i);
            var (bytes, edits) = JsonMutator.Mutate(seed(rng), rng, focus);
            yield return new FuzzInput(i, bytes, edits);
        }
    }

    /// <summary>Reads one input with <paramref name="read"/> and checks the outcome; <paramref name="writeBack"/> checks a success and returns a problem or null.</summary>
    public void Check<T>(FuzzInput input, string api, Func<T> read, Func<T, string?> writeBack)
    {
        Count++;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        T? result = default;
        Exception? thrown = null;
        try
        {
            result = read();
        }
#pragma warning disable CA1031 // Every exception is examined: the point is to find undocumented ones.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            thrown = ex;
        }

        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (clock.Elapsed > slowest)
        {
            (slowest, slowestIndex) = (clock.Elapsed, input.Index);
        }

        mostAllocated = Math.Max(mostAllocated, allocated);

        // Wall time is reported (the slowest read), never asserted: it depends on the machine's load, and speed is
        // measured in the benchmarks. The allocation bound below is deterministic and caught the quadratic
        // validation of issue 17, which took seconds and gigabytes.
        var allowed = MaxAllocatedBase + (MaxAllocatedPerInputByte * input.Bytes.Length);
        if (allocated > allowed)
        {
            Fail(input, api, string.Create(CultureInfo.InvariantCulture, $"allocated {allocated} bytes; the bound is {allowed}"));
        }

        if (thrown is not null)
        {
            var outcome = Documented(thrown);
            if (thrown is RulesJsonException { LineNumber: null } && api is "string" or "stream")
            {
                Fail(input, api, $"{thrown.Message}: no line and byte");
            }

            if (outcome is null)
            {
                Fail(input, api, $"undocumented {thrown.GetType().Name}: {thrown.Message}\n{thrown.StackTrace}");
                Tally(thrown.GetType().Name);
            }
            else
            {
                Tally(outcome);
            }

            return;
        }

        Tally("read");
        if (writeBack(result!) is { } problem)
        {
            Fail(input, api, problem);
        }
    }

    /// <summary>Counts an outcome that is not a read of an input, such as an overlay applied to a base.</summary>
    public void Tally(string outcome) => outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

    /// <summary>The report: seed, counts by outcome, slowest read, most allocated, failures.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Reader}: {Count} malformed inputs (seed {FuzzSettings.Seed}, scale {FuzzSettings.Scale}; set HIPPAIN_FUZZ_SEED and HIPPAIN_FUZZ_SCALE to change them); ");
        text.AppendJoin(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"));
        text.Append(CultureInfo.InvariantCulture, $"; slowest {slowest.TotalMilliseconds:0.0} ms (input {slowestIndex}), most allocated {mostAllocated / 1024} KiB; {failures.Count} failures.");
        foreach (var failure in failures.Take(5))
        {
            text.AppendLine().Append("  ").Append(failure);
        }

        return text.ToString();
    }

    /// <summary>The outcome's name when the exception is documented and carries its code, else null.</summary>
    public static string? Documented(Exception ex) => ex switch
    {
        RulesJsonException json when CodeOf().IsMatch(json.Code) && json.Code.StartsWith("HPJ00", StringComparison.Ordinal)
            && json.Message.StartsWith(json.Code + " at " + json.JsonPath, StringComparison.Ordinal) && json.JsonPath?.StartsWith('$') == true => json.Code,
        ValidationException validation when !validation.Problems.IsEmpty && validation.Problems.All(p => CodeOf().IsMatch(p.Code) && ProblemPathGrammar.Regex().IsMatch(p.Path)) =>
            validation.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal) + " " + validation.Problems[0].Code,
        _ => null,
    };

    private void Fail(FuzzInput input, string api, string problem) =>
        failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Reader} via {api}, seed {FuzzSettings.Seed} input {input.Index} ({input.Edits}): {problem}; input (base64) {Convert.ToBase64String(input.Bytes.Length > 2048 ? input.Bytes[..2048] : input.Bytes)}"));

    [GeneratedRegex("^HP[KJCTIR][0-9]{3}$")]
    private static partial Regex CodeOf();
}
