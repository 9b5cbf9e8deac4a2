using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// <see cref="Posterior"/> and <see cref="PosteriorCache"/>: the one place where the full result and the interviewer
/// turn log-odds into probabilities and shares.
/// </summary>
public sealed class PosteriorTests
{
    [Fact]
    public void Normalise_Probabilities_WritesEachOverTheSumAndReturnsTheSum()
    {
        double[] probabilities = [0.1, 0.3, 0.6];
        var shares = new double[3];

        var total = Posterior.Normalise(probabilities, shares);

        Assert.Equal(0.1 + 0.3 + 0.6, total);
        Assert.Equal([0.1 / total, 0.3 / total, 0.6 / total], shares);
    }

    [Fact]
    public void Normalise_EveryProbabilityZero_SharesAreUniform()
    {
        double[] values = [0, 0, 0, 0];

        var total = Posterior.Normalise(values, values);

        Assert.Equal(0, total);
        Assert.Equal([0.25, 0.25, 0.25, 0.25], values);
    }

    [Fact]
    public void Normalise_SameSpanInAndOut_EqualsSeparateSpans()
    {
        double[] probabilities = [1e-300, 0.2, 0.7, 0.05];
        var separate = new double[probabilities.Length];
        Posterior.Normalise(probabilities, separate);

        var inPlace = probabilities.ToArray();
        Posterior.Normalise(inPlace, inPlace);

        Assert.Equal(separate, inPlace);
    }

    [Fact]
    public void Triage_BuiltInCase_ProbabilityAndShareAreThePosteriorsOfTheLogOdds()
    {
        var result = new TriageEngine(BuiltInKnowledgeBase.Instance).Triage(PatientCase.Create(34, Sex.Female,
            Observation.Present("loc.lateral-hip"),
            Observation.Present("tim.lying-on-side"),
            Observation.Absent("sym.fever")));
        var probabilities = result.Differential.Select(c => Posterior.Probability(c.LogOdds)).ToArray();
        var shares = new double[probabilities.Length];

        Posterior.Normalise(probabilities, shares);

        Assert.Equal(probabilities, result.Differential.Select(c => c.Probability));
        Assert.Equal(shares, result.Differential.Select(c => c.Share));
    }

    [Theory]
    [InlineData(-800.0)]
    [InlineData(-3.5)]
    [InlineData(0.0)]
    [InlineData(2.25)]
    [InlineData(40.0)]
    public void ProbabilityAndLog_AnyLogOdds_IsTheExponentialOfLogProbability(double logOdds)
    {
        var probability = Posterior.ProbabilityAndLog(logOdds, out var log);

        Assert.Equal(Posterior.LogProbability(logOdds), log);
        Assert.Equal(Math.Exp(log), probability);
        Assert.Equal(Posterior.Probability(logOdds), probability, 1e-15);
    }

    [Fact]
    public void ProbabilityAndLog_CachedArgument_ReturnsTheSameBitsAsComputing()
    {
        var cache = new PosteriorCache();
        cache.Clear();
        var arguments = Enumerable.Range(0, 2000).Select(i => (i - 1000) / 37.0).ToArray();

        // Every argument twice: the second call may come from the cache, and must equal a fresh computation.
        foreach (var x in arguments.Concat(arguments))
        {
            var cached = cache.ProbabilityAndLog(x, out var cachedLog);
            var computed = Posterior.ProbabilityAndLog(x, out var computedLog);
            Assert.Equal(BitConverter.DoubleToInt64Bits(computed), BitConverter.DoubleToInt64Bits(cached));
            Assert.Equal(BitConverter.DoubleToInt64Bits(computedLog), BitConverter.DoubleToInt64Bits(cachedLog));
        }
    }
}
