using System.Globalization;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Accuracy;

/// <summary>
/// The tool's <c>--patient-interview</c> mode: a patient interview (audience Patient) of every bundled case, vignette and
/// published case (both sets), the simulated patient answering yes to what the case states present and no to everything else.
/// Writes the Markdown table of docs/interview.md; a test holds the medians to at most 15 questions.
/// </summary>
internal static class PatientInterviewLength
{
    /// <summary>One set's figures: how many cases, the median and 90th percentile of questions, and the gates left undecided.</summary>
    public sealed record SetLength(string Name, int Cases, int Median, int Percentile90, int Maximum, int RedFlagMedian, int WithUndecidedGates)
    {
        /// <summary>Each interview of the set, in the set's order (<c>--per-case</c>).</summary>
        public IReadOnlyList<InterviewCount> Interviews { get; init; } = [];
    }

    /// <summary>One patient interview: its case, how many questions it asked, how many of them were red-flag questions, and the findings asked in order.</summary>
    /// <param name="Case">The case's label (its id), or its place in the set when it has none.</param>
    /// <param name="Questions">How many questions the interview asked.</param>
    /// <param name="RedFlagQuestions">How many of them were red-flag questions.</param>
    /// <param name="Asked">The findings asked, in order, each with the simulated patient's answer.</param>
    public sealed record InterviewCount(string Case, int Questions, int RedFlagQuestions, IReadOnlyList<string> Asked);

    /// <summary>Interviews every case of each set that has cases (the bundled cases, vignettes, first published set and holdout batches).</summary>
    /// <param name="root">The repository's root.</param>
    /// <param name="knowledgeBase">The base to interview with: the built-in base, or one with <c>--overlay</c> files applied.</param>
    /// <param name="painMapFirst">Start each interview from age, sex and the pain regions the case states, as a patient
    /// marks them on the web sample's body map before its first question (<c>--pain-map-first</c>); otherwise from age
    /// and sex only.</param>
    public static IReadOnlyList<SetLength> Measure(string root, KnowledgeBase knowledgeBase, bool painMapFirst = false)
    {
        var engine = new TriageEngine(knowledgeBase);
        var interviewer = new Interviewer(engine, new InterviewOptions { Audience = InterviewAudience.Patient });
        var sets = new List<(string Name, List<PatientCase> Cases)>
        {
            ("Bundled cases (console sample)", [.. BundledCases.All.Select(c => c.Case)]),
            ("Vignettes", [.. VignetteSet.Load(Path.Combine(root, VignetteSet.RelativePath)).Select(v => v.ToCase())]),
            ("Published cases", [.. PublishedCaseSet.Load(root).Select(c => PublishedCaseSet.Prepare(c, engine.KnowledgeBase).Vignette.ToCase())]),
        };
        sets.AddRange(HoldoutBatch.All.Select(b => ($"Published cases, {b.LowerName}", (List<PatientCase>)[.. PublishedCaseSet.Load(root, b.RelativePath).Select(c => PublishedCaseSet.Prepare(c, engine.KnowledgeBase).Vignette.ToCase())])));
        var painRegions = painMapFirst
            ? interviewer.PainMap.Select(f => f.Id).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return [.. sets.Where(s => s.Cases.Count > 0).Select(s => Length(interviewer, s.Name, s.Cases, painRegions))];
    }

    /// <summary>
    /// Writes one tab-separated line per interview (<c>--patient-interview --per-case</c>): the set, the case, the questions,
    /// the red-flag questions and the findings asked with their answers, so that two bases can be compared interview by
    /// interview (facts addendum 56).
    /// </summary>
    public static void WritePerCase(IReadOnlyList<SetLength> lengths, TextWriter output)
    {
        output.WriteLine("set\tcase\tquestions\tred-flag questions\tasked");
        foreach (var l in lengths)
        {
            foreach (var i in l.Interviews)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Name}\t{i.Case}\t{i.Questions}\t{i.RedFlagQuestions}\t{string.Join(' ', i.Asked)}"));
            }
        }
    }

    /// <summary>Writes the figures as a Markdown table.</summary>
    public static void Write(IReadOnlyList<SetLength> lengths, TextWriter output)
    {
        output.WriteLine("| Set | Cases | Questions: median | 90th percentile | most | of them red-flag questions: median | Results with a gate still undecided |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var l in lengths)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {l.Name} | {l.Cases} | {l.Median} | {l.Percentile90} | {l.Maximum} | {l.RedFlagMedian} | {l.WithUndecidedGates} |"));
        }
    }

    private static SetLength Length(Interviewer interviewer, string name, List<PatientCase> cases, HashSet<string> painRegions)
    {
        var asked = new List<int>();
        var redFlags = new List<int>();
        var undecided = 0;
        var interviews = new List<InterviewCount>();
        foreach (var (full, index) in cases.Select((c, i) => (c, i)))
        {
            // The regions a patient marks are present; an unmarked region stays unknown, as on the web sample's body map
            // (the library's Interviewer.Conduct with a pain map).
            var marked = full.Observations.Where(o => o.State == FindingState.Present && painRegions.Contains(o.FindingId)).Select(o => o.FindingId);
            var transcript = interviewer.Conduct(new PatientCase(full.Age, full.Sex, []), marked, q => full.StateOf(q.Finding.Id) == FindingState.Present ? FindingState.Present : FindingState.Absent);
            asked.Add(transcript.Answers.Length);
            redFlags.Add(transcript.Final.RedFlagQuestionsAsked);
            undecided += transcript.Final.Result.UndecidedRedFlags.IsEmpty ? 0 : 1;
            interviews.Add(new InterviewCount(
                full.Label ?? (index + 1).ToString(CultureInfo.InvariantCulture),
                transcript.Answers.Length,
                transcript.Final.RedFlagQuestionsAsked,
                [.. transcript.Answers.Select(a => $"{a.Question.Finding.Id}={(a.Answer == FindingState.Present ? "yes" : "no")}")]));
        }

        asked.Sort();
        redFlags.Sort();
        return new SetLength(name, cases.Count, asked[(asked.Count - 1) / 2], asked[Math.Max(0, (int)Math.Ceiling(0.9 * asked.Count) - 1)], asked[^1], redFlags[(redFlags.Count - 1) / 2], undecided)
        {
            Interviews = interviews,
        };
    }
}
