using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>Properties of issue 17's authoring bounds on random knowledge bases and random deep criteria.</summary>
public sealed class BoundedAuthoringProperties
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 100)]
    public void JsonSizeBound_AnyKnowledgeBase_AtLeastTheWrittenBytes(GeneratedKnowledgeBase generated)
    {
        var written = Encoding.UTF8.GetByteCount(KnowledgeBaseJson.Write(generated.KnowledgeBase));

        Assert.True(JsonSizeBound.Of(generated.KnowledgeBase.ToBuilder()) >= written);
    }

    [Property(MaxTest = 100)]
    public Property Build_AnyCriterionWithinTheLimits_WriteAndReadRoundTrip() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var findings = Enumerable.Range(0, 40).Select(i => $"f{i}").ToArray();
            var budget = KnowledgeBaseLimits.MaximumCriterionSize;
            var criterion = RandomCriterion(rng, findings, KnowledgeBaseLimits.MaximumCriterionDepth, ref budget, new Queue<string>(findings));
            var builder = new KnowledgeBaseBuilder("kb", "1").AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
            foreach (var id in findings)
            {
                builder.AddFinding(id, "F", FindingKind.Symptom);
            }

            var kb = builder
                .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Composite("c/r", criterion, 2, 0.5, Source))
                .AddRedFlag("rf", "Flag", f => f.When(criterion).Urgency(Urgency.Urgent).Action("Act").Evidence(Source))
                .Build();

            var json = KnowledgeBaseJson.Write(kb);
            return KnowledgeBaseJson.Read(json).ContentHash == kb.ContentHash
                && Encoding.UTF8.GetByteCount(json) <= JsonSizeBound.Of(kb.ToBuilder());
        });

    /// <summary>A random criterion at most <paramref name="depth"/> deep within a size budget, each finding used once.</summary>
    private static Criterion RandomCriterion(Random rng, string[] findings, int depth, ref int budget, Queue<string> unused)
    {
        budget--;
        if (depth == 1 || budget < 3 || rng.Next(4) == 0)
        {
            return rng.Next(6) switch
            {
                0 => Criterion.AgeBetween(rng.Next(0, 60), rng.Next(2) == 0 ? null : rng.Next(60, 121)),
                1 => Criterion.SexIs(rng.Next(2) == 0 ? Sex.Female : Sex.Male),
                _ when unused.Count > 0 => rng.Next(2) == 0 ? Criterion.Present(unused.Dequeue()) : Criterion.Absent(unused.Dequeue()),
                _ => Criterion.AgeBetween(null, rng.Next(0, 121)),
            };
        }

        var parts = new List<Criterion>();
        var width = rng.Next(1, 5);
        while (parts.Count < width && budget > 1)
        {
            parts.Add(RandomCriterion(rng, findings, depth - 1, ref budget, unused));
        }

        return Criterion.AtLeast(rng.Next(1, parts.Count + 1), [.. parts]);
    }
}
