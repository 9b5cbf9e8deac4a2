using System.Text.Json.Nodes;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Generators;
using HipPain.Rules.Tests.Safety.Fuzzing;

namespace HipPain.Rules.Tests.Safety;

/// <summary>Controls of hazards in docs/safety/hazard-log.md that no other test proves.</summary>
public sealed class HazardControlTests
{
    /// <summary>
    /// H10: an overlay can change priors, rules, text and add items, but has no operation that removes a red flag or a
    /// cause or lowers a gate's urgency. Every overlay among 2,000 mutated overlays that applies to the seed base is
    /// checked on 10 random cases: the settled urgency and the highest possible urgency never go down.
    /// </summary>
    [Fact]
    public void Overlay_AnyOverlayThatApplies_NeverLowersTheUrgencyOrTheHighestPossibleUrgency()
    {
        var baseEngine = new TriageEngine(FuzzSeeds.Small);
        var run = new FuzzRun("urgency under overlays");
        var applied = 0;
        foreach (var input in run.Inputs(2_000, FuzzSeeds.Overlay))
        {
            KnowledgeBase overlaid;
            try
            {
                if (!OverlayJson.Read(input.Text).TryApplyTo(FuzzSeeds.Small, out var result, out _))
                {
                    continue;
                }

                overlaid = result;
            }
            catch (Exception ex) when (FuzzRun.Documented(ex) is not null)
            {
                continue;
            }

            applied++;
            var engine = new TriageEngine(overlaid);
            var rng = new Random(input.Index);
            for (var i = 0; i < 10; i++)
            {
                var patientCase = RandomWorlds.RandomCase(rng, FuzzSeeds.Small);
                var (before, after) = (baseEngine.Triage(patientCase), engine.Triage(patientCase));
                Assert.True(after.Urgency >= before.Urgency, $"input {input.Index} ({input.Edits}) lowered the urgency from {before.Urgency} to {after.Urgency}");
                Assert.True(after.HighestPossibleUrgency >= before.HighestPossibleUrgency, $"input {input.Index} ({input.Edits}) lowered the highest possible urgency");
            }
        }

        Assert.True(applied >= 200, $"only {applied} overlays applied");
    }

    /// <summary>H14: every result written in the result format carries the disclaimer, whatever the case.</summary>
    [Fact]
    public void TriageResultJson_AnyResult_CarriesTheDisclaimer()
    {
        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance);
        var rng = new Random(31);
        for (var i = 0; i < 50; i++)
        {
            var json = JsonNode.Parse(TriageResultJson.Write(engine.Triage(RandomWorlds.RandomCase(rng, BuiltInKnowledgeBase.Instance))))!;

            Assert.Equal(TriageResult.Disclaimer, (string?)json["disclaimer"]);
        }
    }
}
