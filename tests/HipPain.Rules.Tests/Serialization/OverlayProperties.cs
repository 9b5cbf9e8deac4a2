using System.Text.Json.Nodes;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Serialization;

public sealed class OverlayProperties
{
    private static KnowledgeBaseOverlay Overlay(string id, string version, string? title, params (string Name, JsonNode Value)[] changes)
    {
        var overlay = new JsonObject { ["formatVersion"] = 1, ["id"] = id, ["version"] = version };
        if (title is not null)
        {
            overlay["title"] = title;
        }

        foreach (var (name, value) in changes)
        {
            overlay[name] = value;
        }

        return OverlayJson.Read(overlay.ToJsonString());
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 100)]
    public void EmptyOverlay_WithTheBasesIdentity_IsTheIdentity(GeneratedKnowledgeBase generated)
    {
        var knowledgeBase = generated.KnowledgeBase;

        var result = Overlay(knowledgeBase.Id, knowledgeBase.Version, knowledgeBase.Title).ApplyTo(knowledgeBase);

        Assert.Equal(knowledgeBase.ContentHash, result.ContentHash);
        Assert.Equal(FixtureBase.ScoresOf(knowledgeBase, generated.Cases), FixtureBase.ScoresOf(result, generated.Cases));
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 100)]
    public void EmptyOverlay_WithItsOwnIdentity_SameScoresNewHash(GeneratedKnowledgeBase generated)
    {
        var knowledgeBase = generated.KnowledgeBase;

        var result = Overlay("clinic", "9.9.9", null).ApplyTo(knowledgeBase);

        Assert.Equal(("clinic", "9.9.9", knowledgeBase.Title), (result.Id, result.Version, result.Title));
        Assert.NotEqual(knowledgeBase.ContentHash, result.ContentHash);
        Assert.Equal(FixtureBase.ScoresOf(knowledgeBase, generated.Cases), FixtureBase.ScoresOf(result, generated.Cases));
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 100)]
    public Property PriorChanges_ChangeOnlyThoseCausesPriors(GeneratedKnowledgeBase generated, int pick)
    {
        var knowledgeBase = generated.KnowledgeBase;
        var rng = new Random(pick);
        var changed = knowledgeBase.Causes.Where(_ => rng.Next(2) == 0).ToDictionary(c => c.Id, _ => 0.001 + (rng.NextDouble() * 0.99));
        JsonArray priors = [.. changed.Select(p => (JsonNode)new JsonObject { ["cause"] = p.Key, ["prior"] = p.Value, ["priorEvidence"] = OverlayTests.Evidence() })];

        var result = Overlay("clinic", "1", null, ("priors", priors)).ApplyTo(knowledgeBase);

        var before = new TriageEngine(knowledgeBase);
        var after = new TriageEngine(result);
        foreach (var patientCase in generated.Cases)
        {
            var old = before.Triage(patientCase).Differential.ToDictionary(r => r.Cause.Id);
            foreach (var now in after.Triage(patientCase).Differential)
            {
                var was = old[now.Cause.Id];
                if (changed.TryGetValue(now.Cause.Id, out var prior))
                {
                    Assert.Equal(prior, now.PriorProbability);
                }
                else
                {
                    Assert.Equal(was.PriorProbability, now.PriorProbability);
                    Assert.Equal(was.LogOdds, now.LogOdds);
                }

                // The evidence a case adds to a cause does not depend on its prior.
                Assert.Equal(was.LogOdds - was.PriorLogOdds, now.LogOdds - now.PriorLogOdds, 9);
            }
        }

        return true.Label(generated.ToString()).Classify(changed.Count == 0, "skipped: no prior changed (only the unchanged causes checked)");
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 100)]
    public Property DisablingARule_ChangesOnlyItsCause(GeneratedKnowledgeBase generated, int pick)
    {
        var knowledgeBase = generated.KnowledgeBase;
        if (knowledgeBase.Rules.IsEmpty)
        {
            return true.Label(generated.ToString()).Classify(true, "skipped: no rule to disable");
        }

        var rule = knowledgeBase.Rules[(int)((uint)pick % (uint)knowledgeBase.Rules.Length)];

        var result = Overlay("clinic", "1", null, ("disableRules", new JsonArray(rule.Id))).ApplyTo(knowledgeBase);

        Assert.DoesNotContain(result.Rules, r => r.Id == rule.Id);
        Assert.Equal(knowledgeBase.Rules.Length - 1, result.Rules.Length);
        var before = new TriageEngine(knowledgeBase);
        var after = new TriageEngine(result);
        foreach (var patientCase in generated.Cases)
        {
            var old = before.Triage(patientCase).Differential.ToDictionary(r => r.Cause.Id);
            foreach (var now in after.Triage(patientCase).Differential.Where(r => r.Cause.Id != rule.CauseId))
            {
                Assert.Equal(old[now.Cause.Id].LogOdds, now.LogOdds);
            }
        }

        return true.Label(generated.ToString()).Classify(knowledgeBase.Causes.Length == 1, "only the rule's own cause (nothing else to compare)");
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 50)]
    public void Overlay_AppliedToARoundTrippedBase_SameResult(GeneratedKnowledgeBase generated)
    {
        var knowledgeBase = generated.KnowledgeBase;
        var cause = knowledgeBase.Causes[0];
        var overlay = Overlay("clinic", "1", "Clinic", ("priors", new JsonArray(new JsonObject { ["cause"] = cause.Id, ["prior"] = 0.5, ["priorEvidence"] = OverlayTests.Evidence() })));

        var direct = overlay.ApplyTo(knowledgeBase);
        var viaJson = overlay.ApplyTo(KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(knowledgeBase)));

        Assert.Equal(direct.ContentHash, viaJson.ContentHash);
        Assert.Equal(direct.ContentHash, KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(direct)).ContentHash);
    }
}
