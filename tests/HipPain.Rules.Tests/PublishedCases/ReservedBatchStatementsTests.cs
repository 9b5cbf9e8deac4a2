using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// <c>--reserved-statements</c>: whether a reserved batch can judge a registered change, by counting (never listing) the
/// cases that state the findings the change weighs.
/// </summary>
public sealed class ReservedBatchStatementsTests
{
    [Fact]
    public void Count_CountsEachCaseOnce_PresentBeforeAbsent()
    {
        PublishedCase[] cases =
        [
            Case("a", ("loc.knee", "present"), ("loc.knee", "absent")),
            Case("b", ("loc.knee", "absent")),
            Case("c", ("loc.knee", "absent"), ("loc.knee", "absent")),
            Case("d", ("loc.groin", "present")),
            Case("e"),
        ];

        var rows = ReservedBatchStatements.Count(cases, ["loc.knee", "loc.groin", "sym.fever"]);

        Assert.Equal(
            [new StatementCount("loc.knee", 1, 2), new StatementCount("loc.groin", 1, 0), new StatementCount("sym.fever", 0, 0)],
            rows);
    }

    [Fact]
    public void Count_NoCode_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ReservedBatchStatements.Count([Case("a")], []));

    [Fact]
    public void Unknown_NamesOnlyTheCodesTheBaseDoesNotHave()
    {
        Assert.Equal(["loc.elbow", "x"], ReservedBatchStatements.Unknown(BuiltInKnowledgeBase.Instance, ["loc.knee", "loc.elbow", "x"]));
        Assert.Empty(ReservedBatchStatements.Unknown(BuiltInKnowledgeBase.Instance, ["hx.recent-sports-injury"]));
    }

    [Fact]
    public void Render_SaysWhetherTheBatchCanMove()
    {
        var some = ReservedBatchStatements.Render("Batch", 2, [new StatementCount("loc.knee", 0, 1)]);
        var none = ReservedBatchStatements.Render("Batch", 2, [new StatementCount("loc.knee", 0, 0)]);

        Assert.Contains("loc.knee: stated present in 0, absent in 1", some, StringComparison.Ordinal);
        Assert.Contains("can move", some, StringComparison.Ordinal);
        Assert.Contains("cannot move", none, StringComparison.Ordinal);
    }

    private static PublishedCase Case(string id, params (string Code, string State)[] codes) => new()
    {
        Id = id,
        Citation = id,
        Diagnosis = "gtps",
        Urgency = "routine",
        Statements = [.. codes.Select(c => new CaseStatement { Text = c.Code, Codes = [new CodedFinding { Code = c.Code, State = c.State }] })],
    };
}
