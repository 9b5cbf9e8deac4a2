
namespace HipPain.Rules.Tests.Safety;

/// <summary>
/// docs/safety/hazard-log.md is complete and every test it names exists: a renamed or deleted test fails here, so a
/// control cannot silently lose its proof. Tests of the DI assembly are checked there (HazardLogTests).
/// </summary>
public sealed class HazardLogTests
{
    [Fact]
    public void HazardLog_EveryHazard_HasEveryFieldAKnownSeverityAndLikelihoodAndATest()
    {
        var hazards = HazardLog.Read();

        Assert.True(hazards.Count >= 15, $"{hazards.Count} hazards; the log needs at least 15");
        Assert.Equal(hazards.Count, hazards.Select(h => h.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var hazard in hazards)
        {
            Assert.All(HazardLog.RequiredFields, field => Assert.True(hazard.Fields.ContainsKey(field), $"{hazard.Id} has no {field}"));
            Assert.Contains(hazard.Fields["Severity"], HazardLog.Severities);
            Assert.Contains(hazard.Fields["Likelihood"], HazardLog.Likelihoods);
            Assert.NotEmpty(hazard.Tests);
        }
    }

    [Fact]
    public void HazardLog_EveryTestItNamesInThisAssembly_Exists()
    {
        var missing = HazardLog.MissingTests(typeof(HazardLogTests).Assembly, "HipPain.Rules.Tests").ToList();

        Assert.True(missing.Count == 0, "The hazard log names tests that do not exist: " + string.Join("; ", missing));
    }

    [Fact]
    public void HazardLog_EveryTestItNames_BelongsToATestAssemblyThatChecksIt()
    {
        string[] checkedAssemblies = ["HipPain.Rules.Tests.", "HipPain.Rules.DependencyInjection.Tests."];
        var names = HazardLog.Read().SelectMany(h => h.Tests).Select(t => t.StartsWith("HipPain.", StringComparison.Ordinal) ? t : "HipPain.Rules.Tests." + t);

        Assert.All(names, name => Assert.Contains(checkedAssemblies, prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
