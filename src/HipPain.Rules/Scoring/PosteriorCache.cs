namespace HipPain.Rules.Scoring;

/// <summary>
/// A small cache of <see cref="Posterior.ProbabilityAndLog"/> by argument, for one caller on one thread: an entry
/// counts only while <see cref="Clear"/> has not been called since it was written. Many hypothetical answers move a
/// cause by the same log ratio, so the interviewer meets the same log-odds again and again within one case. A hit
/// returns the same bits as computing again.
/// </summary>
internal sealed class PosteriorCache
{
    private const int Size = 512;
    private readonly long[] key = new long[Size];
    private readonly int[] written = new int[Size];
    private readonly double[] log = new double[Size];
    private readonly double[] value = new double[Size];
    private int generation = 1;

    /// <summary>Forgets every entry (in constant time, except once every 2^31 calls).</summary>
    public void Clear()
    {
        if (generation == int.MaxValue)
        {
            Array.Clear(written);
            generation = 0;
        }

        generation++;
    }

    /// <summary><see cref="Posterior.ProbabilityAndLog"/>, from the cache when the argument was met since the last <see cref="Clear"/>.</summary>
    public double ProbabilityAndLog(double logOdds, out double logProbability)
    {
        var bits = BitConverter.DoubleToInt64Bits(logOdds);
        var slot = (int)((ulong)(bits * -7046029254386353131L) >> 55);
        if (written[slot] == generation && key[slot] == bits)
        {
            logProbability = log[slot];
            return value[slot];
        }

        var probability = Posterior.ProbabilityAndLog(logOdds, out logProbability);
        (written[slot], key[slot], log[slot], value[slot]) = (generation, bits, logProbability, probability);
        return probability;
    }
}
