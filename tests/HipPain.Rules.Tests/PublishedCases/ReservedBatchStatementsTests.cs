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

    [Fact]
    public void GroupMates_CountsTheCasesThatAlsoStateAFindingTheSameGroupCountsOnce()
    {
        PublishedCase[] cases =
        [
            Case("a", ("hx.recent-sports-injury", "present"), ("tim.sudden-onset", "present")),
            Case("b", ("hx.recent-sports-injury", "present"), ("tim.sudden-onset", "absent")),
            Case("c", ("hx.recent-sports-injury", "present"), ("loc.groin", "present")),
            Case("d", ("tim.sudden-onset", "present")),
        ];

        var rows = ReservedBatchStatements.GroupMates(BuiltInKnowledgeBase.Instance, "muscle-strain", cases, ["hx.recent-sports-injury", "sym.fever"]);

        var injury = rows[0];
        Assert.Equal(3, injury.Present);
        Assert.Equal(1, injury.WithAGroupMate);
        Assert.Contains("muscle-strain/onset", injury.Groups);
        Assert.Equal(("sym.fever", 0, 0), (rows[1].Code, rows[1].Present, rows[1].WithAGroupMate));
        Assert.Empty(rows[1].Groups);
    }

    [Fact]
    public void RenderGroupMates_PrintsOnlyTheCodesAGroupReads()
    {
        var text = ReservedBatchStatements.RenderGroupMates(
            [new GroupMateCount("hx.recent-sports-injury", 1, 1, ["muscle-strain/onset"]), new GroupMateCount("sym.fever", 0, 0, [])]);

        Assert.Contains("hx.recent-sports-injury: of the 1 stating it present, 1 also state another finding of muscle-strain/onset", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sym.fever", text, StringComparison.Ordinal);
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
