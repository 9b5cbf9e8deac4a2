namespace HipPain.Rules.Scoring;

/// <summary>
/// Orders cause indices by posterior log-odds, highest first, ties by the ordinal order of cause ids. The
/// order is total (two causes never compare equal), so every algorithm gives the same ranking. Writes the
/// best <c>destination.Length</c> causes without allocating.
/// </summary>
internal static class CauseRanking
{
    /// <summary>Below this many ranked places, insertion into the destination beats a heap.</summary>
    private const int InsertionLimit = 24;

    public static void Rank(ReadOnlySpan<double> logOdds, ReadOnlySpan<int> idOrder, Span<int> destination)
    {
        if (destination.Length <= InsertionLimit)
        {
            RankByInsertion(logOdds, idOrder, destination);
        }
        else
        {
            RankByHeap(logOdds, idOrder, destination);
        }
    }

    /// <summary>True when cause <paramref name="a"/> ranks above cause <paramref name="b"/>.</summary>
    private static bool Above(int a, int b, ReadOnlySpan<double> logOdds, ReadOnlySpan<int> idOrder)
    {
        var byOdds = logOdds[a].CompareTo(logOdds[b]);
        return byOdds > 0 || (byOdds == 0 && idOrder[a] < idOrder[b]);
    }

    private static void RankByInsertion(ReadOnlySpan<double> logOdds, ReadOnlySpan<int> idOrder, Span<int> destination)
    {
        var count = 0;
        for (var cause = 0; cause < logOdds.Length; cause++)
        {
            if (count == destination.Length && (count == 0 || !Above(cause, destination[count - 1], logOdds, idOrder)))
            {
                continue;
            }

            var place = count < destination.Length ? count++ : count - 1;
            while (place > 0 && Above(cause, destination[place - 1], logOdds, idOrder))
            {
                destination[place] = destination[place - 1];
                place--;
            }

            destination[place] = cause;
        }
    }

    /// <summary>
    /// Keeps the best causes in a heap whose root is the worst kept one, then empties it from the back, so
    /// the destination ends best first: O(n log k) for k ranked places.
    /// </summary>
    private static void RankByHeap(ReadOnlySpan<double> logOdds, ReadOnlySpan<int> idOrder, Span<int> destination)
    {
        var size = 0;
        for (var cause = 0; cause < logOdds.Length; cause++)
        {
            if (size < destination.Length)
            {
                var child = size++;
                while (child > 0)
                {
                    var parent = (child - 1) / 2;
                    if (!Above(destination[parent], cause, logOdds, idOrder))
                    {
                        break;
                    }

                    destination[child] = destination[parent];
                    child = parent;
                }

                destination[child] = cause;
            }
            else if (Above(cause, destination[0], logOdds, idOrder))
            {
                SiftDown(destination, size, cause, logOdds, idOrder);
            }
        }

        while (size > 1)
        {
            var worst = destination[0];
            size--;
            SiftDown(destination, size, destination[size], logOdds, idOrder);
            destination[size] = worst;
        }
    }

    /// <summary>Places <paramref name="cause"/> at the root of the heap of <paramref name="size"/> and sifts it down.</summary>
    private static void SiftDown(Span<int> heap, int size, int cause, ReadOnlySpan<double> logOdds, ReadOnlySpan<int> idOrder)
    {
        var place = 0;
        while (true)
        {
            var child = (2 * place) + 1;
            if (child >= size)
            {
                break;
            }

            // The worse child moves up: the root stays the worst kept cause.
            if (child + 1 < size && Above(heap[child], heap[child + 1], logOdds, idOrder))
            {
                child++;
            }

            if (!Above(cause, heap[child], logOdds, idOrder))
            {
                break;
            }

            heap[place] = heap[child];
            place = child;
        }

        heap[place] = cause;
    }
}
