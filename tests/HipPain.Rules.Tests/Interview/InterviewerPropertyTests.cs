using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Interview;

/// <summary>The interview's guarantees, on random knowledge bases and cases (issue 6).</summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 150)]
public sealed class InterviewerPropertyTests
{
    [Property]
    public Property RankQuestions_KnownFinding_NeverSuggested(World world)
    {
        var ranked = new Interviewer(new TriageEngine(world.KnowledgeBase)).RankQuestions(world.Case);
        var named = world.Case.Observations.Select(o => o.FindingId).ToHashSet(StringComparer.Ordinal);
        var open = world.KnowledgeBase.Findings.Count(f => !named.Contains(f.Id) && RandomWorlds.CanBePresent(f, world.Case.Sex));
        var otherSex = world.KnowledgeBase.Findings.Any(f => !RandomWorlds.CanBePresent(f, world.Case.Sex));
        return (ranked.All(q => !named.Contains(q.Finding.Id) && RandomWorlds.CanBePresent(q.Finding, world.Case.Sex)) && ranked.Length == open)
            .Label(world.ToString())
            .Classify(otherSex, "a one-sex finding of the other sex is not suggested");
    }

    /// <summary>
    /// A pain map is the starting case with the marked regions appended as present: the same result, the same next
    /// question, no question counted, and every marked region among the state's starting observations.
    /// </summary>
    [Property(MaxTest = 400)]
    public Property Start_WithAPainMap_SameAsTheRegionsAppendedToTheStartingCase(World world, int mask)
    {
        var interviewer = new Interviewer(new TriageEngine(world.KnowledgeBase), new InterviewOptions { Audience = InterviewAudience.Patient });

        // The random case without its pain regions, so that every region of the map can be marked.
        var regions = interviewer.PainMap.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var start = new PatientCase(world.Case.Age, world.Case.Sex, world.Case.Observations.Where(o => !regions.Contains(o.FindingId)), world.Case.Label);
        var open = interviewer.PainMap.Where(f => RandomWorlds.CanBePresent(f, world.Case.Sex)).ToArray();
        if (open.Length == 0)
        {
            return true.Label(world.ToString()).Classify(true, "no pain region in the base (skipped)");
        }

        var marked = open.Where((_, i) => (mask >> (i % 31) & 1) == 1).Select(f => f.Id).ToArray();
        var appended = marked.Aggregate(start, (c, id) => c.With(id, FindingState.Present));
        var withMap = interviewer.Start(start, marked);
        var direct = interviewer.Step(appended);
        var same = withMap.Result.Differential.Select(r => (r.Cause.Id, r.LogOdds)).SequenceEqual(direct.Result.Differential.Select(r => (r.Cause.Id, r.LogOdds)))
            && withMap.Result.Urgency == direct.Result.Urgency
            && withMap.NextQuestion?.Finding.Id == direct.NextQuestion?.Finding.Id
            && withMap.StopReason == direct.StopReason
            && withMap.QuestionsAsked == 0
            && withMap.State.StartingObservationCount == start.Observations.Length + marked.Length;
        return same.Label($"{world}: map {string.Join(' ', marked)}").Classify(marked.Length == 0, "nothing marked");
    }

    [Property]
    public Property RankQuestions_ExpectedGain_FiniteAndNeverNegative(World world)
    {
        var ranked = new Interviewer(new TriageEngine(world.KnowledgeBase)).RankQuestions(world.Case);
        return ranked.All(q => q.ExpectedGain >= 0 && double.IsFinite(q.ExpectedGain) && q.PredictedPresentProbability is >= 0 and <= 1)
            .Label(world.ToString());
    }

    [Property]
    public Property NextQuestion_IsTheFirstRankedQuestion(World world)
    {
        var interviewer = new Interviewer(new TriageEngine(world.KnowledgeBase));
        var next = interviewer.NextQuestion(world.Case);
        var first = interviewer.RankQuestions(world.Case).FirstOrDefault();
        return (next?.Finding.Id == first?.Finding.Id && next?.Reason == first?.Reason).Label(world.ToString());
    }

    [Property]
    public Property CaseAnalysis_ScoresAsTheEngine(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var result = engine.Triage(world.Case);
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), world.Case);
        var causes = world.KnowledgeBase.Causes;
        var same = result.Differential.All(r => Math.Abs(r.LogOdds - analysis.LogOdds[causes.IndexOf(r.Cause)]) <= 1e-9)
            && result.Urgency == analysis.Urgency;
        return same.Label(world.ToString());
    }

    /// <summary>
    /// The interviewer weighs a question by the log-odds each answer would give; they are the engine's own (the same
    /// compiled rules, evidence groups and graded rules), so the gain it reports is the gain the engine would show.
    /// </summary>
    [Property]
    public Property CaseAnalysis_AnswerPredicted_EqualsTheEnginesScoreOfTheAnsweredCase(World world, int pick, bool present)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var open = world.KnowledgeBase.Findings.Select(f => f.Id).Except(world.Case.Observations.Select(o => o.FindingId)).ToArray();
        if (open.Length == 0)
        {
            return true.Label(world.ToString()).Classify(true, "every finding named (nothing to predict)");
        }

        var finding = open[Math.Abs(pick % open.Length)];

        // A one-sex finding of the other sex can only be absent (HPC008); the interview never asks it, but a caller may state it.
        var answer = present && RandomWorlds.CanBePresent(world.KnowledgeBase.Findings.Single(f => f.Id == finding), world.Case.Sex) ? FindingState.Present : FindingState.Absent;
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), world.Case);
        var predicted = analysis.LogOddsAfter(engine.IndexOfFinding(finding), answer);
        var actual = engine.Triage(world.Case.With(finding, answer)).Differential;
        var same = actual.All(r => Math.Abs(r.LogOdds - predicted[engine.IndexOfCause(r.Cause.Id)]) <= 1e-9);
        var grouped = world.KnowledgeBase.Groups.Any(g => g.Members.Any(m => world.KnowledgeBase.TryGetRule(m.RuleId, out var rule) && rule.FindingIds().Contains(finding)));
        return same.Label($"{world}: answer {finding}={answer}").Classify(grouped, "the finding feeds an evidence group");
    }

    [Property]
    public Property Conduct_RandomAnswers_TerminatesWithinBoundAndAsksEveryRedFlagQuestion(World world, int answerSeed, PositiveInt maximum)
    {
        var options = new InterviewOptions { MaximumQuestions = 1 + (maximum.Get % 12) };
        var interviewer = new Interviewer(new TriageEngine(world.KnowledgeBase), options);
        var rng = new Random(answerSeed);
        var transcript = interviewer.Conduct(world.Case, _ => (FindingState)rng.Next(0, 3));

        var redFlagAsked = transcript.Answers.Count(a => a.Question.IsRedFlagQuestion);
        var open = world.KnowledgeBase.Findings.Length - world.Case.Observations.Length;
        var counted = transcript.Final.QuestionsAsked == transcript.Answers.Length && transcript.Final.RedFlagQuestionsAsked == redFlagAsked;
        var bounded = transcript.Answers.Length <= open && transcript.Final.DiagnosticQuestionsAsked <= options.MaximumQuestions;
        var flagsFirst = transcript.Answers.SkipWhile(a => a.Question.IsRedFlagQuestion).All(a => !a.Question.IsRedFlagQuestion);
        var noFlagLeft = interviewer.RankQuestions(transcript.Case).All(q => !q.IsRedFlagQuestion);
        var noPivotalFindingLeft = transcript.Final.Result.RedFlags
            .Where(r => r.Status == RedFlagStatus.Undecided && r.RedFlag.Urgency >= options.RedFlagUrgency)
            .All(r => !HasPivotalOpenFinding(r.RedFlag.Criterion, transcript.Case, world.KnowledgeBase));
        return (transcript.Final.IsFinished && counted && bounded && flagsFirst && noFlagLeft && noPivotalFindingLeft)
            .Label($"{world}; {transcript.Answers.Length} answers, {redFlagAsked} red-flag, stop {transcript.Final.StopReason}");
    }

    [Property]
    public Property Step_Finished_ReasonMatchesState(World world)
    {
        var interviewer = new Interviewer(new TriageEngine(world.KnowledgeBase));
        var step = interviewer.Step(world.Case);
        var consistent = step.IsFinished == (step.NextQuestion is null)
            && (step.StopReason != InterviewStopReason.NoQuestionsLeft || interviewer.NextQuestion(world.Case) is null)
            && (!step.IsFinished || interviewer.RankQuestions(world.Case).All(q => !q.IsRedFlagQuestion));
        return consistent.Label(world.ToString());
    }

    /// <summary>
    /// Brute force, independent of the interviewer: true when some finding the case does not name, and that can be asked
    /// of this patient, can still change the gate's outcome for some answers to the gate's other open findings. A
    /// one-sex finding of the other sex is never asked (<see cref="Finding.Sex"/>) and stays unknown.
    /// </summary>
    private static bool HasPivotalOpenFinding(Criterion criterion, PatientCase patientCase, KnowledgeBase knowledgeBase)
    {
        var open = criterion.FindingIds().Distinct(StringComparer.Ordinal)
            .Where(id => patientCase.Observations.All(o => o.FindingId != id))
            .Where(id => RandomWorlds.CanBePresent(knowledgeBase.Findings.Single(f => f.Id == id), patientCase.Sex)).ToArray();
        foreach (var finding in open)
        {
            var others = open.Where(id => id != finding).ToArray();
            for (var mask = 0; mask < 1 << others.Length; mask++)
            {
                var completed = patientCase;
                for (var i = 0; i < others.Length; i++)
                {
                    completed = completed.With(others[i], (mask & (1 << i)) != 0 ? FindingState.Present : FindingState.Absent);
                }

                if (criterion.Evaluate(completed.With(finding, FindingState.Present)) != criterion.Evaluate(completed.With(finding, FindingState.Absent)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
