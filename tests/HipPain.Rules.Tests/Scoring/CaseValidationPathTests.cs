using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// Where each case problem points and what it says, and the edges of the allowed age range: a clinic shows these
/// to the person who entered the case, so a problem without its path or its text leaves them guessing.
/// </summary>
public sealed class CaseValidationPathTests
{
    private static readonly TriageEngine BuiltIn = new(BuiltInKnowledgeBase.Instance);

    [Theory]
    [InlineData(0)]
    [InlineData(120)]
    public void Validate_AgeAtTheEdgeOfTheRange_NoProblem(int age)
    {
        Assert.Empty(BuiltIn.Validate(PatientCase.Create(age, Sex.Female, Observation.Present("loc.groin"))));
    }

    [Fact]
    public void Validate_ManyProblems_EachAtItsPathWithItsMessage()
    {
        var patientCase = new PatientCase(
            -1,
            (Sex)9,
            [new Observation(" ", FindingState.Present), new Observation("x", (FindingState)7), Observation.Present("loc.groin"), Observation.Absent("loc.groin"), Observation.Absent("loc.groin")]);

        var problems = BuiltIn.Validate(patientCase);

        Assert.Equal(
            [
                (ErrorCodes.CaseAgeOutOfRange, "$.age", "Age -1 is outside the allowed range 0..120 years."),
                (ErrorCodes.CaseUndefinedSex, "$.sex", "Sex 9 is not defined; allowed: Unspecified, Female, Male."),
                (ErrorCodes.CaseMissingFindingId, "$.observations[0].findingId", "The finding code is null or blank."),
                (ErrorCodes.CaseUndefinedState, "$.observations[1].state", "State 7 of finding 'x' is not defined; allowed: Unknown, Present, Absent."),
                (ErrorCodes.CaseUnknownFinding, "$.observations[1].findingId", $"Unknown finding code 'x': knowledge base '{BuiltIn.KnowledgeBase.Id}' {BuiltIn.KnowledgeBase.Version} has no such finding."),
                (ErrorCodes.CaseContradiction, "$.observations[3]", "Finding 'loc.groin' is Absent here but Present at $.observations[2]; a finding is either present or absent."),
                (ErrorCodes.CaseContradiction, "$.observations[4]", "Finding 'loc.groin' is Absent here but Present at $.observations[2]; a finding is either present or absent."),
            ],
            problems.Select(p => (p.Code, p.Path, p.Message)));
    }

    [Fact]
    public void Validate_SameStateTwice_DuplicateNamesTheFirstPlace()
    {
        var problem = Assert.Single(BuiltIn.Validate(PatientCase.Create(30, Sex.Male, Observation.Absent("loc.groin"), Observation.Present("loc.lateral-hip"), Observation.Absent("loc.groin"))));

        Assert.Equal((ErrorCodes.CaseDuplicateFinding, "$.observations[2]"), (problem.Code, problem.Path));
        Assert.Equal("Finding 'loc.groin' is listed again (first at $.observations[0]); list each finding once.", problem.Message);
    }
}
