using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Generators;

/// <summary>A random valid knowledge base with a few random cases over its findings; the seed reproduces it.</summary>
public sealed record GeneratedKnowledgeBase(int Seed, KnowledgeBase KnowledgeBase, ImmutableArray<PatientCase> Cases)
{
    public override string ToString() => $"seed {Seed}: {KnowledgeBase.Causes.Length} causes, {KnowledgeBase.Findings.Length} findings, {KnowledgeBase.Rules.Length} rules";
}

/// <summary>
/// FsCheck arbitraries for the JSON and overlay properties. A knowledge base is built from a seed with the
/// DSL, so every generated base is valid by construction: findings, treatments, causes with single, composite,
/// graded, age and sex rules (no finding twice per cause outside an evidence group), evidence groups with joint
/// members, plans, and a red flag for every urgent cause. Values are
/// full-precision doubles so that a JSON round trip is tested on awkward numbers, not only on round ones.
/// </summary>
public static class JsonKnowledgeBaseArbitrary
{
    private static readonly string[] Words = ["ache", "groin", "lateral", "night", "stiff", "click", "swelling", "fever", "hop", "squat", "Trendelenburg", "FADIR", "\"quoted\"", "naïve", "ünïcode ✓", "tab\tin", "line\nbreak"];

    public static Arbitrary<GeneratedKnowledgeBase> KnowledgeBases() =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(Create));

    public static GeneratedKnowledgeBase Create(int seed)
    {
        var rng = new Random(seed);
        var builder = new KnowledgeBaseBuilder($"kb-{seed}", $"{rng.Next(1, 9)}.{rng.Next(0, 20)}.0", rng.Next(3) == 0 ? null : Text(rng));
        var findingIds = Enumerable.Range(0, rng.Next(2, 13)).Select(i => $"f.{i}").ToArray();
        foreach (var id in findingIds)
        {
            builder.AddFinding(id, Text(rng), Pick<FindingKind>(rng), Pick<BodyRegion>(rng), rng.Next(2) == 0 ? null : Text(rng) + "?");
        }

        var treatmentIds = Enumerable.Range(0, rng.Next(1, 5)).Select(i => $"tx.{i}").ToArray();
        foreach (var id in treatmentIds)
        {
            builder.AddTreatment(id, Text(rng), Pick<TreatmentKind>(rng), Evidence(rng), rng.Next(2) == 0 ? null : Text(rng));
        }

        var causeIds = Enumerable.Range(0, rng.Next(1, 6)).Select(i => $"c{i}").ToArray();
        var urgent = new List<string>();
        foreach (var id in causeIds)
        {
            var urgency = rng.Next(4) == 0 ? (rng.Next(2) == 0 ? Urgency.Urgent : Urgency.Emergency) : (rng.Next(2) == 0 ? Urgency.Routine : Urgency.SelfCare);
            if (urgency >= Urgency.Urgent)
            {
                urgent.Add(id);
            }

            builder.AddCause(id, Text(rng), c =>
            {
                c.Prior(0.001 + (rng.NextDouble() * 0.9), Evidence(rng)).SuspectedUrgency(urgency);
                if (rng.Next(2) == 0)
                {
                    c.Describe(Text(rng)).Codes(rng.Next(2) == 0 ? "M70.6" : null, rng.Next(2) == 0 ? "202855006" : null);
                }

                if (rng.Next(2) == 0)
                {
                    c.Running(Pick<RunningRestriction>(rng), Text(rng));
                }

                AddRules(rng, c, id, findingIds);
                c.Treat(treatmentIds[rng.Next(treatmentIds.Length)], rng.Next(2) == 0 ? TreatmentLine.FirstLine : TreatmentLine.SecondLine, rng.Next(2) == 0 ? null : Text(rng));
                if (treatmentIds.Length > 1 && rng.Next(3) == 0)
                {
                    c.Avoid(treatmentIds[rng.Next(treatmentIds.Length)], Text(rng));
                }
            });
        }

        var flags = urgent.Count + rng.Next(0, 2);
        for (var i = 0; i < flags; i++)
        {
            var suspects = i < urgent.Count ? [urgent[i]] : causeIds.Where(_ => rng.Next(2) == 0).ToArray();
            var criterion = Criterion(rng, [.. findingIds.OrderBy(_ => rng.Next()).Take(rng.Next(1, Math.Min(4, findingIds.Length) + 1))]);
            builder.AddRedFlag($"rf.{i}", Text(rng), r =>
            {
                r.When(criterion).Urgency(rng.Next(2) == 0 ? Urgency.Urgent : Urgency.Emergency).Action(Text(rng)).Suspect(suspects).Evidence(Evidence(rng));
                if (rng.Next(2) == 0)
                {
                    r.Running(Pick<RunningRestriction>(rng), Text(rng));
                }
            });
        }

        var knowledgeBase = builder.Build();
        var cases = Enumerable.Range(0, 6).Select(_ => Case(rng, findingIds)).ToImmutableArray();
        return new GeneratedKnowledgeBase(seed, knowledgeBase, cases);
    }

    public static PatientCase Case(Random rng, IReadOnlyList<string> findingIds)
    {
        var observations = findingIds.Where(_ => rng.Next(3) > 0)
            .Select(id => new Observation(id, (FindingState)rng.Next(3)))
            .OrderBy(_ => rng.Next())
            .ToArray();
        int? age = rng.Next(4) == 0 ? null : rng.Next(0, 121);
        return new PatientCase(age, (Sex)rng.Next(3), observations);
    }

    private static void AddRules(Random rng, CauseBuilder cause, string causeId, string[] findingIds)
    {
        // Each finding feeds at most one rule of a cause, except inside one evidence group.
        var rules = new List<(string Id, string[] Findings)>();
        var unused = new Queue<string>(findingIds.OrderBy(_ => rng.Next()).Take(rng.Next(0, findingIds.Length + 1)));
        var composite = 0;
        while (unused.Count > 0)
        {
            var roll = rng.Next(6);
            if (roll == 0)
            {
                var parts = Enumerable.Range(0, rng.Next(1, Math.Min(4, unused.Count) + 1)).Select(_ => unused.Dequeue()).ToArray();
                var id = $"{causeId}/graded.{composite++}";
                cause.Graded(id, [.. parts.Select(f => Criterion(rng, [f]))], GradedTable(rng, parts.Length), Evidence(rng), rng.Next(2) == 0 ? null : Text(rng));
                rules.Add((id, parts));
            }
            else if (unused.Count >= 2 && roll <= 2)
            {
                var parts = Enumerable.Range(0, rng.Next(2, Math.Min(5, unused.Count) + 1)).Select(_ => unused.Dequeue()).ToArray();
                var id = $"{causeId}/rule.{composite++}";
                cause.Composite(id, Criterion(rng, parts), Ratio(rng), Ratio(rng), Evidence(rng), rng.Next(2) == 0 ? null : Text(rng));
                rules.Add((id, parts));
            }
            else
            {
                var finding = unused.Dequeue();
                cause.Finding(finding, Ratio(rng), Ratio(rng), Evidence(rng));
                rules.Add(($"{causeId}/{finding}", [finding]));
            }
        }

        if (rng.Next(3) == 0)
        {
            var minimum = rng.Next(0, 80);
            var noLower = rng.Next(3) == 0;
            int? maximum = !noLower && rng.Next(3) == 0 ? null : minimum + rng.Next(0, 40);
            cause.Age(noLower ? null : minimum, maximum, Ratio(rng), Ratio(rng), Evidence(rng));
            rules.Add((string.Create(CultureInfo.InvariantCulture, $"{causeId}/age:{(noLower ? null : minimum)}-{maximum}"), []));
        }

        if (rng.Next(3) == 0)
        {
            var sex = rng.Next(2) == 0 ? Sex.Female : Sex.Male;
            cause.Sex(sex, Ratio(rng), Ratio(rng), Evidence(rng));
            rules.Add(($"{causeId}/sex:{sex.ToString().ToLowerInvariant()}", []));
        }

        // Evidence groups over some of the rules, with joint members and a member reading what the others read.
        var ungrouped = new Queue<(string Id, string[] Findings)>(rules.OrderBy(_ => rng.Next()));
        for (var g = 0; ungrouped.Count > 0 && rng.Next(2) == 0; g++)
        {
            var members = Enumerable.Range(0, rng.Next(1, Math.Min(3, ungrouped.Count) + 1)).Select(_ => ungrouped.Dequeue()).ToArray();
            var shared = members.SelectMany(m => m.Findings).Distinct().ToArray();
            cause.Group($"{causeId}/group.{g}", Text(rng), group =>
            {
                foreach (var member in members)
                {
                    group.Member(member.Id, joint: rng.Next(4) == 0);
                }

                if (shared.Length > 0 && rng.Next(2) == 0)
                {
                    var parts = shared.OrderBy(_ => rng.Next()).Take(rng.Next(1, Math.Min(3, shared.Length) + 1)).ToArray();
                    group.Graded($"{causeId}/group.{g}/graded", [.. parts.Select(f => Criterion(rng, [f]))], GradedTable(rng, parts.Length), Evidence(rng), Text(rng), joint: rng.Next(2) == 0);
                }
            });
        }
    }

    /// <summary>A graded table with full-precision ratios, some null (never all), and sometimes equal neighbours.</summary>
    private static double?[] GradedTable(Random rng, int parts)
    {
        var table = Enumerable.Range(0, parts + 1).Select(_ => rng.Next(4) == 0 ? (double?)null : Ratio(rng)).ToArray();
        for (var k = 1; k < table.Length; k++)
        {
            if (rng.Next(5) == 0)
            {
                table[k] = table[k - 1];
            }
        }

        if (table.All(r => r is null))
        {
            table[0] = Ratio(rng);
        }

        return table;
    }

    /// <summary>A criterion over exactly the given findings (each once): one finding, or a composite, sometimes nested.</summary>
    private static Criterion Criterion(Random rng, string[] findings)
    {
        if (findings.Length == 1)
        {
            return rng.Next(3) == 0 ? HipPain.Rules.Model.Criterion.Absent(findings[0]) : HipPain.Rules.Model.Criterion.Present(findings[0]);
        }

        Criterion[] parts;
        if (findings.Length >= 3 && rng.Next(3) == 0)
        {
            var split = rng.Next(1, findings.Length - 1);
            parts = [Criterion(rng, findings[..split]), Criterion(rng, findings[split..])];
        }
        else
        {
            parts = [.. findings.Select(f => Criterion(rng, [f]))];
        }

        return rng.Next(3) switch
        {
            0 => HipPain.Rules.Model.Criterion.AllOf(parts),
            1 => HipPain.Rules.Model.Criterion.AnyOf(parts),
            _ => HipPain.Rules.Model.Criterion.AtLeast(rng.Next(1, parts.Length + 1), parts),
        };
    }

    private static double Ratio(Random rng) => rng.Next(6) == 0 ? 1.0 : Math.Exp((rng.NextDouble() * 6) - 3);

    private static Evidence Evidence(Random rng) =>
        new($"{Text(rng)} {rng.Next(1980, 2026)}", Pick<EvidenceLevel>(rng), Pick<VerificationStatus>(rng), rng.Next(3) == 0 ? Text(rng) : null);

    private static string Text(Random rng) => string.Join(' ', Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Words[rng.Next(Words.Length)]));

    private static T Pick<T>(Random rng)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[rng.Next(values.Length)];
    }
}
