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
        output.WriteLine(string.Create(inv, $"Knowledge base {kb.Id} {kb.Version} ({kb.ContentHash[..19]}...), {kb.Causes.Length} causes, {kb.Findings.Length} findings; {patientsPerCause} simulated patients per cause, seed {seed}, background rate {interviewer.AnswerModel.BackgroundRate}."));
        output.WriteLine();
        output.WriteLine("| Cause | Top 1 | Top 3 | Questions: median | 90th percentile | Red-flag questions: median |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        var allQuestions = new List<int>();
        int allTop1 = 0, allTop3 = 0;
        var stops = new SortedDictionary<InterviewStopReason, int>();
        foreach (var cause in kb.Causes)
        {
            var questions = new List<int>();
            var redFlagQuestions = new List<int>();
            int top1 = 0, top3 = 0;
            for (var i = 0; i < patientsPerCause; i++)
            {
                // Draw every answer up front, in finding order, so the patient does not depend on the questions asked.
                var present = kb.Findings.ToDictionary(f => f.Id, f => rng.NextDouble() < interviewer.AnswerModel.ProbabilityPresent(cause.Id, f.Id), StringComparer.Ordinal);
                var transcript = interviewer.Conduct(
                    new PatientCase(null, Sex.Unspecified, []),
                    q => present[q.Finding.Id] ? FindingState.Present : FindingState.Absent);
                var rank = transcript.Final.Result.Differential.First(r => r.Cause.Id == cause.Id).Rank;
                top1 += rank == 1 ? 1 : 0;
                top3 += rank <= 3 ? 1 : 0;
                questions.Add(transcript.Answers.Length);
                redFlagQuestions.Add(transcript.Answers.Count(a => a.Question.IsRedFlagQuestion));
                stops[transcript.Final.StopReason] = stops.GetValueOrDefault(transcript.Final.StopReason) + 1;
            }

            allQuestions.AddRange(questions);
            allTop1 += top1;
            allTop3 += top3;
            output.WriteLine(string.Create(inv, $"| {cause.Name} | {(double)top1 / patientsPerCause:P0} | {(double)top3 / patientsPerCause:P0} | {Percentile(questions, 0.5)} | {Percentile(questions, 0.9)} | {Percentile(redFlagQuestions, 0.5)} |"));
        }

        var total = kb.Causes.Length * patientsPerCause;
        output.WriteLine(string.Create(inv, $"| **All causes** | {(double)allTop1 / total:P0} | {(double)allTop3 / total:P0} | {Percentile(allQuestions, 0.5)} | {Percentile(allQuestions, 0.9)} | |"));
        output.WriteLine();
        output.WriteLine("Stop reasons: " + string.Join(", ", stops.Select(s => string.Create(inv, $"{s.Key} {s.Value}"))) + ".");
        output.WriteLine();
        output.WriteLine("Bundled cases (interview from age and sex alone; each question is answered as the case states it, unknown when the case is silent):");
        output.WriteLine();
        output.WriteLine("| Case | Leading cause of the full case | Its rank after the interview | Questions | Answered from the case | Stop reason |");
        output.WriteLine("|---|---|---:|---:|---:|---|");
        foreach (var (name, _, full) in BundledCases.All)
        {
            var expected = interviewer.Engine.Triage(full).Leading.Cause;
            var transcript = interviewer.Conduct(new PatientCase(full.Age, full.Sex, []), q => full.StateOf(q.Finding.Id));
            var rank = transcript.Final.Result.Differential.First(r => r.Cause.Id == expected.Id).Rank;
            var known = transcript.Answers.Count(a => a.Answer != FindingState.Unknown);
            output.WriteLine(string.Create(inv, $"| {name} | {expected.Name} | {rank} | {transcript.Answers.Length} | {known} of {full.Observations.Length} | {transcript.Final.StopReason} |"));
        }
    }

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
