using HipPain.Rules.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

/// <summary>
/// Regression tests for issue 17 on the DI path: a pack or overlay file that made the reader throw an
/// undocumented <see cref="InvalidOperationException"/> escaped resolution and <see cref="IKnowledgeBaseProvider.Reload"/>.
/// </summary>
public sealed class ReaderDefectTests
{
    [Fact]
    public void Resolve_BaseFileWithUnpairedSurrogateEscape_OptionsExceptionNotInvalidOperation()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", """{"\ud800":1}""");
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile(path)).BuildServiceProvider();

        var ex = Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<TriageEngine>());

        Assert.Equal([$"HPJ001 at {path}:$ (line 1, byte 3): The property name is not valid Unicode: \\ud800 is a high surrogate escape with no low surrogate escape after it."], ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Reload_OverlayFileWithInvalidUtf8_OptionsExceptionAndTheCurrentSnapshotStays()
    {
        using var folder = new TestBases.TempFolder();
        var overlay = folder.Write("clinic.overlay.json", TestBases.PriorOverlay("gtps", 0.4));
        using var provider = new ServiceCollection()
            .AddHipPainRules(o => o.UseKnowledgeBase(TestBases.Create()).AddOverlayFile(overlay))
            .BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        var before = rules.Current;
        File.WriteAllBytes(overlay, [(byte)'{', (byte)'"', 0xFE, (byte)'"', (byte)':']);

        var ex = Assert.Throws<HipPainRulesOptionsException>(rules.Reload);

        Assert.Equal([$"HPJ001 at {overlay}:$ (line 1, byte 3): The property name is not valid UTF-8: byte 0xFE cannot appear in UTF-8 text."], ex.Problems.Select(p => p.ToString()));
        Assert.Same(before, rules.Current);
    }
}
