using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.25.0: raised inflammatory markers stated without a value, which published septic arthritis and malignancy
/// cases state and the base had no code for (docs/evidence/facts-addendum-53-inflammatory-markers.md). Septic arthritis
/// weighs it once with its other infection predictors, malignancy on its own, and no gate reads it.
/// </summary>
public sealed class InflammatoryMarkersTests
{
    private const string Septic = "septic-arthritis";
    private const string Malignancy = "malignancy";

    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    [Fact]
    public void Finding_IsAnInvestigationWithAClinicianQuestionOnly()
    {
        FindingAssert.HasQuestions(Kb, Findings.InflammatoryMarkersRaised, FindingKind.Investigation, "ESR or CRP", patientQuestionPart: null);
    }

    [Fact]
    public void Rules_AreTheCappedDerivedShares_AndOnlySepticArthritisAndMalignancyWeighIt()
    {
        var septic = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == Septic + "/" + Findings.InflammatoryMarkersRaised));
        var crp = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == Septic + "/" + Findings.CrpRaised));
        var malignancy = Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == Malignancy + "/" + Findings.InflammatoryMarkersRaised));

        // 0.98 against 0.05 derives 19.6 / 0.021; tier B caps it at 6 / 0.15, the figures of the CRP rule.
        Assert.Equal(6.0, septic.Ratio.Positive, 12);
        Assert.Equal(0.15, septic.Ratio.Negative, 12);
        Assert.Equal(crp.Ratio.Positive, septic.Ratio.Positive, 12);
        Assert.Equal(crp.Ratio.Negative, septic.Ratio.Negative, 12);
        Assert.Contains("Gupta", septic.Evidence.Citation, StringComparison.Ordinal);

        // 0.32 against 0.05 derives 6.4 / 0.72 (rounded as derived ratios are); the cap takes LR+ to 6.
        Assert.Equal(6.0, malignancy.Ratio.Positive, 12);
        Assert.Equal(0.72, malignancy.Ratio.Negative, 12);
        Assert.Contains("541", malignancy.Evidence.Citation, StringComparison.Ordinal);

        foreach (var rule in new[] { septic, malignancy })
        {
            Assert.Contains("addendum 53", rule.Evidence.Note!, StringComparison.Ordinal);
        }

        FindingAssert.OnlyTheseRulesRead(Kb, Findings.InflammatoryMarkersRaised, septic.Id, malignancy.Id);
    }

    [Fact]
    public void NoGate_ReadsRaisedInflammatoryMarkers() => FindingAssert.NoGateReads(Kb, Findings.InflammatoryMarkersRaised);

    [Fact]
    public void Septic_CountsTheMarkersOnceWithTheCrp_WhileMalignancyCountsThemAlone()
    {
        Assert.Contains(Septic + "/" + Findings.InflammatoryMarkersRaised, Kb.Groups.Single(g => g.Id == Septic + "/predictors").Members.Select(m => m.RuleId));
        Assert.DoesNotContain(Kb.Groups, g => g.Members.Any(m => m.RuleId == Malignancy + "/" + Findings.InflammatoryMarkersRaised));

        double Change(string cause, params Observation[] observations) => FindingAssert.LogOddsChange(Engine, cause, 30, Sex.Male, observations);

        Assert.Equal(Math.Log(6.0), Change(Septic, Observation.Present(Findings.InflammatoryMarkersRaised)), 12);
        Assert.Equal(Math.Log(6.0), Change(Septic, Observation.Present(Findings.InflammatoryMarkersRaised), Observation.Present(Findings.CrpRaised)), 12);
        Assert.Equal(Math.Log(0.15), Change(Septic, Observation.Absent(Findings.InflammatoryMarkersRaised), Observation.Absent(Findings.CrpRaised)), 12);

        Assert.Equal(Math.Log(6.0), Change(Malignancy, Observation.Present(Findings.InflammatoryMarkersRaised)), 12);
        Assert.Equal(Math.Log(0.72), Change(Malignancy, Observation.Absent(Findings.InflammatoryMarkersRaised)), 12);
    }

    [Fact]
    public void Triage_RaisedMarkersWithGroinPain_RaiseSepticArthritisAndMalignancyOnly_AndLeaveTheUrgencyToTheGates()
    {
        Observation[] pain = [Observation.Present(Findings.Groin), Observation.Present(Findings.DistanceRunner)];
        var without = Engine.Triage(PatientCase.Create(40, Sex.Female, pain));
        var with = Engine.Triage(PatientCase.Create(40, Sex.Female, [.. pain, Observation.Present(Findings.InflammatoryMarkersRaised)]));

        FindingAssert.OnlyTheseCausesMove(without, with, new Dictionary<string, double> { [Septic] = 6.0, [Malignancy] = 6.0 });
    }
}
