using System.Collections.Concurrent;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Benchmarks;

/// <summary>
/// Generated knowledge bases for the scaling benchmarks. Each finding feeds two causes with single-finding
/// rules (so about 2 x findings rules); each cause also has one "2 of 3" composite rule over findings it does
/// not otherwise use, and every third cause an age rule. Bases are cached per size: building the largest
/// takes seconds. A base of 10,000 findings has about 20,000 rules, and the bound of its JSON form (about 13 MB) is
/// over the 4 MiB that <c>Build</c> allows (HPK018), so the generator raises its builder's bound through an internal
/// seam (<c>AllowJsonBytes</c>) that only the benchmarks and tests can reach; every public builder and reader keeps
/// the limit.
/// </summary>
public static class SyntheticKnowledgeBase
{
    private static readonly ConcurrentDictionary<(int, int), KnowledgeBase> Cache = new();

    /// <summary>The JSON size bound the generated bases are built with: 32 MiB, room for the largest (1,000 causes, 10,000 findings).</summary>
    public const long JsonBytesAllowed = 32L * 1024 * 1024;

    public static KnowledgeBase Get(int causes, int findings) => Cache.GetOrAdd((causes, findings), key => Create(key.Item1, key.Item2));

    public static KnowledgeBase Create(int causeCount, int findingCount)
    {
        var rng = new Random(causeCount * 100_003 + findingCount);
        var evidence = new Evidence("Synthetic", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);
        var builder = new KnowledgeBaseBuilder($"synthetic-{causeCount}x{findingCount}", "1")
            .AllowJsonBytes(JsonBytesAllowed)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, evidence);
        for (var f = 0; f < findingCount; f++)
        {
            builder.AddFinding($"f{f}", $"Finding {f}", FindingKind.Symptom);
        }

        var linked = new List<int>[causeCount];
        for (var c = 0; c < causeCount; c++)
        {
            linked[c] = [];
        }

        for (var f = 0; f < findingCount; f++)
        {
            var first = f % causeCount;
            var second = (first + 1 + rng.Next(causeCount - 1)) % causeCount;
            linked[first].Add(f);
            if (second != first)
            {
                linked[second].Add(f);
            }
        }

        for (var c = 0; c < causeCount; c++)
        {
            var own = linked[c];
            var used = own.ToHashSet();
            var free = Enumerable.Range(0, findingCount).Where(f => !used.Contains(f)).Take(3).Select(f => $"f{f}").ToArray();
            var index = c;
            builder.AddCause($"c{c}", $"Cause {c}", cause =>
            {
                cause.Prior(0.01 + (rng.NextDouble() * 0.3), evidence).Treat("tx");
                foreach (var f in own)
                {
                    cause.Finding($"f{f}", Ratio(rng), Ratio(rng), evidence);
                }

                if (free.Length == 3)
                {
                    cause.Composite($"c{index}/two-of-three", Criterion.AtLeast(2, free), Ratio(rng), Ratio(rng), evidence);
                }

                if (index % 3 == 0)
                {
                    cause.Age(40, 70, Ratio(rng), Ratio(rng), evidence);
                }
            });
        }

        return builder.Build();
    }

    /// <summary>A case that answers <paramref name="answered"/> findings spread over the base, with an age.</summary>
    public static PatientCase Case(KnowledgeBase knowledgeBase, int answered)
    {
        var rng = new Random(42);
        var step = Math.Max(1, knowledgeBase.Findings.Length / answered);
        var observations = Enumerable.Range(0, Math.Min(answered, knowledgeBase.Findings.Length))
            .Select(i => new Observation(knowledgeBase.Findings[i * step].Id, rng.NextDouble() < 0.5 ? FindingState.Present : FindingState.Absent));
        return new PatientCase(52, Sex.Female, observations);
    }

    private static double Ratio(Random rng) => Math.Exp((rng.NextDouble() * 4) - 2);
}
