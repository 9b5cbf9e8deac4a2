using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The compiled criterion program on its own: three-valued evaluation, part counts, live findings and the progress of
/// an undecided criterion, with several criteria side by side so that a node reading past its own parts is caught.
/// </summary>
public sealed class CriterionProgramTests
{
    private static readonly string[] Ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
    private static readonly Dictionary<string, int> Index = Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);

    private static FindingState[] States(string present = "", string absent = "")
    {
        var states = new FindingState[Ids.Length];
        foreach (var id in present)
        {
            states[Index[id.ToString()]] = FindingState.Present;
        }

        foreach (var id in absent)
        {
            states[Index[id.ToString()]] = FindingState.Absent;
        }

        return states;
    }

    private static (CriterionProgram Program, int[] Roots) Compile(params Criterion[] criteria)
    {
        var program = new CriterionProgram();
        var roots = criteria.Select(c => program.Add(c, Index)).ToArray();
        program.Freeze();
        return (program, roots);
    }

    [Fact]
    public void Evaluate_AdjacentCriteria_EachReadsOnlyItsOwnParts()
    {
        // The parts of the first any-of sit just before those of the second in the child table.
        var (program, roots) = Compile(Criterion.AnyOf("a"), Criterion.AnyOf("b"), Criterion.AllOf("c", "d"));

        var states = States(present: "bc", absent: "ad");

        Assert.Equal(CriterionProgram.NotMet, program.Evaluate(roots[0], states, 30, Sex.Female));
        Assert.Equal(CriterionProgram.Met, program.Evaluate(roots[1], states, 30, Sex.Female));
        Assert.Equal(CriterionProgram.NotMet, program.Evaluate(roots[2], states, 30, Sex.Female));
        Assert.Equal(CriterionProgram.Undecided, program.Evaluate(roots[2], States(present: "c"), 30, Sex.Female));
    }

    [Fact]
    public void CountParts_AdjacentGradedParts_CountsOnlyItsOwn()
    {
        var program = new CriterionProgram();
        var first = program.AddParts([Criterion.Present("a"), Criterion.Present("b")], Index);
        var second = program.AddParts([Criterion.Present("c"), Criterion.Present("d"), Criterion.Present("e")], Index);
        program.Freeze();
        var states = States(present: "bcd", absent: "a");

        program.CountParts(first, states, 30, Sex.Female, out var met, out var open);
        Assert.Equal((1, 0), (met, open));
        program.CountParts(second, states, 30, Sex.Female, out met, out open);
        Assert.Equal((2, 1), (met, open));
    }

    [Fact]
    public void IsLive_FindingInAnUndecidedBranch_LiveOnlyWhileEveryAncestorIsUndecided()
    {
        var (program, roots) = Compile(Criterion.AnyOf(Criterion.AllOf("a", "b"), Criterion.Present("c")), Criterion.AnyOf("d"));
        var index = Index["b"];

        Assert.True(program.IsLive(roots[0], States(present: "a"), 30, Sex.Female, index));
        Assert.False(program.IsLive(roots[0], States(absent: "a"), 30, Sex.Female, index));
        Assert.False(program.IsLive(roots[0], States(present: "c"), 30, Sex.Female, index));
        Assert.False(program.IsLive(roots[0], States(present: "a"), 30, Sex.Female, Index["d"]));
        Assert.True(program.IsLive(roots[1], States(present: "a"), 30, Sex.Female, Index["d"]));
    }

    [Fact]
    public void IsLive_AgeConditionBesideARuledOutBranch_TheRuledOutBranchsFindingNotLive()
    {
        var (program, roots) = Compile(Criterion.AnyOf(Criterion.AgeBetween(60, null), Criterion.AllOf("a", "b")));

        Assert.False(program.IsLive(roots[0], States(absent: "a"), CriterionProgram.NoAge, Sex.Unspecified, Index["b"]));
        Assert.True(program.IsLive(roots[0], States(), CriterionProgram.NoAge, Sex.Unspecified, Index["b"]));
    }

    [Fact]
    public void Progress_UndecidedAnyOf_TakesTheBestBranchWhereverItStands()
    {
        // Branches at 1/2, 3/4 and 0 of their parts: the best one, in the middle, counts.
        var criterion = Criterion.AnyOf(Criterion.AllOf("a", "b"), Criterion.AllOf("c", "d", "e", "f"), Criterion.AllOf("g", "h"));
        var (program, roots) = Compile(criterion);

        Assert.Equal(0.75, program.Progress(roots[0], States(present: "acde"), CriterionProgram.NoAge, Sex.Unspecified), 12);
    }

    [Fact]
    public void Progress_UndecidedAtLeastTwo_AveragesTheTwoBestLiveParts()
    {
        // Parts at 1/2, 3/4, 1/4 and one ruled out (g absent): (3/4 + 1/2) / 2.
        var criterion = Criterion.AtLeast(
            2,
            Criterion.AllOf("a", "b"),
            Criterion.AllOf("c", "d", "e", "f"),
            Criterion.AllOf(Criterion.Present("h"), Criterion.AgeBetween(80, 90), Criterion.SexIs(Sex.Male), Criterion.Present("b")),
            Criterion.AllOf("g", "a"));
        var (program, roots) = Compile(criterion);

        Assert.Equal(0.625, program.Progress(roots[0], States(present: "acdeh", absent: "g"), CriterionProgram.NoAge, Sex.Unspecified), 12);
    }

    [Fact]
    public void Progress_DecidedOrUntouched_OneZeroOrZero()
    {
        var (program, roots) = Compile(Criterion.AllOf("a", "b"), Criterion.Present("c"));

        Assert.Equal(1.0, program.Progress(roots[0], States(present: "ab"), 30, Sex.Female));
        Assert.Equal(0.0, program.Progress(roots[0], States(present: "a", absent: "b"), 30, Sex.Female));
        Assert.Equal(0.0, program.Progress(roots[0], States(), 30, Sex.Female));
        Assert.Equal(0.5, program.Progress(roots[0], States(present: "a"), 30, Sex.Female));
        Assert.Equal(0.0, program.Progress(roots[1], States(), 30, Sex.Female));
        Assert.Equal(1.0, program.Progress(roots[1], States(present: "c"), 30, Sex.Female));
    }

    [Fact]
    public void IsPartlyMet_MetLeafOnlyInARuledOutBranch_NotPartlyMet()
    {
        var (program, roots) = Compile(Criterion.AnyOf(Criterion.AllOf("a", "b"), Criterion.AllOf("c", "d")));

        Assert.True(program.IsPartlyMet(roots[0], States(present: "a"), 30, Sex.Female));
        Assert.False(program.IsPartlyMet(roots[0], States(present: "a", absent: "b"), 30, Sex.Female));
        Assert.False(program.IsPartlyMet(roots[0], States(present: "ab"), 30, Sex.Female));
    }

    [Fact]
    public void ToNullable_EachOutcome_ItsThreeValuedForm()
    {
        Assert.True(CriterionProgram.ToNullable(CriterionProgram.Met));
        Assert.False(CriterionProgram.ToNullable(CriterionProgram.NotMet));
        Assert.Null(CriterionProgram.ToNullable(CriterionProgram.Undecided));
    }
}
