using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// The reference model of docs/accuracy.md (<c>--ceiling</c>): its features, its ranking, and that the model scored on a
/// set never learns from that set.
/// </summary>
public sealed class StatementCeilingTests
{
    private static readonly string[] TwoCauses = ["gtps", "itbs"];

    [Theory]
    [InlineData(17, "age:under-18")]
    [InlineData(18, "age:18-39")]
    [InlineData(39, "age:18-39")]
    [InlineData(40, "age:40-59")]
    [InlineData(59, "age:40-59")]
    [InlineData(60, "age:60-or-over")]
    public void Features_HoldEachCodeWithItsState_TheAgeBandAndTheSex(int age, string band)
    {
        var features = StatementCeiling.Features(Case("a", "gtps", age, Sex.Female, present: ["loc.lateral-hip"], absent: ["sym.fever"]));

        Assert.Equal(["+loc.lateral-hip", "-sym.fever", band, "sex:female"], features.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Features_LeaveOutAnAgeOrSexTheCaseDoesNotState()
    {
        Assert.Equal(["+sym.snapping"], StatementCeiling.Features(Case("a", "gtps", null, Sex.Unspecified, present: ["sym.snapping"])));
    }

    [Fact]
    public void Rank_PutsFirstTheCauseWhoseTrainingCasesStateWhatTheCaseStates()
    {
        Vignette[] training =
        [
            Case("g1", "gtps", present: ["tim.lying-on-side"]),
            Case("g2", "gtps", present: ["tim.lying-on-side"]),
            Case("i1", "itbs", present: ["loc.knee"]),
            Case("i2", "itbs", present: ["loc.knee"]),
        ];

        Assert.Equal(["gtps", "itbs"], StatementCeiling.Rank(training, TwoCauses, Case("x", "gtps", present: ["tim.lying-on-side"])));
        Assert.Equal(["itbs", "gtps"], StatementCeiling.Rank(training, TwoCauses, Case("y", "itbs", present: ["loc.knee"])));
    }

    [Fact]
    public void Rank_WithoutTrainingCases_KeepsTheOrderOfTheCauses()
    {
        Assert.Equal(["itbs", "gtps"], StatementCeiling.Rank([], ["itbs", "gtps"], Case("x", "gtps", present: ["loc.knee"])));
    }

    [Fact]
    public void Rank_ATrainingCaseOfAnUnknownCause_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => StatementCeiling.Rank([Case("odd", "not-a-cause")], TwoCauses, Case("x", "gtps")));

        Assert.Contains("odd", error.Message, StringComparison.Ordinal);
        Assert.Contains("not-a-cause", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hits_CountAnAcceptedAlternative()
    {
        var vignette = Case("x", "labral-tear") with { Alternatives = ["fai-syndrome"] };

        Assert.Equal((true, true), StatementCeiling.Hits(["fai-syndrome", "gtps", "itbs"], vignette));
        Assert.Equal((false, true), StatementCeiling.Hits(["gtps", "itbs", "labral-tear"], vignette));
        Assert.Equal((false, false), StatementCeiling.Hits(["gtps", "itbs", "hip-oa", "labral-tear"], vignette));
    }

    [Fact]
    public void Evaluate_TheModelScoredOnASet_NeverLearnsFromThatSet()
    {
        // The same finding goes with gtps in set A and with itbs in set B. Learnt from B alone, the model ranks itbs first
        // for A's cases; learnt from both (it has seen A's cases), the two causes tie and gtps, listed first, leads.
        var setA = Report(Case("a1", "gtps", present: ["sym.snapping"]), Case("a2", "gtps", present: ["sym.snapping"]));
        var setB = Report(Case("b1", "itbs", present: ["sym.snapping"]), Case("b2", "itbs", present: ["sym.snapping"]));
        (string, AccuracyReport)[] sets = [("A", setA), ("B", setB)];

        var rows = StatementCeiling.Evaluate(TwoCauses, sets, sets);
        var a = rows.Single(r => r.Name == "A");

        Assert.Equal(0, a.ModelTop1);
        Assert.Equal(2, a.FittedTop1);
        Assert.Equal(4, rows.Single(r => r.Name == StatementCeiling.PooledName).Cases);
        Assert.Equal(["A", "B", StatementCeiling.PooledName, "gtps", "itbs"], rows.Select(r => r.Name));
    }

    [Fact]
    public void Evaluate_SetsThatDoNotMatch_AreRefused()
    {
        var setA = Report(Case("a1", "gtps"));
        var setB = Report(Case("b1", "itbs"));

        Assert.Throws<ArgumentException>(() => StatementCeiling.Evaluate(TwoCauses, [("A", setA)], [("A", setB)]));
        Assert.Throws<ArgumentException>(() => StatementCeiling.Evaluate(TwoCauses, [("A", setA)], [("B", setA)]));
        Assert.Throws<ArgumentException>(() => StatementCeiling.Evaluate(TwoCauses, [("A", setA)], []));
    }

    [Fact]
    public void FromCaseMix_OnTheScoredSets_ReadsEveryScoredSetAndNotTheReservedBatch()
    {
        var caseMix = CaseMixSensitivity.Evaluate(BuiltInKnowledgeBase.Instance, Repository.Root);
        var rows = StatementCeiling.FromCaseMix(caseMix);
        var sets = caseMix[0].Sets;

        Assert.Equal(
            [.. sets.Select(s => s.Name), StatementCeiling.PooledName],
            rows.Take(sets.Length + 1).Select(r => r.Name));
        Assert.Equal(["Development half", "Test half", .. HoldoutBatch.All.Select(b => b.Name)], sets.Select(s => s.Name));
        Assert.Equal(sets.Sum(s => s.Report.Count), rows.Single(r => r.Name == StatementCeiling.PooledName).Cases);
        Assert.Equal(sets.Sum(s => s.Report.Outcomes.Count(o => o.Top1)), rows.Single(r => r.Name == StatementCeiling.PooledName).EngineTop1);
    }

    private static AccuracyReport Report(params Vignette[] vignettes) => AccuracyEvaluator.Evaluate(BuiltInKnowledgeBase.Instance, vignettes);

    private static Vignette Case(string id, string reference, int? age = null, Sex sex = Sex.Unspecified, string[]? present = null, string[]? absent = null) => new()
    {
        Id = id,
        Title = id,
        Source = "test",
        Age = age,
        Sex = sex,
        Present = present ?? [],
        Absent = absent ?? [],
        Reference = reference,
        ExpectedUrgency = Urgency.Routine,
    };
}
