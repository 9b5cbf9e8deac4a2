using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Accuracy;

/// <summary>One way of replacing the base's priors for the sensitivity analysis, and the base it gives.</summary>
/// <param name="Name">What the scenario does, for the table.</param>
/// <param name="KnowledgeBase">The base with the scenario's priors (the shipped base for the first scenario).</param>
internal sealed record CaseMixScenario(string Name, KnowledgeBase KnowledgeBase);

/// <summary>The published cases scored under one scenario.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Sets">Each set's name and report: both halves of the first set, then each holdout batch.</param>
internal sealed record CaseMixResult(CaseMixScenario Scenario, ImmutableArray<(string Name, AccuracyReport Report)> Sets);

/// <summary>
/// How much the published-case figures owe to the priors: the same cases scored with the shipped priors, with the
/// one unsourced prior that is far above the others (GTPS's 20 %) at the median of the other causes' priors, and with
/// every cause equally likely before any finding. The case sets hold each cause two to four times by construction, so
/// the last scenario is their own case mix, not a runners' clinic's. An analysis of the evaluation, never a change to
/// the base: nothing here is applied to <c>BuiltInKnowledgeBase</c>, and no scenario's prior has a clinical source.
/// </summary>
internal static class CaseMixSensitivity
{
    /// <summary>The cause whose prior the second scenario moves.</summary>
    public const string UnsourcedLargestPrior = "gtps";

    /// <summary>The evidence every scenario's prior carries: it says what the prior is not.</summary>
    private static readonly Evidence Evidence = new(
        "Sensitivity analysis of the published-case figures (docs/accuracy.md): not a clinical prior",
        EvidenceLevel.ExpertOpinion,
        VerificationStatus.Estimated,
        "Used only by the accuracy tool's --case-mix and --explain --equal-priors options; never part of a shipped base.");

    /// <summary>The scenarios on a base: as shipped, one prior at the others' median, every prior equal.</summary>
    /// <param name="knowledgeBase">The shipped base.</param>
    /// <exception cref="InvalidOperationException">The base has no cause named <see cref="UnsourcedLargestPrior"/>.</exception>
    public static ImmutableArray<CaseMixScenario> Scenarios(KnowledgeBase knowledgeBase)
    {
        var causes = knowledgeBase.Causes;
        var moved = causes.FirstOrDefault(c => c.Id == UnsourcedLargestPrior)
            ?? throw new InvalidOperationException($"The base has no cause '{UnsourcedLargestPrior}' for the sensitivity analysis.");
        var others = causes.Where(c => c.Id != moved.Id).Select(c => c.Prior).Order().ToArray();
        var median = others.Length % 2 == 1 ? others[others.Length / 2] : (others[(others.Length / 2) - 1] + others[others.Length / 2]) / 2;
        var equal = 1.0 / causes.Length;
        var oneMoved = new KnowledgeBaseOverlayBuilder("case-mix-median", "1", "Sensitivity: one prior at the others' median")
            .Prior(moved.Id, median, Evidence)
            .Build()
            .ApplyTo(knowledgeBase);

        return
        [
            new CaseMixScenario(Invariant($"The priors as shipped ({moved.Id} {moved.Prior * 100:0.#} %)"), knowledgeBase),
            new CaseMixScenario(Invariant($"{moved.Id} at {median * 100:0.#} %, the median of the other {others.Length} priors"), oneMoved),
            new CaseMixScenario(Invariant($"Every cause at 1/{causes.Length} ({equal * 100:0.#} %): the case sets' own mix"), EqualPriors(knowledgeBase)),
        ];
    }

    /// <summary>The base with every cause at the same prior (1 / the number of causes): the third scenario.</summary>
    /// <param name="knowledgeBase">The shipped base.</param>
    public static KnowledgeBase EqualPriors(KnowledgeBase knowledgeBase)
    {
        var overlay = new KnowledgeBaseOverlayBuilder("case-mix-equal", "1", "Sensitivity: every cause equally likely");
        foreach (var cause in knowledgeBase.Causes)
        {
            overlay.Prior(cause.Id, 1.0 / knowledgeBase.Causes.Length, Evidence);
        }

        return overlay.Build().ApplyTo(knowledgeBase);
    }

    /// <summary>Scores every published case under every scenario.</summary>
    /// <param name="knowledgeBase">The shipped base.</param>
    /// <param name="root">The repository root.</param>
    public static ImmutableArray<CaseMixResult> Evaluate(KnowledgeBase knowledgeBase, string root) =>
    [
        .. Scenarios(knowledgeBase).Select(s =>
        {
            var published = PublishedAccuracy.Evaluate(s.KnowledgeBase, root);
            var sets = ImmutableArray.CreateBuilder<(string, AccuracyReport)>();
            sets.Add(("Development half", published.Development));
            sets.Add(("Test half", published.Test));
            foreach (var holdout in HoldoutAccuracy.EvaluateAll(s.KnowledgeBase, root))
            {
                sets.Add((holdout.Batch.Name, holdout.All));
            }

            return new CaseMixResult(s, sets.ToImmutable());
        }),
    ];

    /// <summary>The generated markdown section: one row per scenario and set.</summary>
    /// <param name="results">The results of <see cref="Evaluate"/>.</param>
    public static string Render(ImmutableArray<CaseMixResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine("## How much the figures owe to the priors (a sensitivity analysis, not a change)");
        md.AppendLine();
        md.AppendLine("The same published cases scored with other priors, by `--case-mix`. Only the priors change; every finding's");
        md.AppendLine("ratio, every gate and the mapping are the shipped ones. The case sets hold each cause two to four times by");
        md.AppendLine("construction, so \"every cause equally likely\" is their own mix, not a runners' clinic's, and none of these priors");
        md.AppendLine("has a clinical source: the rows show how much of the gap to issue 11's targets is the difference between the");
        md.AppendLine("base's priors and the case reports' mix, and how much is left to the findings. A clinic that knows its own");
        md.AppendLine("case mix sets its priors with an overlay (docs/json-packs.md).");
        md.AppendLine();
        md.AppendLine("| Priors | Set | Top-1 | Top-3 | Under-triaged, provisional counted (settled) | All-cause Brier (priors alone) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            foreach (var (name, report) in result.Sets)
            {
                md.AppendLine(Invariant(
                    $"| {result.Scenario.Name} | {name} | {Percent(report.Top1)} | {Percent(report.Top3)} | {report.UnderTriagedAllowingProvisionalCount} ({report.UnderTriagedCount}) of {report.UrgentOrEmergencyCount} | {report.AllCauseBrier:0.000} ({report.AllCausePriorBrier:0.000}) |"));
            }
        }

        return md.ToString();
    }

    private static string Percent(double value) => Invariant($"{value * 100:0.0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
