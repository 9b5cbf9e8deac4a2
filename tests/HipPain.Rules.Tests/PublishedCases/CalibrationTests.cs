using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Accuracy;
using HipPain.Rules.Knowledge;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.PublishedCases;

/// <summary>The calibration section of docs/accuracy.md: reliability tables and Cox's recalibration fit.</summary>
public sealed class CalibrationTests
{
    [Fact]
    public void Fit_ForecastsThatComeTrueAsOftenAsTheySay_GiveSlopeOneInterceptZero()
    {
        // 2 of 10 at 0.2, 5 of 10 at 0.5, 8 of 10 at 0.8: both score equations of the likelihood, sum(y - p) and
        // sum((y - p) logit p), are zero at a = 0, b = 1, so that is the maximum.
        var forecasts = Group(0.2, 10, 2).Concat(Group(0.5, 10, 5)).Concat(Group(0.8, 10, 8)).ToList();

        var fit = Calibration.Fit(forecasts);

        Assert.Equal(1, fit.Slope, 6);
        Assert.Equal(0, fit.Intercept, 6);
    }

    [Fact]
    public void Fit_ForecastsTooExtreme_GiveTheSlopeAndStandardErrorsWorkedByHand()
    {
        // 10 forecasts at 0.1 of which 3 came true, 10 at 0.9 of which 7: two groups, so the fit is exact. With
        // c = logit(0.9) = ln 9, the fitted line passes logit(0.3) = -ln(7/3) at -c and its negative at +c:
        // b = ln(7/3) / ln 9 = 0.38562, a = 0. The information at the fit is diagonal (the groups are symmetric) with
        // weights 0.3 x 0.7 = 0.21: I_aa = 20 x 0.21 = 4.2 and I_bb = 4.2 c^2, so SE(a) = 1 / sqrt(4.2) = 0.48795 and
        // SE(b) = 1 / (c sqrt(4.2)) = 0.22208.
        var forecasts = Group(0.1, 10, 3).Concat(Group(0.9, 10, 7)).ToList();

        var fit = Calibration.Fit(forecasts);

        Assert.Equal(Math.Log(7.0 / 3) / Math.Log(9), fit.Slope, 9);
        Assert.Equal(0.38562, fit.Slope, 5);
        Assert.Equal(0, fit.Intercept, 9);
        Assert.Equal(0.48795, fit.InterceptStandardError, 5);
        Assert.Equal(0.22208, fit.SlopeStandardError, 5);
    }

    [Fact]
    public void Fit_ForecastsTooTimid_GiveASlopeAboveOne()
    {
        // 1 of 10 at 0.3 and 9 of 10 at 0.7: the forecasts are right more firmly than they say.
        var fit = Calibration.Fit([.. Group(0.3, 10, 1), .. Group(0.7, 10, 9)]);

        Assert.True(fit.Slope > 1, $"slope {fit.Slope}");
    }

    [Fact]
    public void Fit_OneOutcomeOnly_ThrowsNamingTheCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => Calibration.Fit([.. Group(0.2, 5, 0), .. Group(0.6, 5, 0)]));

        Assert.Contains("0 of 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_OneProbabilityOnly_Throws()
    {
        Assert.Throws<ArgumentException>(() => Calibration.Fit([.. Group(0.4, 10, 4)]));
    }

    [Fact]
    public void Reliability_ProbabilityOne_FallsInTheLastInterval()
    {
        var rows = Calibration.Reliability([new Forecast(1, true), new Forecast(0, false), new Forecast(0.2, false)], Calibration.LeadingEdges);

        Assert.Equal([1, 1, 0, 0, 1], rows.Select(r => r.Count));
        Assert.Equal(1, rows[^1].Events);
        Assert.Equal(1, rows[^1].MeanPredicted);
        Assert.Equal(0, rows[2].MeanPredicted);
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.5 })]
    [InlineData(new[] { 0.1, 1.0 })]
    [InlineData(new[] { 0.0, 0.5, 0.5, 1.0 })]
    [InlineData(new[] { 0.0 })]
    public void Reliability_EdgesNotRisingFromZeroToOne_Throw(double[] edges)
    {
        Assert.Throws<ArgumentException>(() => Calibration.Reliability([new Forecast(0.5, true)], [.. edges]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Reliability_ProbabilityOutsideZeroToOne_ThrowsNamingIt(double probability)
    {
        var error = Assert.Throws<ArgumentException>(() => Calibration.Reliability([new Forecast(probability, true)], Calibration.LeadingEdges));

        Assert.Contains("[0, 1]", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The rows of either table partition any forecasts: every forecast and every event counted once.</summary>
    [Property(MaxTest = 300)]
    public Property Reliability_AnyForecasts_CountsEachOnce(Tuple<byte, bool>[] raw, bool everyCause)
    {
        var forecasts = raw.Select(r => new Forecast(r.Item1 / 255.0, r.Item2)).ToList();
        var rows = Calibration.Reliability(forecasts, everyCause ? Calibration.EveryCauseEdges : Calibration.LeadingEdges);

        return (rows.Sum(r => r.Count) == forecasts.Count && rows.Sum(r => r.Events) == forecasts.Count(f => f.Outcome))
            .Label($"{forecasts.Count} forecasts, rows {string.Join(", ", rows.Select(r => r.Count))}")
            .Classify(forecasts.Count == 0, "no forecast")
            .Classify(forecasts.Any(f => f.Probability == 1), "a probability of exactly 1");
    }

    [Fact]
    public void Pool_ThePublishedSets_HoldsEveryScoredCaseAndEighteenForecastsEach()
    {
        var published = PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Repository.Root);
        var holdouts = HoldoutAccuracy.EvaluateAll(BuiltInKnowledgeBase.Instance, Repository.Root);

        var pooled = Calibration.Pool(published, holdouts);

        Assert.Equal(published.Development.Count + published.Test.Count + holdouts.Sum(h => h.All.Count), pooled.Count);
        Assert.Equal(pooled.Count, Calibration.Leading(pooled).Length);
        Assert.Equal(pooled.Count * BuiltInKnowledgeBase.Instance.Causes.Length, Calibration.EveryCause(pooled).Length);
        Assert.Equal(pooled.Outcomes.Count(o => o.Top1), Calibration.Leading(pooled).Count(f => f.Outcome));

        // Each case's forecasts are the terms of its all-cause Brier score.
        Assert.All(pooled.Outcomes, o => Assert.Equal(o.AllCauseSquaredError, o.Forecasts.Sum(f => Math.Pow(f.Probability - (f.Outcome ? 1 : 0), 2)), 12));
    }

    [Fact]
    public void PerCause_ThePublishedSets_OneRowPerCauseCountingItsReferences()
    {
        var pooled = Calibration.Pool(
            PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Repository.Root),
            HoldoutAccuracy.EvaluateAll(BuiltInKnowledgeBase.Instance, Repository.Root));

        var rows = Calibration.PerCause(pooled);

        Assert.Equal(BuiltInKnowledgeBase.Instance.Causes.Select(c => c.Id).Order(StringComparer.Ordinal), rows.Select(r => r.CauseId).Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            var cause = BuiltInKnowledgeBase.Instance.Causes.Single(c => c.Id == row.CauseId);
            Assert.Equal(pooled.Count, row.Cases);
            Assert.Equal(cause.Prior, row.MeanPrior, 12);
            Assert.Equal(pooled.Outcomes.Count(o => o.Vignette.Reference == row.CauseId || o.Vignette.Alternatives.Contains(row.CauseId)), row.Events);
            Assert.InRange(row.Discrimination!.Area, 0, 1);
        });
        var ratios = rows.Select(r => r.MeanStated * r.Cases / Math.Max(r.Events, 0.5)).ToList();
        Assert.Equal(ratios.OrderDescending(), ratios);
    }

    [Fact]
    public void Discrimination_HandMadeForecasts_GiveTheAreaAndStandardErrorWorkedByHand()
    {
        // Events at 0.8 and 0.4, non-events at 0.5, 0.2 and 0.4. Of the 6 pairs, 0.8 wins 3, 0.4 wins 1 and ties 1:
        // area 4.5 / 6 = 0.75. Hanley and McNeil: Q1 = 0.75 / 1.25 = 0.6, Q2 = 2 x 0.5625 / 1.75 = 0.642857, variance
        // (0.1875 + 1 x 0.0375 + 2 x 0.080357) / 6 = 0.0642857, standard error 0.253546.
        var area = Calibration.Discrimination([new(0.8, true), new(0.4, true), new(0.5, false), new(0.2, false), new(0.4, false)]);

        Assert.Equal(0.75, area.Area, 12);
        Assert.Equal(0.25355, area.StandardError, 5);
    }

    [Theory]
    [InlineData(0.9, 0.1, 1.0)]
    [InlineData(0.1, 0.9, 0.0)]
    [InlineData(0.3, 0.3, 0.5)]
    public void Discrimination_SeparatedOrTied_GivesOneZeroOrAHalf(double events, double nonEvents, double expected)
    {
        var area = Calibration.Discrimination([.. Group(events, 4, 4), .. Group(nonEvents, 6, 0)]);

        Assert.Equal(expected, area.Area, 12);
    }

    [Fact]
    public void Discrimination_OneOutcomeOnly_ThrowsNamingTheCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => Calibration.Discrimination([.. Group(0.3, 3, 3)]));

        Assert.Contains("3 of 3", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The sorted, binary-searched area equals the count over every pair of an event and a non-event.</summary>
    [Property(MaxTest = 300)]
    public Property Discrimination_AnyForecasts_EqualsThePairCount(Tuple<byte, bool>[] raw)
    {
        // Coarse probabilities (multiples of 1/16) so that ties occur often.
        var forecasts = raw.Select(r => new Forecast((r.Item1 % 17) / 16.0, r.Item2)).ToList();
        var events = forecasts.Where(f => f.Outcome).ToList();
        var nonEvents = forecasts.Where(f => !f.Outcome).ToList();
        var bothKinds = events.Count > 0 && nonEvents.Count > 0;
        var expected = bothKinds
            ? events.Sum(e => nonEvents.Sum(n => e.Probability > n.Probability ? 1.0 : e.Probability == n.Probability ? 0.5 : 0)) / (events.Count * nonEvents.Count)
            : double.NaN;

        return (!bothKinds || Math.Abs(Calibration.Discrimination(forecasts).Area - expected) < 1e-12)
            .Label($"{events.Count} events, {nonEvents.Count} non-events")
            .Classify(!bothKinds, "skipped: one outcome only (no area)");
    }

    [Fact]
    public void PerCause_HandMadeCases_AverageEachCauseOverTheCases()
    {
        var template = Calibration.Pool(
            PublishedAccuracy.Evaluate(BuiltInKnowledgeBase.Instance, Repository.Root),
            HoldoutAccuracy.EvaluateAll(BuiltInKnowledgeBase.Instance, Repository.Root));
        var outcome = template.Outcomes[0];
        var report = template with
        {
            Outcomes =
            [
                outcome with { Forecasts = [new CauseForecast("a", 0.6, 0.2, true), new CauseForecast("b", 0.1, 0.05, false)] },
                outcome with { Forecasts = [new CauseForecast("a", 0.2, 0.2, false), new CauseForecast("b", 0.3, 0.05, true)] },
            ],
        };

        var rows = Calibration.PerCause(report);

        // a: stated 0.4 on average, the reference once in two (ratio 0.8); b: 0.2, once in two (0.4).
        Assert.Equal(["a", "b"], rows.Select(r => r.CauseId));
        Assert.Equal(0.4, rows[0].MeanStated, 12);
        Assert.Equal(0.2, rows[0].MeanPrior, 12);
        Assert.Equal(1, rows[0].Events);
        Assert.Equal(0.2, rows[1].MeanStated, 12);
        Assert.Equal(2, rows[1].Cases);
        Assert.Equal(1, rows[0].Discrimination!.Area, 12);
        Assert.Equal(1, rows[1].Discrimination!.Area, 12);
    }

    private static IEnumerable<Forecast> Group(double probability, int count, int events) =>
        Enumerable.Range(0, count).Select(i => new Forecast(probability, i < events));
}
