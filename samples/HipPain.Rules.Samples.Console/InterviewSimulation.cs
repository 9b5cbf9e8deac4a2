using System.Globalization;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Samples.Console;

/// <summary>
/// The sample's <c>--simulate N --seed S</c> mode: interviews simulated patients and the bundled cases and writes
/// the Markdown tables of <c>docs/interview.md</c>. Deterministic for a given seed and knowledge base.
/// </summary>
public static class InterviewSimulation
{
    /// <summary>Runs the simulation and writes the report.</summary>
    /// <param name="interviewer">The interviewer.</param>
    /// <param name="patientsPerCause">How many simulated patients per cause (at least 1).</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="output">Where the Markdown goes.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patientsPerCause"/> is below 1.</exception>
    public static void Run(Interviewer interviewer, int patientsPerCause, int seed, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(interviewer);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(patientsPerCause, 1);
        var kb = interviewer.Engine.KnowledgeBase;
        var inv = CultureInfo.InvariantCulture;
        var rng = new Random(seed);
        output.WriteLine(string.Create(inv, $"Knowledge base {kb.Id} {kb.Version} ({kb.ContentHash[..19]}...), {kb.Causes.Length} causes, {kb.Findings.Length} findings; {patientsPerCause} simulated patients per cause, seed {seed}, background rate {interviewer.AnswerModel.BackgroundPresentRate} ({interviewer.AnswerModel.AlarmBackgroundPresentRate} for the {kb.Findings.Count(f => interviewer.AnswerModel.IsAlarmFinding(f.Id))} alarm findings)."));
        output.WriteLine();
        output.WriteLine("| Cause | Top 1 | Top 3 | Top 3, every finding answered | Urgent or Emergency | Questions: median | 90th percentile | Red-flag questions: median |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var allQuestions = new List<int>();
        int allTop1 = 0, allTop3 = 0, allTop3Full = 0;
        var stops = new SortedDictionary<InterviewStopReason, int>();
        foreach (var cause in kb.Causes)
        {
            var questions = new List<int>();
            var redFlagQuestions = new List<int>();
            int top1 = 0, top3 = 0, top3Full = 0, escalated = 0;
            for (var i = 0; i < patientsPerCause; i++)
            {
                // Draw every answer up front, in finding order, so the patient does not depend on the questions asked.
                var present = kb.Findings.ToDictionary(f => f.Id, f => rng.NextDouble() < interviewer.AnswerModel.PresentRate(cause.Id, f.Id), StringComparer.Ordinal);
                var transcript = interviewer.Conduct(
                    new PatientCase(null, Sex.Unspecified, []),
                    q => present[q.Finding.Id] ? FindingState.Present : FindingState.Absent);
                var rank = transcript.Final.Result.Differential.First(r => r.Cause.Id == cause.Id).Rank;

                // The ceiling: the same patient with every finding answered, no interview.
                var everything = new PatientCase(null, Sex.Unspecified, kb.Findings.Select(f => present[f.Id] ? Observation.Present(f.Id) : Observation.Absent(f.Id)));
                top3Full += interviewer.Engine.Triage(everything).Differential.First(r => r.Cause.Id == cause.Id).Rank <= 3 ? 1 : 0;
                top1 += rank == 1 ? 1 : 0;
                top3 += rank <= 3 ? 1 : 0;
                escalated += transcript.Final.Result.Urgency >= Urgency.Urgent ? 1 : 0;
                questions.Add(transcript.Answers.Length);
                redFlagQuestions.Add(transcript.Answers.Count(a => a.Question.IsRedFlagQuestion));
                stops[transcript.Final.StopReason] = stops.GetValueOrDefault(transcript.Final.StopReason) + 1;
            }

            allQuestions.AddRange(questions);
            allTop1 += top1;
            allTop3 += top3;
            allTop3Full += top3Full;
            output.WriteLine(string.Create(inv, $"| {cause.Name} | {Percent(top1, patientsPerCause)} | {Percent(top3, patientsPerCause)} | {Percent(top3Full, patientsPerCause)} | {Percent(escalated, patientsPerCause)} | {Percentile(questions, 0.5)} | {Percentile(questions, 0.9)} | {Percentile(redFlagQuestions, 0.5)} |"));
        }

        var total = kb.Causes.Length * patientsPerCause;
        output.WriteLine(string.Create(inv, $"| **All causes** | {Percent(allTop1, total)} | {Percent(allTop3, total)} | {Percent(allTop3Full, total)} | | {Percentile(allQuestions, 0.5)} | {Percentile(allQuestions, 0.9)} | |"));
        output.WriteLine();
        output.WriteLine("Stop reasons: " + string.Join(", ", stops.Select(s => string.Create(inv, $"{s.Key} {s.Value}"))) + ".");
        output.WriteLine();
        output.WriteLine("Bundled cases (the interview may ask only what the case states: it starts from the case's age and sex with every other finding marked unknown):");
        output.WriteLine();

        // The bundled cases are written for the built-in base: another base may not have their findings.
        var unreadable = BundledCases.All.Where(c => !interviewer.Engine.Validate(c.Case).IsEmpty).Select(c => c.Name).ToList();
        if (unreadable.Count == BundledCases.All.Count)
        {
            output.WriteLine(string.Create(inv, $"All {unreadable.Count} skipped, as they name findings knowledge base '{kb.Id}' {kb.Version} does not have: {string.Join(", ", unreadable)}."));
            return;
        }

        output.WriteLine("| Case | Leading cause of the full case | Its rank after the interview | Questions asked | Urgency (full case) | Stop reason |");
        output.WriteLine("|---|---|---:|---:|---|---|");
        foreach (var (name, _, full) in BundledCases.All.Where(c => !unreadable.Contains(c.Name)))
        {
            var fullResult = interviewer.Engine.Triage(full);
            var expected = fullResult.Leading.Cause;
            var silent = kb.Findings.Where(f => full.Observations.All(o => o.FindingId != f.Id)).Select(f => Observation.Unknown(f.Id));
            var transcript = interviewer.Conduct(new PatientCase(full.Age, full.Sex, silent), q => full.StateOf(q.Finding.Id));
            var rank = transcript.Final.Result.Differential.First(r => r.Cause.Id == expected.Id).Rank;
            output.WriteLine(string.Create(inv, $"| {name} | {expected.Name} | {rank} | {transcript.Answers.Length} of {full.Observations.Length} | {transcript.Final.Result.Urgency} ({fullResult.Urgency}) | {transcript.Final.StopReason} |"));
        }

        if (unreadable.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(string.Create(inv, $"{unreadable.Count} skipped, as they name findings knowledge base '{kb.Id}' {kb.Version} does not have: {string.Join(", ", unreadable)}."));
        }
    }

    private static string Percent(int count, int total) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / total:0}%");

    /// <summary>The nearest-rank percentile: the smallest value with at least the fraction <paramref name="p"/> of values at or below it.</summary>
    /// <param name="values">The values; at least one.</param>
    /// <param name="p">The fraction, in (0, 1].</param>
    /// <returns>The percentile.</returns>
    public static int Percentile(IReadOnlyCollection<int> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
