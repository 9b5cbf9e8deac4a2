using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.ModelTests;

public sealed class PatientCaseTests
{
    [Fact]
    public void With_FindingNotInTheCase_AppendsIt()
    {
        var patientCase = PatientCase.Create(30, Sex.Female, new Observation("loc.groin", FindingState.Present));

        var changed = patientCase.With("sym.fever", FindingState.Absent);

        Assert.Equal(
            [new Observation("loc.groin", FindingState.Present), new Observation("sym.fever", FindingState.Absent)],
            changed.Observations);
        Assert.Single(patientCase.Observations);
    }

    [Fact]
    public void With_FindingAlreadyInTheCase_ReplacesItWhereItStands()
    {
        var patientCase = PatientCase.Create(30, Sex.Female, new Observation("loc.groin", FindingState.Present), new Observation("sym.fever", FindingState.Unknown))
            .WithLabel("label");

        var changed = patientCase.With("sym.fever", FindingState.Present).With("loc.groin", FindingState.Absent);

        Assert.Equal(
            [new Observation("loc.groin", FindingState.Absent), new Observation("sym.fever", FindingState.Present)],
            changed.Observations);
        Assert.Equal((30, Sex.Female, "label"), (changed.Age, changed.Sex, changed.Label));
    }

    [Fact]
    public void With_SameFindingTwice_GivesACaseTheEngineAccepts()
    {
        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance);

        var patientCase = PatientCase.Create(30, Sex.Female).With("loc.groin", FindingState.Present).With("loc.groin", FindingState.Absent);

        Assert.Empty(engine.Validate(patientCase));
        Assert.Equal(FindingState.Absent, patientCase.StateOf("loc.groin"));
    }
}
