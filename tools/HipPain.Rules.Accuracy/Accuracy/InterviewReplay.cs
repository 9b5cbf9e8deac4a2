using System.Collections.Immutable;
using System.Globalization;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Accuracy;

/// <summary>
/// The tool's <c>--interview</c> mode: interviews every vignette, asking only what the vignette states, and
/// compares the result with triaging the whole vignette. Writes Markdown for <c>docs/interview.md</c>.
/// </summary>
internal static class InterviewReplay
{
    /// <summary>Interviews every vignette and compares each with triaging the whole vignette.</summary>
    public static InterviewReplayReport Evaluate(Interviewer interviewer, IReadOnlyList<Vignette> vignettes)
    {
        var kb = interviewer.Engine.KnowledgeBase;
        var outcomes = new List<InterviewReplayOutcome>();
        foreach (var vignette in vignettes)
        {
            var full = vignette.ToCase();
            var fullResult = interviewer.Engine.Triage(full);

            // Start from age and sex with every finding the vignette does not state marked unknown, so the interview
            // chooses among the vignette's own findings and its answers are the vignette's.
            var silent = kb.Findings.Where(f => full.Observations.All(o => o.FindingId != f.Id)).Select(f => Observation.Unknown(f.Id));
            var transcript = interviewer.Conduct(new PatientCase(full.Age, full.Sex, silent, vignette.Id), q => full.StateOf(q.Finding.Id));
            var result = transcript.Final.Result;
            var accepted = vignette.Alternatives.Prepend(vignette.Reference).ToHashSet(StringComparer.Ordinal);
            outcomes.Add(new InterviewReplayOutcome(
                vignette,
                result.Differential.Where(r => accepted.Contains(r.Cause.Id)).Min(r => r.Rank),
                fullResult.Differential.Where(r => accepted.Contains(r.Cause.Id)).Min(r => r.Rank),
                result.Leading.Cause.Id == fullResult.Leading.Cause.Id,
                result.Urgency,
                transcript.Answers.Length,
                full.Observations.Length,
                transcript.Final.StopReason));
        }

        return new InterviewReplayReport(kb.Id, kb.Version, kb.ContentHash, [.. outcomes]);
    }

    /// <summary>Writes the report as the Markdown quoted in <c>docs/interview.md</c>.</summary>
    public static void Write(InterviewReplayReport report, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = report.Outcomes;
        var n = o.Length;
        var urgent = o.Count(x => x.Vignette.ExpectedUrgency >= Urgency.Urgent);
        output.WriteLine(string.Create(inv, $"Knowledge base {report.KnowledgeBaseId} {report.KnowledgeBaseVersion} ({report.KnowledgeBaseHash[..19]}...), {n} vignettes (tests/HipPain.Rules.Tests/Vignettes/vignettes.json); each interview may ask only the findings its vignette states."));
        output.WriteLine();
        output.WriteLine("| Measure | Interview | Whole vignette |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine(string.Create(inv, $"| Top 1 (reference or accepted alternative) | {Percent(o.Count(x => x.Rank == 1), n)} | {Percent(o.Count(x => x.FullRank == 1), n)} |"));
        output.WriteLine(string.Create(inv, $"| Top 3 | {Percent(report.Top3Count, n)} | {Percent(o.Count(x => x.FullRank <= 3), n)} |"));
        output.WriteLine(string.Create(inv, $"| Same leading cause as the whole vignette | {Percent(o.Count(x => x.SameLeader), n)} | 100% |"));
        output.WriteLine(string.Create(inv, $"| Urgency agrees with the vignette | {Percent(o.Count(x => x.Urgency == x.Vignette.ExpectedUrgency), n)} | |"));
        output.WriteLine(string.Create(inv, $"| Under-triaged (of {urgent} urgent or emergency) | {report.UnderTriagedCount} | |"));
        output.WriteLine(string.Create(inv, $"| Questions asked: median, 90th percentile | {Percentile([.. o.Select(x => x.Asked)], 0.5)}, {Percentile([.. o.Select(x => x.Asked)], 0.9)} | {Percentile([.. o.Select(x => x.Stated)], 0.5)}, {Percentile([.. o.Select(x => x.Stated)], 0.9)} findings stated |"));
        output.WriteLine();
        output.WriteLine("Stop reasons: " + string.Join(", ", o.GroupBy(x => x.StopReason).OrderBy(g => g.Key).Select(g => string.Create(inv, $"{g.Key} {g.Count()}"))) + ".");
        output.WriteLine();
        var misses = o.Where(x => x.Rank > 3 && x.FullRank <= 3)
            .Select(x => string.Create(inv, $"{x.Vignette.Id} (rank {x.Rank} after {x.Asked} of {x.Stated} findings, {x.FullRank} with all)"))
            .ToList();
        output.WriteLine(misses.Count == 0
            ? "No vignette leaves the top three because the interview stopped early."
            : "In the top three with the whole vignette but not after the interview: " + string.Join("; ", misses) + ".");
    }

    private static string Percent(int count, int total) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / total:0}%");

    private static int Percentile(int[] values, double p)
    {
        Array.Sort(values);
        return values[Math.Max(0, (int)Math.Ceiling(p * values.Length) - 1)];
    }
}

/// <summary>How one vignette's interview went.</summary>
/// <param name="Vignette">The vignette.</param>
/// <param name="Rank">Best rank of the reference or an accepted alternative after the interview.</param>
/// <param name="FullRank">The same for the whole vignette, without an interview.</param>
/// <param name="SameLeader">The interview ends with the whole vignette's leading cause first.</param>
/// <param name="Urgency">The urgency after the interview.</param>
/// <param name="Asked">Questions asked.</param>
/// <param name="Stated">Findings the vignette states.</param>
/// <param name="StopReason">Why the interview stopped.</param>
internal sealed record InterviewReplayOutcome(Vignette Vignette, int Rank, int FullRank, bool SameLeader, Urgency Urgency, int Asked, int Stated, InterviewStopReason StopReason);

/// <summary>The interview replayed over a vignette set.</summary>
/// <param name="KnowledgeBaseId">The knowledge base's id.</param>
/// <param name="KnowledgeBaseVersion">Its version.</param>
/// <param name="KnowledgeBaseHash">Its content hash.</param>
/// <param name="Outcomes">One outcome per vignette, in file order.</param>
internal sealed record InterviewReplayReport(string KnowledgeBaseId, string KnowledgeBaseVersion, string KnowledgeBaseHash, ImmutableArray<InterviewReplayOutcome> Outcomes)
{
    /// <summary>Vignettes whose reference or an accepted alternative is in the top three after the interview.</summary>
    public int Top3Count => Outcomes.Count(x => x.Rank <= 3);

    /// <summary>Urgent or emergency vignettes the interview left at a lower urgency.</summary>
    public int UnderTriagedCount => Outcomes.Count(x => x.Vignette.ExpectedUrgency >= Urgency.Urgent && x.Urgency < x.Vignette.ExpectedUrgency);
}
