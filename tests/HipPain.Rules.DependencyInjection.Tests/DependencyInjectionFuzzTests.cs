using System.Text.RegularExpressions;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Safety.Fuzzing;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

/// <summary>
/// Fuzzes the DI path on every CI run (issue 17): malformed knowledge-base and overlay files, read at the first
/// resolution and by <see cref="IKnowledgeBaseProvider.Reload"/>. Resolution may only succeed or throw
/// <see cref="HipPainRulesOptionsException"/> whose every problem has a reader's code; a failed reload keeps the current
/// snapshot. The generator is shared with the reader fuzzers (tests/HipPain.Rules.Tests/Safety/Fuzzing).
/// </summary>
public sealed partial class DependencyInjectionFuzzTests(ITestOutputHelper output)
{
    public const int Inputs = 1_000;

    [Fact]
    public void Fuzz_ResolveAndReloadFromFiles_OnlyOptionsExceptionsWithCodes()
    {
        using var folder = new TestBases.TempFolder();
        var basePath = Path.Combine(folder.Path, "base.knowledge-base.json");
        var overlayPath = Path.Combine(folder.Path, "clinic.overlay.json");
        var run = new FuzzRun("DI files");
        using var reloading = new ServiceCollection()
            .AddHipPainRules(o => o.UseKnowledgeBase(FuzzSeeds.Small).AddOverlayFile(overlayPath))
            .BuildServiceProvider();
        File.WriteAllText(overlayPath, """{"formatVersion":1,"id":"o","version":"1"}""");
        var provider = reloading.GetRequiredService<IKnowledgeBaseProvider>();
        foreach (var input in run.Inputs(FuzzSettings.Count(Inputs), rng => rng.Next(2) == 0 ? FuzzSeeds.KnowledgeBase(rng) : FuzzSeeds.Overlay(rng)))
        {
            var isBase = input.Bytes.AsSpan().IndexOf("\"causes\""u8) >= 0 && input.Bytes.AsSpan().IndexOf("\"addCauses\""u8) < 0;
            if (isBase)
            {
                File.WriteAllBytes(basePath, input.Bytes);
                run.Check(input, "first resolution", () => Resolve(basePath), _ => null);
            }
            else
            {
                File.WriteAllBytes(overlayPath, input.Bytes);
                var before = provider.Current;
                run.Check(input, "reload", () => Reload(provider, before), _ => null);
            }
        }

        output.WriteLine(run.Report());
        Assert.True(run.Failures.Count == 0, run.Report());
    }

    private static TriageEngine Resolve(string basePath)
    {
        using var services = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile(basePath)).BuildServiceProvider();
        try
        {
            return services.GetRequiredService<TriageEngine>();
        }
        catch (HipPainRulesOptionsException ex) when (ex.Problems.All(p => Code().IsMatch(p.Code)))
        {
            throw new DocumentedFailure(ex);
        }
    }

    private static KnowledgeBaseSnapshot Reload(IKnowledgeBaseProvider provider, KnowledgeBaseSnapshot before)
    {
        try
        {
            return provider.Reload();
        }
        catch (HipPainRulesOptionsException ex) when (ex.Problems.All(p => Code().IsMatch(p.Code)) && ReferenceEquals(before, provider.Current))
        {
            throw new DocumentedFailure(ex);
        }
    }

    [GeneratedRegex(@"^HP[JKT][0-9]{3}$")]
    private static partial Regex Code();

    /// <summary>A documented options failure, every problem with a reader's code, turned into the outcome the shared run counts.</summary>
    private sealed class DocumentedFailure(HipPainRulesOptionsException inner)
        : Validation.ValidationException("options", inner.Problems);
}
