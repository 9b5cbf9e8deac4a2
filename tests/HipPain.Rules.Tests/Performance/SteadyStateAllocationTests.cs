namespace HipPain.Rules.Tests.Performance;

/// <summary>The zero-allocation tests' probe can fail: a call that allocates each time is counted in every window.</summary>
public sealed class SteadyStateAllocationTests
{
    private static object? kept;

    [Fact]
    public void MinimumBytesPerWindow_CallThatAllocatesEveryTime_IsNeverZero()
    {
        var bytes = SteadyStateAllocation.MinimumBytesPerWindow(() => kept = new byte[16]);

        Assert.True(bytes >= 100 * 16, $"{bytes} B over 100 calls");
        Assert.NotNull(kept);
    }

    [Fact]
    public void MinimumBytesPerWindow_CallThatAllocatesNothing_IsZero()
    {
        var total = 0;

        Assert.Equal(0, SteadyStateAllocation.MinimumBytesPerWindow(() => total++));
        Assert.True(total > 0);
    }
}
