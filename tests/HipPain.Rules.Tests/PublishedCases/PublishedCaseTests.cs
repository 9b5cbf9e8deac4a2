using System.Security.Cryptography;
using System.Text;
using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>
/// The published-case validation set (validation/published-cases): its shape, its fixed split, and the floors the
/// built-in base must keep on the test half. The mapping and ranking checks run on the holdout batches too.
/// </summary>
public sealed class PublishedCaseTests
{
    /// <summary>
    /// Regression floors on the test half, set at what base 0.3.0 measured when the floors were introduced (top-1 24.3%,
    /// top-3 51.4%, 3 under-triaged counting provisional urgency); top-3 raised to what base 0.4.0 measured (56.8%), and the
    /// under-triage ceiling lowered to 2 when the more urgent of the partly met gates came first (facts addendum 14). They are below issue 11's targets (60%, 85%, 0),
    /// which this base does not reach: see docs/accuracy.md. A change may raise them, never lower them. Top-1 raised to
    /// 27.0% with rule R7 (facts addendum 29; the half was not blind for it), then to 29.7% with base 0.15.0 (facts
    /// addendum 36, whose screen read this half).
    /// </summary>
    private const double TestHalfTop1Floor = 0.29;

    private const double TestHalfTop3Floor = 0.56;

    private const int TestHalfUnderTriageCeiling = 2;

    private static readonly Lazy<string> Root = new(() => Repository.Root);

    private static readonly Lazy<IReadOnlyList<PublishedCase>> Cases = new(() => PublishedCaseSet.Load(Root.Value));

    private static readonly Lazy<PublishedAccuracyReport> Report = new(() => PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Root.Value));

    [Fact]
    public void Set_AsCommitted_AtLeast80CasesThreePerCauseAndFifteenUrgent()
    {
        var cases = Cases.Value;

        Assert.True(cases.Count >= 80, $"Expected at least 80 published cases, found {cases.Count}.");
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(BuiltInKnowledgeBase.Instance.Causes, cause =>
            Assert.True(cases.Count(c => c.Diagnosis == cause.Id) >= 3, $"{cause.Id} has fewer than 3 published cases."));
        Assert.True(cases.Count(c => c.Urgency != "routine") >= 15, "Fewer than 15 urgent or emergency cases.");
        Assert.All(cases, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Citation), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.ConfirmedBy), c.Id);
            Assert.NotEmpty(c.Statements);
        });
    }

    [Fact]
    public void Split_AsCommitted_FollowsTheReadmeRule()
    {
        // Within each reference cause: order by the SHA-256 of the id, then development, test, development, ...
        var (development, test) = PublishedCaseSet.LoadSplit(Root.Value);
        foreach (var cause in Cases.Value.GroupBy(c => c.Diagnosis, StringComparer.Ordinal))
        {
            var ordered = cause.Select(c => c.Id).OrderBy(Sha256, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                Assert.True(i % 2 == 0 ? development.Contains(ordered[i]) : test.Contains(ordered[i]), $"{ordered[i]} is in the wrong half.");
            }
        }

        Assert.Equal(Cases.Value.Count, development.Count + test.Count);
    }

    [Theory]
    [MemberData(nameof(PublishedSetPaths.ScoredAndReserved), MemberType = typeof(PublishedSetPaths))]
    public void Mapping_EveryCode_IsAFindingOfTheBuiltInBase(string set)
    {
        var prepared = Prepared(set);

        Assert.NotEmpty(prepared);
        Assert.All(prepared, p => Assert.Empty(p.DroppedCodes));
    }

    [Theory]
    [MemberData(nameof(PublishedSetPaths.ScoredAndReserved), MemberType = typeof(PublishedSetPaths))]
    public void Mapping_EveryCase_IsValidForTheBuiltInBase(string set)
    {
        var engine = new HipPain.Rules.Scoring.TriageEngine(BuiltInKnowledgeBase.Instance);

        Assert.All(Prepared(set), p => Assert.Empty(engine.Validate(p.Vignette.ToCase())));
    }

    [Fact]
    public void TestHalf_BuiltInBase_KeepsItsFloors()
    {
        var test = Report.Value.Test;

        Assert.True(test.Top1 >= TestHalfTop1Floor, PublishedAccuracy.Summary(Report.Value));
        Assert.True(test.Top3 >= TestHalfTop3Floor, PublishedAccuracy.Summary(Report.Value));
        Assert.True(test.UnderTriagedAllowingProvisionalCount <= TestHalfUnderTriageCeiling, PublishedAccuracy.Summary(Report.Value));
    }

    [Fact]
    public void AllCauseBrier_BothHalves_BelowThePriorsAlone()
    {
        // The findings must carry some skill on real patients: every stated probability scores better than the priors
        // would (docs/accuracy.md, "A score for every probability"). Base 0.7.0: 0.982 against 1.023, 0.999 against 1.074.
        foreach (var half in new[] { Report.Value.Development, Report.Value.Test })
        {
            Assert.True(half.AllCauseBrier < half.AllCausePriorBrier, AccuracyDocument.Summary(half));
        }
    }

    [Fact]
    public void AllCauseBrier_OneCase_IsTheSumOverEveryCauseOfTheSquaredError()
    {
        var prepared = Report.Value.Prepared[0];
        var result = new HipPain.Rules.Scoring.TriageEngine(BuiltInKnowledgeBase.Instance).Triage(prepared.Vignette.ToCase());
        var accepted = prepared.Vignette.Alternatives.Append(prepared.Vignette.Reference).ToHashSet(StringComparer.Ordinal);
        var outcome = Report.Value.Development.Outcomes.Concat(Report.Value.Test.Outcomes).Single(o => o.Vignette.Id == prepared.Vignette.Id);

        var expected = 0.0;
        var expectedPriors = 0.0;
        foreach (var cause in BuiltInKnowledgeBase.Instance.Causes)
        {
            var observed = accepted.Contains(cause.Id) ? 1.0 : 0.0;
            var p = result.Differential.Single(r => r.Cause.Id == cause.Id).Probability;
            expected += (p - observed) * (p - observed);
            expectedPriors += (cause.Prior - observed) * (cause.Prior - observed);
        }

        Assert.Equal(BuiltInKnowledgeBase.Instance.Causes.Length, result.Differential.Length);
        Assert.Equal(expected, outcome.AllCauseSquaredError, 12);
        Assert.Equal(expectedPriors, outcome.AllCausePriorSquaredError, 12);
    }

    [Theory]
    [MemberData(nameof(PublishedSetPaths.Scored), MemberType = typeof(PublishedSetPaths))]
    public void FiredRedFlags_EveryPublishedCase_TheirCausesRankInTheFirstThree(string set)
    {
        var engine = new HipPain.Rules.Scoring.TriageEngine(BuiltInKnowledgeBase.Instance);
        foreach (var prepared in Prepared(set))
        {
            var result = engine.Triage(prepared.Vignette.ToCase());
            var first = result.Differential.Take(3).Select(r => r.Cause.Id).ToHashSet(StringComparer.Ordinal);
            var flagged = result.FiredRedFlags.SelectMany(f => f.SuspectedCauseIds).Distinct(StringComparer.Ordinal).ToList();
            if (flagged.Count <= 3)
            {
                Assert.All(flagged, id => Assert.True(first.Contains(id), $"{prepared.Case.Id}: {id}"));
            }

            // Every fired gate keeps one of its causes in the first three (RedFlagPromotion), whatever the others name.
            Assert.All(result.FiredRedFlags.Where(f => !f.SuspectedCauseIds.IsEmpty), f => Assert.True(f.SuspectedCauseIds.Any(first.Contains), $"{prepared.Case.Id}: {f.Id}"));
        }
    }

    /// <summary>Every case of a set (the first set or a holdout batch), prepared for the built-in base.</summary>
    private static List<PreparedCase> Prepared(string set) =>
        [.. PublishedCaseSet.Load(Root.Value, set).Select(c => PublishedCaseSet.Prepare(c, BuiltInKnowledgeBase.Instance))];

    private static string Sha256(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
