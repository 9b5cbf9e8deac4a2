using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>A random world whose case may have been spoiled: <see cref="Spoilt"/> names what was done to it.</summary>
public sealed record SpoiltWorld(World World, PatientCase Case, ImmutableArray<string> Spoilt)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SpoiltWorld(seed {World.Seed}, spoilt by [{string.Join(", ", Spoilt)}]: age {Case.Age}, sex {(int)Case.Sex}, [{string.Join(", ", Case.Observations.Select(o => $"{o.FindingId ?? "<null>"}={(int)o.State}"))}])");
}

/// <summary>
/// Issue 15 item 2: one definition of a valid case. The allocation-free check (<see cref="TriageEngine.TryCopyStates"/>,
/// which <see cref="TriageEngine.CopyStates"/>, <see cref="TriageEngine.Triage"/> and the interviewer's analysis use)
/// says a case is valid exactly when the problem list (<see cref="TriageEngine.Validate"/>) is empty, on random cases,
/// about half of them spoilt in one or more of the ways a case can be wrong. Every input is checked; none is skipped.
/// </summary>
[Properties(Arbitrary = [typeof(CaseValidationAgreementTests)], MaxTest = 300)]
public sealed class CaseValidationAgreementTests
{
    private static readonly string[] Blanks = ["", " ", "\t\n"];

    private static readonly int[] BadAges = [-1, PatientCase.MaximumAge + 1, int.MinValue, int.MaxValue];

    // 3 is also the value the check writes for a listed Unknown while it copies: a state of 3 must not pass as one.
    private static readonly int[] BadStates = [3, -1, 7, 255];

    private static readonly int[] BadSexes = [3, -1, 200];

    /// <summary>The arbitrary: a random world's case, spoilt (or not) from the same seed.</summary>
    public static Arbitrary<SpoiltWorld> SpoiltWorlds() => Gen.Choose(0, int.MaxValue).Select(MakeSpoiltWorld).ToArbitrary();

    [Property]
    public Property TryCopyStates_AnyCase_ValidExactlyWhenValidateFindsNoProblem(SpoiltWorld world)
    {
        var engine = new TriageEngine(world.World.KnowledgeBase);
        var patientCase = world.Case;
        var states = Enumerable.Repeat((FindingState)3, engine.FindingCount).ToArray();

        var fast = engine.TryCopyStates(patientCase, states);
        var problems = engine.Validate(patientCase);
        var analysed = CaseAnalysis.RentIfValid(new InterviewModel(engine, new InterviewOptions()), patientCase);
        var thrown = Record.Exception(() => engine.CopyStates(patientCase, new FindingState[engine.FindingCount]));

        // A valid case's copy gives every finding the state the case gives it; a case with problems throws them all.
        var copied = !fast || engine.KnowledgeBase.Findings.Select((f, i) => states[i] == patientCase.StateOf(f.Id)).All(same => same);
        var sameThrown = fast
            ? thrown is null
            : thrown is CaseValidationException ex && ex.Problems.SequenceEqual(problems);
        return (fast == problems.IsEmpty && (analysed is not null) == fast && copied && sameThrown)
            .Label($"{world}: fast {fast}, analysed {analysed is not null}, copied as stated {copied}, thrown as listed {sameThrown}; problems [{string.Join("; ", problems.Select(p => $"{p.Code} {p.Path}"))}]")
            .Classify(fast, "valid")
            .Classify(!fast, "invalid")
            .Classify(world.Spoilt.Length > 1, "spoilt more than once");
    }

    [Fact]
    public void SpoiltWorlds_ManySeeds_EveryProblemCodeAndValidCasesAppear()
    {
        const int Seeds = 300;
        var valid = 0;
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var world = MakeSpoiltWorld(seed);
            var problems = new TriageEngine(world.World.KnowledgeBase).Validate(world.Case);
            valid += problems.IsEmpty ? 1 : 0;
            foreach (var code in problems.Select(p => p.Code).Distinct())
            {
                codes[code] = codes.GetValueOrDefault(code) + 1;
            }
        }

        string[] every = [ErrorCodes.CaseUnknownFinding, ErrorCodes.CaseContradiction, ErrorCodes.CaseDuplicateFinding, ErrorCodes.CaseAgeOutOfRange, ErrorCodes.CaseMissingFindingId, ErrorCodes.CaseUndefinedState, ErrorCodes.CaseUndefinedSex];
        Assert.All(every, code => Assert.True(codes.GetValueOrDefault(code) >= 10, $"{code}: {codes.GetValueOrDefault(code)} of {Seeds} cases"));
        Assert.InRange(valid, Seeds / 5, Seeds * 4 / 5);
    }

    /// <summary>A random world from the seed, its case spoilt by each of seven kinds of fault with chance 1 in 10 (so about half are left valid).</summary>
    public static SpoiltWorld MakeSpoiltWorld(int seed)
    {
        var world = RandomWorlds.MakeWorld(seed);
        var rng = new Random(unchecked((seed * 31) + 7));
        var source = world.Case;
        var age = source.Age;
        var sex = source.Sex;
        var observations = source.Observations.ToList();
        var spoilt = ImmutableArray.CreateBuilder<string>();
        var knownIds = world.KnowledgeBase.Findings.Select(f => f.Id).ToArray();

        void Insert(Observation observation) => observations.Insert(rng.Next(observations.Count + 1), observation);

        if (rng.NextDouble() < 0.1)
        {
            age = BadAges[rng.Next(BadAges.Length)];
            spoilt.Add("age");
        }

        if (rng.NextDouble() < 0.1)
        {
            sex = (Sex)BadSexes[rng.Next(BadSexes.Length)];
            spoilt.Add("sex");
        }

        if (rng.NextDouble() < 0.1)
        {
            Insert(new Observation(rng.Next(2) == 0 ? "no.such-finding" : knownIds[rng.Next(knownIds.Length)] + "-x", (FindingState)rng.Next(3)));
            spoilt.Add("unknown code");
        }

        if (rng.NextDouble() < 0.1)
        {
            Insert(new Observation(rng.Next(2) == 0 ? null! : Blanks[rng.Next(Blanks.Length)], (FindingState)rng.Next(3)));
            spoilt.Add("null or blank code");
        }

        if (rng.NextDouble() < 0.1)
        {
            Insert(new Observation(knownIds[rng.Next(knownIds.Length)], (FindingState)BadStates[rng.Next(BadStates.Length)]));
            spoilt.Add("undefined state");
        }

        if (rng.NextDouble() < 0.1 && observations.Count > 0)
        {
            // Listed again, at any place: the same state, the other one, Unknown, or an undefined one.
            var again = observations[rng.Next(observations.Count)];
            var state = rng.Next(4) switch
            {
                0 => again.State,
                1 => again.State == FindingState.Present ? FindingState.Absent : FindingState.Present,
                2 => FindingState.Unknown,
                _ => (FindingState)BadStates[rng.Next(BadStates.Length)],
            };
            Insert(again with { State = state });
            spoilt.Add("listed again");
        }

        if (rng.NextDouble() < 0.1)
        {
            // One known finding listed twice, once Present and once Absent.
            var id = knownIds[rng.Next(knownIds.Length)];
            Insert(Observation.Present(id));
            Insert(Observation.Absent(id));
            spoilt.Add("contradiction");
        }

        return new SpoiltWorld(world, new PatientCase(age, sex, observations), spoilt.ToImmutable());
    }
}
