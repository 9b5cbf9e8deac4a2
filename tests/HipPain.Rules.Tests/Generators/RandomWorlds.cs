using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Generators;

/// <summary>A random knowledge base and a random case over its vocabulary, reproducible from <see cref="Seed"/>.</summary>
public sealed record World(int Seed, KnowledgeBase KnowledgeBase, PatientCase Case)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"World(seed {Seed}: {KnowledgeBase.Causes.Length} causes, {KnowledgeBase.Findings.Length} findings, {KnowledgeBase.Rules.Length} rules, {KnowledgeBase.Groups.Length} groups, {KnowledgeBase.RedFlags.Length} flags; case age {Case.Age}, {Case.Sex}, [{string.Join(", ", Case.Observations.Select(o => $"{o.FindingId}={o.State}"))}])");
}

/// <summary>A random case over the built-in knowledge base, reproducible from <see cref="Seed"/>.</summary>
public sealed record BuiltInCase(int Seed, PatientCase Case)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BuiltInCase(seed {Seed}: age {Case.Age}, {Case.Sex}, [{string.Join(", ", Case.Observations.Select(o => $"{o.FindingId}={o.State}"))}])");
}

/// <summary>
/// FsCheck arbitraries for the engine's properties. Structure is drawn from a seed so that a failing case
/// prints a seed that rebuilds it exactly; FsCheck shrinks the seed's size parameters.
/// </summary>
public static class RandomWorlds
{
    private static readonly Urgency[] FlagUrgencies = [Urgency.Routine, Urgency.Urgent, Urgency.Emergency];

    public static Arbitrary<World> World() =>
        Gen.Choose(0, int.MaxValue).Select(MakeWorld).ToArbitrary();

    public static Arbitrary<BuiltInCase> BuiltInCase() =>
        Gen.Choose(0, int.MaxValue).Select(seed => new BuiltInCase(seed, RandomCase(new Random(seed), BuiltInKnowledgeBase.Instance))).ToArbitrary();

    public static World MakeWorld(int seed)
    {
        var rng = new Random(seed);
        var kb = RandomKnowledgeBase(rng);
        return new World(seed, kb, RandomCase(rng, kb));
    }

    public static KnowledgeBase RandomKnowledgeBase(Random rng, int maxFindings = 12, int maxCauses = 6)
    {
        var evidence = new Evidence("Generated", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);
        var findingCount = rng.Next(1, maxFindings + 1);
        var causeCount = rng.Next(1, maxCauses + 1);
        var findings = Enumerable.Range(0, findingCount).Select(i => $"f{i}").ToArray();
        var causes = Enumerable.Range(0, causeCount).Select(i => $"c{i}").ToArray();
        var builder = new KnowledgeBaseBuilder($"kb{rng.Next(1000)}", "1")
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, evidence)
            .AddTreatment("wu", "Workup", TreatmentKind.Imaging, evidence)
            .AddTreatment("avoid", "Avoided", TreatmentKind.Medication, evidence);
        foreach (var f in findings)
        {
            builder.AddFinding(f, "Finding " + f, (FindingKind)rng.Next(0, 8));
        }

        var flags = Enumerable.Range(0, rng.Next(0, 4)).Select(i => (
            Id: $"rf{i}",
            Criterion: RandomGateCriterion(rng, Shuffle(rng, findings).Take(rng.Next(1, Math.Min(5, findingCount) + 1)).ToArray()),
            Urgency: FlagUrgencies[rng.Next(FlagUrgencies.Length)],
            Suspects: causes.Where(_ => rng.NextDouble() < 0.3).ToArray())).ToList();

        foreach (var id in causes)
        {
            var urgency = flags.Where(f => f.Suspects.Contains(id)).Select(f => f.Urgency).DefaultIfEmpty(Urgency.Routine).Max();
            builder.AddCause(id, "Cause " + id, c =>
            {
                c.Prior(0.001 + (rng.NextDouble() * 0.998), evidence).SuspectedUrgency(urgency).Treat("tx").Treat("wu", TreatmentLine.SecondLine);
                if (rng.NextDouble() < 0.3)
                {
                    c.Avoid("avoid");
                }

                AddRules(rng, c, id, findings, evidence);
            });
        }

        foreach (var flag in flags)
        {
            builder.AddRedFlag(flag.Id, "Flag " + flag.Id, f => f.When(flag.Criterion).Urgency(flag.Urgency).Action("Act").Suspect(flag.Suspects).Evidence(evidence));
        }

        return builder.Build();
    }

    /// <summary>
    /// A cause's rules: single-finding, composite and graded rules over distinct findings, age and sex modifiers, then
    /// sometimes evidence groups over some of them (joint members, members added to the group that read findings its
    /// other members read, as only a group allows).
    /// </summary>
    private static void AddRules(Random rng, CauseBuilder c, string id, string[] findings, Evidence evidence)
    {
        var rules = new List<(string Id, string[] Findings, bool Graded)>();
        var pool = new Queue<string>(Shuffle(rng, findings).Where(_ => rng.NextDouble() < 0.7));
        var composite = 0;
        while (pool.Count > 0)
        {
            var roll = rng.NextDouble();
            if (roll < 0.2)
            {
                var parts = Enumerable.Range(0, rng.Next(1, Math.Min(4, pool.Count) + 1)).Select(_ => pool.Dequeue()).ToArray();
                var ruleId = $"{id}/graded{composite++}";
                c.Graded(ruleId, [.. parts.Select(Part(rng))], RandomTable(rng, parts.Length), evidence, "Graded " + ruleId);
                rules.Add((ruleId, parts, true));
            }
            else if (pool.Count >= 2 && roll < 0.45)
            {
                var parts = Enumerable.Range(0, rng.Next(2, Math.Min(4, pool.Count) + 1)).Select(_ => pool.Dequeue()).ToArray();
                var ruleId = $"{id}/composite{composite++}";
                c.Composite(ruleId, RandomCriterion(rng, parts), RandomRatio(rng), RandomRatio(rng), evidence);
                rules.Add((ruleId, parts, false));
            }
            else
            {
                var finding = pool.Dequeue();
                c.Finding(finding, RandomRatio(rng), RandomRatio(rng), evidence);
                rules.Add(($"{id}/{finding}", [finding], false));
            }
        }

        if (rng.NextDouble() < 0.4)
        {
            var min = rng.Next(0, 100);
            int? max = rng.NextDouble() < 0.5 ? null : rng.Next(min, 121);
            c.Age(min, max, RandomRatio(rng), RandomRatio(rng), evidence);
            rules.Add(($"{id}/age:{min}-{max}", [], false));
        }

        if (rng.NextDouble() < 0.4)
        {
            var sex = rng.NextDouble() < 0.5 ? Sex.Female : Sex.Male;
            c.Sex(sex, RandomRatio(rng), RandomRatio(rng), evidence);
            rules.Add(($"{id}/sex:{sex.ToString().ToLowerInvariant()}", [], false));
        }

        var ungrouped = new Queue<(string Id, string[] Findings, bool Graded)>(Shuffle(rng, rules));
        for (var g = 0; ungrouped.Count > 0 && rng.NextDouble() < 0.6; g++)
        {
            var members = Enumerable.Range(0, rng.Next(1, Math.Min(4, ungrouped.Count) + 1)).Select(_ => ungrouped.Dequeue()).ToArray();
            var shared = members.SelectMany(m => m.Findings).ToArray();
            c.Group($"{id}/group{g}", $"Group {g} of {id}", group =>
            {
                foreach (var member in members)
                {
                    group.Member(member.Id, joint: rng.NextDouble() < (member.Graded ? 0.6 : 0.2));
                }

                // Rules that read what other members read: allowed inside one group only.
                if (shared.Length > 0 && rng.NextDouble() < 0.4)
                {
                    var parts = Shuffle(rng, shared).Take(rng.Next(1, Math.Min(3, shared.Length) + 1)).ToArray();
                    if (rng.NextDouble() < 0.5)
                    {
                        group.Graded($"{id}/group{g}/graded", [.. parts.Select(Part(rng))], RandomTable(rng, parts.Length), evidence, joint: rng.NextDouble() < 0.6);
                    }
                    else
                    {
                        group.Composite($"{id}/group{g}/shared", RandomCriterion(rng, parts), RandomRatio(rng), RandomRatio(rng), evidence, joint: rng.NextDouble() < 0.2);
                    }
                }
            });
        }
    }

    /// <summary>A graded table over <paramref name="parts"/> parts: random ratios, some null (no figure), at least one not, sometimes monotone.</summary>
    internal static double?[] RandomTable(Random rng, int parts)
    {
        var table = Enumerable.Range(0, parts + 1).Select(_ => rng.NextDouble() < 0.2 ? (double?)null : RandomRatio(rng)).ToArray();

        // Equal neighbours make counts decided before every part is answered.
        for (var k = 1; k < table.Length; k++)
        {
            if (rng.NextDouble() < 0.2)
            {
                table[k] = table[k - 1];
            }
        }

        if (table.All(r => r is null))
        {
            table[rng.Next(table.Length)] = RandomRatio(rng);
        }

        return rng.NextDouble() < 0.3 && table.All(r => r is not null) ? [.. table.Order()] : table;
    }

    private static Func<string, Criterion> Part(Random rng) => finding => rng.NextDouble() < 0.75 ? Criterion.Present(finding) : Criterion.Absent(finding);

    public static PatientCase RandomCase(Random rng, KnowledgeBase kb)
    {
        int? age = rng.NextDouble() < 0.2 ? null : rng.Next(0, 121);
        var sex = (Sex)rng.Next(0, 3);
        var observations = Shuffle(rng, kb.Findings.Select(f => f.Id).ToArray())
            .Where(_ => rng.NextDouble() < 0.5)
            .Select(id => new Observation(id, rng.NextDouble() switch
            {
                < 0.5 => FindingState.Present,
                < 0.9 => FindingState.Absent,
                _ => FindingState.Unknown,
            }));
        return new PatientCase(age, sex, observations);
    }

    public static T[] Shuffle<T>(Random rng, IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        rng.Shuffle(copy);
        return copy;
    }

    private static double RandomRatio(Random rng) => rng.NextDouble() < 0.15 ? 1.0 : Math.Exp((rng.NextDouble() * 6) - 3);

    /// <summary>
    /// A gate's criterion over the findings: a tree of counting criteria (so that a met finding can sit in a branch
    /// that is ruled out while the gate is still undecided), with an age band as an extra part one time in four.
    /// </summary>
    private static Criterion RandomGateCriterion(Random rng, string[] findingIds)
    {
        var parts = new List<Criterion>();
        if (findingIds.Length >= 3 && rng.NextDouble() < 0.6)
        {
            var split = rng.Next(1, findingIds.Length);
            parts.Add(RandomGateCriterion(rng, findingIds[..split]));
            parts.Add(RandomGateCriterion(rng, findingIds[split..]));
        }
        else
        {
            parts.Add(RandomCriterion(rng, findingIds));
        }

        if (rng.NextDouble() < 0.25)
        {
            parts.Insert(rng.Next(parts.Count + 1), Criterion.AgeBetween(rng.Next(0, 100), null));
        }

        return parts.Count == 1 ? parts[0] : Criterion.AtLeast(rng.Next(1, parts.Count + 1), [.. parts]);
    }

    private static Criterion RandomCriterion(Random rng, string[] findingIds)
    {
        var parts = findingIds.Select(id => (Criterion)(rng.NextDouble() < 0.75 ? Criterion.Present(id) : Criterion.Absent(id))).ToArray();
        return parts.Length == 1 ? parts[0] : Criterion.AtLeast(rng.Next(1, parts.Length + 1), parts);
    }
}
