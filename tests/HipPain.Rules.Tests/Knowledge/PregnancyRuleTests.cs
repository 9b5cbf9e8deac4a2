using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.17.0: a pregnancy or a birth in the last 6 months (docs/evidence/facts-addendum-44-pregnancy-postpartum.md),
/// the base's first one-sex finding, weighed by sacroiliac joint pain (P1) and osteonecrosis (P2) only, each counted
/// once with the rules that measure the same thing, and read by no gate.
/// </summary>
public sealed class PregnancyRuleTests
{
    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;

    [Fact]
    public void Finding_Pregnancy_IsTheBasesOnlyOneSexFindingAndAFemaleRiskFactorAskedOfPatients()
    {
        var oneSex = Kb.Findings.Where(f => f.Sex != Sex.Unspecified).ToArray();

        var finding = Assert.Single(oneSex);
        Assert.Equal(Findings.PregnancyPostpartum, finding.Id);
        Assert.Equal(Sex.Female, finding.Sex);
        Assert.Equal(FindingKind.RiskFactor, finding.Kind);
        Assert.True(finding.IsAskedOfPatient);
        Assert.Equal("Are you pregnant, or have you had a baby in the last 6 months?", finding.PatientQuestion);
    }

    [Theory]
    [InlineData("sacroiliac-joint-pain/rf.pregnancy-postpartum", 2.78, 0.96, "Chou LH")]
    [InlineData("avascular-necrosis/rf.pregnancy-postpartum", 2.0, 0.98, "Hernigou P")]
    public void Rule_Addendum44Cell_HasTheRegisteredRatiosAndNamesItsSeriesAndComparison(string ruleId, double positive, double negative, string series)
    {
        RegisteredCell.Holds(ruleId, positive, negative, series, 44, "2%");
    }

    [Fact]
    public void Rules_OnlyTheTwoRegisteredCausesWeighIt_AndNoGateReadsIt()
    {
        var weighing = Kb.Rules.Where(r => r.FindingIds().Contains(Findings.PregnancyPostpartum)).Select(r => r.CauseId).Order(StringComparer.Ordinal);

        Assert.Equal(["avascular-necrosis", "sacroiliac-joint-pain"], weighing);
        Assert.DoesNotContain(Kb.RedFlags, f => f.Criterion.FindingIds().Contains(Findings.PregnancyPostpartum) || (f.AskWhen?.FindingIds().Contains(Findings.PregnancyPostpartum) ?? false));
    }

    [Theory]
    [InlineData("sacroiliac-joint-pain/inciting-event", "sacroiliac-joint-pain/hx.fall-or-trauma")]
    [InlineData("avascular-necrosis/exposure", "avascular-necrosis/rf.steroid-use")]
    public void Group_PregnancyCountsOnceWithTheRulesThatMeasureTheSameThing(string groupId, string sibling)
    {
        var group = Assert.Single(Kb.Groups, g => g.Id == groupId);
        var members = group.Members.Select(m => m.RuleId).ToArray();

        Assert.Contains(sibling, members);
        Assert.Contains(group.CauseId + "/" + Findings.PregnancyPostpartum, members);
    }

    [Fact]
    public void Triage_FallStatedAndPregnancyUnknown_SacroiliacScoreIsTheFallRulesAlone()
    {
        // The new group changes nothing for a case that does not answer the new question (every scored case).
        var engine = new TriageEngine(Kb);
        var fall = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == "sacroiliac-joint-pain/hx.fall-or-trauma"));

        double Sij(params Observation[] observations) => engine.Triage(PatientCase.Create(35, Sex.Female, observations)).Differential.Single(r => r.Cause.Id == "sacroiliac-joint-pain").LogOdds;

        Assert.Equal(Math.Log(fall.Ratio.Positive), Sij(Observation.Present(Findings.FallOrTrauma)) - Sij(), 12);
    }

    [Fact]
    public void Triage_WomanWithButtockPainWhoIsPostpartum_SacroiliacJointPainRises()
    {
        var engine = new TriageEngine(Kb);

        double Sij(FindingState pregnancy) => engine.Triage(PatientCase.Create(32, Sex.Female, Observation.Present(Findings.Buttock), new Observation(Findings.PregnancyPostpartum, pregnancy)))
            .Differential.Single(r => r.Cause.Id == "sacroiliac-joint-pain").Probability;

        Assert.True(Sij(FindingState.Present) > Sij(FindingState.Unknown));
        Assert.True(Sij(FindingState.Absent) < Sij(FindingState.Unknown));
    }

    [Fact]
    public void Conduct_MalePatient_NeverAskedThePregnancyQuestion()
    {
        var interviewer = new Interviewer(new TriageEngine(Kb), new InterviewOptions { Audience = InterviewAudience.Patient, MaximumQuestions = 200 });

        var transcript = interviewer.Conduct(PatientCase.Create(30, Sex.Male, Observation.Present(Findings.Buttock)), _ => FindingState.Absent);

        Assert.DoesNotContain(transcript.Answers, a => a.Question.Finding.Id == Findings.PregnancyPostpartum);
        Assert.NotEmpty(transcript.Answers);
    }

    [Fact]
    public void Conduct_WomanWithButtockPainAnsweringEverythingNo_CanBeAskedThePregnancyQuestion()
    {
        // With no limit on questions, a patient interview of a woman reaches every question that can still move the
        // differential; the pregnancy question moves sacroiliac joint pain, so it is among them.
        var interviewer = new Interviewer(new TriageEngine(Kb), new InterviewOptions { Audience = InterviewAudience.Patient, MaximumQuestions = 200 });

        var transcript = interviewer.Conduct(PatientCase.Create(30, Sex.Female, Observation.Present(Findings.Buttock)), _ => FindingState.Absent);

        Assert.Contains(transcript.Answers, a => a.Question.Finding.Id == Findings.PregnancyPostpartum);
    }
}
