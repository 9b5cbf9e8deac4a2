using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Checks shared by the tests of findings added to the vocabulary for what published cases state (facts addenda 49 to
/// 54): the finding's kind and questions, which rules read it, that no red-flag gate reads it, and that stating it
/// moves exactly the causes that weigh it and no urgency.
/// </summary>
internal static class FindingAssert
{
    /// <summary>
    /// The finding exists, for either sex, with <paramref name="kind"/>; its clinician question contains
    /// <paramref name="questionPart"/>; and its patient question contains <paramref name="patientQuestionPart"/>, or,
    /// when that is null, there is none and a patient interview never asks it.
    /// </summary>
    public static Finding HasQuestions(KnowledgeBase kb, string findingId, FindingKind kind, string questionPart, string? patientQuestionPart)
    {
        Assert.True(kb.TryGetFinding(findingId, out var finding), $"{findingId} is not a finding of the base");

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(Sex.Unspecified, finding.Sex);
        Assert.Contains(questionPart, finding.Question!, StringComparison.Ordinal);
        if (patientQuestionPart is null)
        {
            Assert.Null(finding.PatientQuestion);
            Assert.False(finding.IsAskedOfPatient);
        }
        else
        {
            Assert.Contains(patientQuestionPart, finding.PatientQuestion!, StringComparison.Ordinal);
            Assert.True(finding.IsAskedOfPatient);
        }

        return finding;
    }

    /// <summary>
    /// The single-finding rule <paramref name="ruleId"/> is a maintainers' estimate of LR+ <paramref name="positive"/>
    /// and LR- <paramref name="negative"/>, whose note names <paramref name="addendum"/> and whose citation contains
    /// <paramref name="citationPart"/> when one is given.
    /// </summary>
    public static CriterionRule EstimatedRule(KnowledgeBase kb, string ruleId, double positive, double negative, string addendum, string? citationPart)
    {
        var rule = Assert.IsType<CriterionRule>(Assert.Single(kb.Rules, r => r.Id == ruleId));

        Assert.Equal(positive, rule.Ratio.Positive);
        Assert.Equal(negative, rule.Ratio.Negative);
        Assert.Equal(VerificationStatus.Estimated, rule.Evidence.Status);
        Assert.Contains(addendum, rule.Evidence.Note!, StringComparison.Ordinal);
        if (citationPart is not null)
        {
            Assert.Contains(citationPart, rule.Evidence.Citation, StringComparison.Ordinal);
        }

        return rule;
    }

    /// <summary>Exactly the rules <paramref name="ruleIds"/> read the finding (in any order).</summary>
    public static void OnlyTheseRulesRead(KnowledgeBase kb, string findingId, params string[] ruleIds) =>
        Assert.Equal(
            ruleIds.Order(StringComparer.Ordinal),
            kb.Rules.Where(r => r.FindingIds().Contains(findingId)).Select(r => r.Id).Order(StringComparer.Ordinal));

    /// <summary>
    /// How far stating <paramref name="observations"/> moves one cause's log-odds, against the same patient stating
    /// nothing: the product of the ratios the cause's rules and groups count for them, as a log.
    /// </summary>
    public static double LogOddsChange(TriageEngine engine, string causeId, int age, Sex sex, params Observation[] observations)
    {
        double LogOdds(Observation[] stated) => engine.Triage(PatientCase.Create(age, sex, stated)).Differential.Single(r => r.Cause.Id == causeId).LogOdds;

        return LogOdds(observations) - LogOdds([]);
    }

    /// <summary>No gate reads the finding: not in its criterion, its context (<see cref="RedFlag.AskWhen"/>) or its screening questions.</summary>
    public static void NoGateReads(KnowledgeBase kb, string findingId)
    {
        foreach (var gate in kb.RedFlags)
        {
            Assert.False(gate.Criterion.FindingIds().Contains(findingId), $"{gate.Id}'s criterion reads {findingId}");
            Assert.False(gate.AskWhen?.FindingIds().Contains(findingId) ?? false, $"{gate.Id}'s context reads {findingId}");
            Assert.DoesNotContain(findingId, gate.ScreeningFindingIds);
        }
    }

    /// <summary>
    /// Every cause's log-odds in <paramref name="with"/> differs from <paramref name="without"/> by exactly the log of
    /// its ratio in <paramref name="ratios"/>, and not at all for a cause the dictionary does not name; and, since no
    /// gate reads the finding, the urgency and the highest possible urgency are the same.
    /// </summary>
    public static void OnlyTheseCausesMove(TriageResult without, TriageResult with, IReadOnlyDictionary<string, double> ratios)
    {
        Assert.Equal(without.Differential.Length, with.Differential.Length);
        foreach (var ranked in with.Differential)
        {
            var before = without.Differential.Single(r => r.Cause.Id == ranked.Cause.Id);
            var expected = ratios.TryGetValue(ranked.Cause.Id, out var ratio) ? Math.Log(ratio) : 0.0;
            Assert.Equal(expected, ranked.LogOdds - before.LogOdds, 12);
        }

        Assert.Equal(without.Urgency, with.Urgency);
        Assert.Equal(without.HighestPossibleUrgency, with.HighestPossibleUrgency);
    }
}
