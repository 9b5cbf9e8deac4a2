using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The ranking core on its own: insertion below 25 places and the heap above, each against a plain sort, with many
/// equal log-odds so that the tie order by cause id is exercised.
/// </summary>
public sealed class CauseRankingTests
{
    /// <summary>Every cause index ordered by log-odds (highest first), ties by id order: what the ranking must give.</summary>
    private static int[] ByPlainSort(double[] logOdds, int[] idOrder) =>
        [.. Enumerable.Range(0, logOdds.Length).OrderByDescending(c => logOdds[c]).ThenBy(c => idOrder[c])];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(40)]
    [InlineData(90)]
    public void Rank_RandomLogOddsWithTies_EveryPrefixLengthGivesTheTopOfAPlainSort(int causes)
    {
        var random = new Random(1700 + causes);
        for (var round = 0; round < 20; round++)
        {
            // Few distinct values, so most causes tie with another; ids in a shuffled order.
            var logOdds = Enumerable.Range(0, causes).Select(_ => (double)random.Next(-3, 4)).ToArray();
            var idOrder = Enumerable.Range(0, causes).OrderBy(_ => random.Next()).ToArray();
            var expected = ByPlainSort(logOdds, idOrder);

            foreach (var places in new[] { 0, 1, 2, causes / 2, causes - 1, causes }.Where(p => p >= 0 && p <= causes).Distinct())
            {
                var destination = Enumerable.Repeat(-7, places).ToArray();
                CauseRanking.Rank(logOdds, idOrder, destination);
                Assert.Equal(expected.Take(places), destination);
            }
        }
    }

    [Fact]
    public void Rank_DescendingAndAscendingInput_SameAsAPlainSort()
    {
        foreach (var causes in new[] { 5, 30 })
        {
            var idOrder = Enumerable.Range(0, causes).ToArray();
            var ascending = Enumerable.Range(0, causes).Select(c => (double)c).ToArray();
            var descending = ascending.Reverse().ToArray();
            foreach (var logOdds in new[] { ascending, descending })
            {
                var destination = new int[causes];
                CauseRanking.Rank(logOdds, idOrder, destination);
                Assert.Equal(ByPlainSort(logOdds, idOrder), destination);
            }
        }
    }

    [Fact]
    public void Rank_AllEqual_IdOrderDecides()
    {
        foreach (var causes in new[] { 6, 31 })
        {
            var idOrder = Enumerable.Range(0, causes).Reverse().ToArray();
            var destination = new int[causes];

            CauseRanking.Rank(new double[causes], idOrder, destination);

            Assert.Equal(Enumerable.Range(0, causes).Reverse(), destination);
        }
    }
}
