namespace HipPain.Rules.DependencyInjection.Tests;

/// <summary>Every test of this assembly that docs/safety/hazard-log.md names exists (the rest are checked in HipPain.Rules.Tests).</summary>
public sealed class HazardLogTests
{
    [Fact]
    public void HazardLog_EveryTestItNamesInThisAssembly_Exists()
    {
        var missing = Rules.Tests.Safety.HazardLog.MissingTests(typeof(HazardLogTests).Assembly, null).ToList();

        Assert.True(missing.Count == 0, "The hazard log names tests that do not exist: " + string.Join("; ", missing));
    }
}
