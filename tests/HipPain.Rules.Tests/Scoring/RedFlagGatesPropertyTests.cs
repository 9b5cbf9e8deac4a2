using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>The gates' shortcut in <see cref="TriageEngine.Triage"/> gives exactly what the criterion program gives for every gate.</summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 300)]
public sealed class RedFlagGatesPropertyTests
{
    [Property]
    public Property Evaluate_AnyCase_EachGateAsTheProgramAndFiredCounted(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var (outcomes, fired, expected) = Both(engine, world.Case);
        var skipped = world.KnowledgeBase.RedFlags.Any(f => !f.Criterion.FindingIds().Any(id => world.Case.Observations.Any(o => o.FindingId == id)));
        return (outcomes.SequenceEqual(expected) && fired == expected.Count(o => o == CriterionProgram.Met))
            .Label($"{world}: [{string.Join(", ", outcomes)}] against [{string.Join(", ", expected)}]")
            .Classify(skipped, "a gate the case does not touch");
    }

    [Fact]
    public void Evaluate_BuiltInBase_EachGateAsTheProgramForCasesThatTouchAndDoNotTouchIt()
    {
        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance);
        var findings = BuiltInKnowledgeBase.Instance.Findings;
        var cases = new List<PatientCase> { PatientCase.Create(null, Sex.Unspecified), PatientCase.Create(70, Sex.Female) };
        for (var f = 0; f < findings.Length; f++)
        {
            // Another finding than f (the stride can land on f itself for some counts), and a sex that can have each present one.
            var other = ((f * 7) + 1) % findings.Length;
            other = other == f ? (f + 1) % findings.Length : other;
            cases.Add(PatientCase.Create(f % 3 == 0 ? null : 15 + (f % 100), SexThatCanHave(findings[f], (Sex)(f % 3)), Observation.Present(findings[f].Id)));
            cases.Add(PatientCase.Create(40, SexThatCanHave(findings[other], Sex.Male), Observation.Absent(findings[f].Id), Observation.Present(findings[other].Id)));
        }

        foreach (var patientCase in cases)
        {
            var (outcomes, fired, expected) = Both(engine, patientCase);
            Assert.Equal(expected, outcomes);
            Assert.Equal(expected.Count(o => o == CriterionProgram.Met), fired);
        }
    }

    /// <summary><paramref name="wanted"/>, unless the finding can be present in one sex only and that is the other one.</summary>
    private static Sex SexThatCanHave(Finding finding, Sex wanted) => RandomWorlds.CanBePresent(finding, wanted) ? wanted : finding.Sex;

    private static (int[] Outcomes, int Fired, int[] Expected) Both(TriageEngine engine, PatientCase patientCase)
    {
        var compiled = engine.Compiled;
        var states = new FindingState[engine.FindingCount];
        engine.CopyStates(patientCase, states);
        var age = patientCase.Age ?? CriterionProgram.NoAge;
        var outcomes = new int[compiled.RedFlags.Length];
        var fired = compiled.Gates.Evaluate(states, age, patientCase.Sex, new ulong[compiled.Gates.MaskWords], outcomes);
        var expected = compiled.RedFlags.Select(f => compiled.Program.Evaluate(f.Root, states, age, patientCase.Sex)).ToArray();
        return (outcomes, fired, expected);
    }
}
