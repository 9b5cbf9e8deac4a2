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
        });
        var ratios = rows.Select(r => r.MeanStated * r.Cases / Math.Max(r.Events, 0.5)).ToList();
        Assert.Equal(ratios.OrderDescending(), ratios);
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
    }

    private static IEnumerable<Forecast> Group(double probability, int count, int events) =>
        Enumerable.Range(0, count).Select(i => new Forecast(probability, i < events));
}
