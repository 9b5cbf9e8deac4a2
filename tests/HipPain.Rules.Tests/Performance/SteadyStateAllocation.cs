namespace HipPain.Rules.Tests.Performance;

/// <summary>
/// Bytes a warmed-up call allocates on this thread, measured so that a one-off allocation by the runtime (tiered
/// compilation installing faster code partway through a run, seen once in CI as 1,440 bytes) does not read as the
/// code's: the calls run in several windows and the smallest window counts. A call that allocates every time
/// allocates in every window, so it still shows.
/// </summary>
internal static class SteadyStateAllocation
{
    /// <summary>The fewest bytes any of <paramref name="windows"/> windows of <paramref name="callsPerWindow"/> calls allocated, after one warm-up call.</summary>
    public static long MinimumBytesPerWindow(Action call, int windows = 5, int callsPerWindow = 100)
    {
        call();
        var fewest = long.MaxValue;
        for (var w = 0; w < windows; w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < callsPerWindow; i++)
            {
                call();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
