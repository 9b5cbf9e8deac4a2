using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.24.0: two things published cases state that the base had no code for
/// (docs/evidence/facts-addendum-52-muscle-belly-and-white-count.md). Tenderness along a thigh muscle's belly, weighed
/// by muscle strain once with its other palpation and resisted tests; and a raised white cell count stated without its
/// value, weighed by septic arthritis once with its other infection predictors. No gate reads either.
/// </summary>
public sealed class MuscleBellyAndWhiteCountTests
{
    private const string Strain = "muscle-strain";
    private const string Septic = "septic-arthritis";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    [Fact]
    public void MuscleBellyTenderness_IsAnExaminationWithAClinicianQuestionOnly()
    {
        FindingAssert.HasQuestions(Kb, Findings.MuscleBellyTenderness, FindingKind.Examination, "belly of a thigh muscle", patientQuestionPart: null);
    }

    [Fact]
    public void WhiteCellsRaised_IsAnInvestigationWithAClinicianQuestionOnly()
    {
        FindingAssert.HasQuestions(Kb, Findings.WhiteCellsRaised, FindingKind.Investigation, "reference range", patientQuestionPart: null);
    }

    [Fact]
    public void MuscleBellyRule_IsAnEstimateWithNothingWhenAbsent_AndOnlyMuscleStrainWeighsIt()
    {
        var rule = FindingAssert.EstimatedRule(Kb, Strain + "/" + Findings.MuscleBellyTenderness, 3.0, 1.0, "addendum 52", "Kerkhoffs");
        FindingAssert.OnlyTheseRulesRead(Kb, Findings.MuscleBellyTenderness, rule.Id);
    }

    [Fact]
    public void WhiteCountRule_ReadsGuptaLikeTheCountAbove12000_AndOnlySepticArthritisWeighsIt()
    {
        var rule = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == Septic + "/" + Findings.WhiteCellsRaised));
        var above12 = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == Septic + "/" + Findings.WhiteCellsOver12));

        // 0.62 against 0.05 derives 12.4 / 0.4; the tier B cap for a derived share (LR+ at most 6) makes it 6 / 0.4, as for the count above 12,000.
        Assert.Equal(6.0, rule.Ratio.Positive, 12);
        Assert.Equal(0.4, rule.Ratio.Negative, 12);
        Assert.Equal(above12.Ratio.Positive, rule.Ratio.Positive, 12);
        Assert.Equal(above12.Ratio.Negative, rule.Ratio.Negative, 12);
        Assert.Contains("Gupta", rule.Evidence.Citation, StringComparison.Ordinal);
        Assert.Contains("addendum 52", rule.Evidence.Note!, StringComparison.Ordinal);
        FindingAssert.OnlyTheseRulesRead(Kb, Findings.WhiteCellsRaised, rule.Id);
    }

    [Fact]
    public void NoGate_ReadsMuscleBellyTenderness() => FindingAssert.NoGateReads(Kb, Findings.MuscleBellyTenderness);

    [Fact]
    public void NoGate_ReadsARaisedWhiteCount() => FindingAssert.NoGateReads(Kb, Findings.WhiteCellsRaised);

    [Fact]
    public void Group_CountsMuscleBellyTendernessOnceWithThePalpationAndResistedTests()
    {
        var group = Assert.Single(Kb.Groups, g => g.Id == Strain + "/resisted-tests");
        Assert.Contains(Strain + "/" + Findings.MuscleBellyTenderness, group.Members.Select(m => m.RuleId));

        double Change(params Observation[] observations) => FindingAssert.LogOddsChange(Engine, Strain, 30, Sex.Male, observations);

        // A palpable defect (LR+ 5) is the stronger member; belly tenderness adds nothing beside it.
        Assert.Equal(Math.Log(5.0), Change(Observation.Present(Findings.MuscleBellyTenderness), Observation.Present(Findings.PalpableDefect)), 12);
        Assert.Equal(Math.Log(3.0), Change(Observation.Present(Findings.MuscleBellyTenderness)), 12);
        Assert.Equal(Math.Log(3.0), Change(Observation.Present(Findings.MuscleBellyTenderness), Observation.Present(Findings.AdductorTenderness)), 12);
        Assert.Equal(0.0, Change(Observation.Absent(Findings.MuscleBellyTenderness)), 12);
    }

    [Fact]
    public void Group_CountsARaisedWhiteCountOnceWithTheCountAbove12000()
    {
        var group = Assert.Single(Kb.Groups, g => g.Id == Septic + "/predictors");
        Assert.Contains(Septic + "/" + Findings.WhiteCellsRaised, group.Members.Select(m => m.RuleId));

        double Change(params Observation[] observations) => FindingAssert.LogOddsChange(Engine, Septic, 30, Sex.Male, observations);

        Assert.Equal(Math.Log(6.0), Change(Observation.Present(Findings.WhiteCellsRaised)), 12);
        Assert.Equal(Math.Log(6.0), Change(Observation.Present(Findings.WhiteCellsRaised), Observation.Present(Findings.WhiteCellsOver12)), 12);
        Assert.Equal(Math.Log(6.0) + Math.Log(0.4), Change(Observation.Present(Findings.WhiteCellsRaised), Observation.Absent(Findings.WhiteCellsOver12)), 12);
        Assert.Equal(Math.Log(0.4), Change(Observation.Absent(Findings.WhiteCellsRaised)), 12);
        Assert.Equal(Math.Log(0.4), Change(Observation.Absent(Findings.WhiteCellsRaised), Observation.Absent(Findings.WhiteCellsOver12)), 12);
    }

    [Fact]
    public void Triage_BellyTendernessAfterASprint_RaisesMuscleStrainOnly()
    {
        Observation[] pain = [Observation.Present(Findings.PosteriorThigh), Observation.Present(Findings.SuddenOnset)];
        var without = Engine.Triage(PatientCase.Create(24, Sex.Male, pain));
        var with = Engine.Triage(PatientCase.Create(24, Sex.Male, [.. pain, Observation.Present(Findings.MuscleBellyTenderness)]));

        FindingAssert.OnlyTheseCausesMove(without, with, new Dictionary<string, double> { [Strain] = 3.0 });
    }

    [Fact]
    public void Triage_ARaisedWhiteCountWithGroinPain_RaisesSepticArthritisOnly_AndLeavesTheUrgencyToTheGates()
    {
        Observation[] pain = [Observation.Present(Findings.Groin), Observation.Present(Findings.DistanceRunner)];
        var without = Engine.Triage(PatientCase.Create(40, Sex.Female, pain));
        var with = Engine.Triage(PatientCase.Create(40, Sex.Female, [.. pain, Observation.Present(Findings.WhiteCellsRaised)]));

        FindingAssert.OnlyTheseCausesMove(without, with, new Dictionary<string, double> { [Septic] = 6.0 });
    }
}
