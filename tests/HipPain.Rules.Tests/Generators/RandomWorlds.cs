using System.Collections.Immutable;
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

/// <summary>A random knowledge base with six random cases over its findings; the seed reproduces it.</summary>
public sealed record GeneratedKnowledgeBase(int Seed, KnowledgeBase KnowledgeBase, ImmutableArray<PatientCase> Cases)
{
    public override string ToString() => $"seed {Seed}: {KnowledgeBase.Causes.Length} causes, {KnowledgeBase.Findings.Length} findings, {KnowledgeBase.Rules.Length} rules";
}

/// <summary>A random case over the built-in knowledge base, reproducible from <see cref="Seed"/>.</summary>
public sealed record BuiltInCase(int Seed, PatientCase Case)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"BuiltInCase(seed {Seed}: age {Case.Age}, {Case.Sex}, [{string.Join(", ", Case.Observations.Select(o => $"{o.FindingId}={o.State}"))}])");
}

/// <summary>
/// The test kit's one generator of random knowledge bases and cases, and the FsCheck arbitraries built on it
/// (the engine's, the interviewer's, the JSON and the overlay properties all draw from here). Structure is drawn
/// from a seed so that a failing case prints a seed that rebuilds it exactly.
/// </summary>
/// <remarks>
/// A base is valid by construction: findings of every kind and region, some with questions; treatments of every
/// kind; causes with single-finding, composite (nested all/any/at-least), graded, age and sex rules (no finding
/// twice per cause outside an evidence group), evidence groups with joint members and members that read what the
/// other members read; plans with second-line and avoided treatments; red flags whose criteria are trees of counting
/// criteria with age bands, and every cause suspected by a flag takes the highest urgency of those flags (so an
/// Urgent or Emergency cause always has a red flag). Names, citations and notes are drawn from awkward words
/// (quotes, tabs, line breaks, non-ASCII) and ratios are full-precision doubles, so that a JSON round trip is
/// tested on more than round numbers and plain text.
/// </remarks>
public static class RandomWorlds
{
    private static readonly Urgency[] FlagUrgencies = [Urgency.Routine, Urgency.Urgent, Urgency.Emergency];

    private static readonly string[] Words = ["ache", "groin", "lateral", "night", "stiff", "click", "swelling", "fever", "hop", "squat", "Trendelenburg", "FADIR", "\"quoted\"", "naïve", "ünïcode ✓", "tab\tin", "line\nbreak"];

    /// <summary>A base and one case.</summary>
    public static Arbitrary<World> World() =>
        Gen.Choose(0, int.MaxValue).Select(MakeWorld).ToArbitrary();

    /// <summary>A base and six cases.</summary>
    public static Arbitrary<GeneratedKnowledgeBase> KnowledgeBases() =>
        Gen.Choose(0, int.MaxValue).Select(MakeKnowledgeBase).ToArbitrary();

    /// <summary>A case over the built-in base.</summary>
    public static Arbitrary<BuiltInCase> BuiltInCase() =>
        Gen.Choose(0, int.MaxValue).Select(seed => new BuiltInCase(seed, RandomCase(new Random(seed), BuiltInKnowledgeBase.Instance))).ToArbitrary();

    public static World MakeWorld(int seed)
    {
        var rng = new Random(seed);
        var kb = RandomKnowledgeBase(rng, ChoiceRandom(seed));
        return new World(seed, kb, RandomCase(rng, kb));
    }

    public static GeneratedKnowledgeBase MakeKnowledgeBase(int seed)
    {
        var rng = new Random(seed);
        var kb = RandomKnowledgeBase(rng, ChoiceRandom(seed));
        return new GeneratedKnowledgeBase(seed, kb, [.. Enumerable.Range(0, 6).Select(_ => RandomCase(rng, kb))]);
    }

    /// <summary>A random base; <paramref name="choices"/> draws the enumerated fields (<see cref="DrawChoices"/>).</summary>
    public static KnowledgeBase RandomKnowledgeBase(Random rng, Random choices, int maxFindings = 12, int maxCauses = 6)
    {
        var builder = new KnowledgeBaseBuilder($"kb-{rng.Next(1000)}", $"{rng.Next(1, 9)}.{rng.Next(0, 20)}.0", rng.Next(3) == 0 ? null : Text(rng));
        var findings = Enumerable.Range(0, rng.Next(1, maxFindings + 1)).Select(i => $"f{i}").ToArray();
        foreach (var f in findings)
        {
            builder.AddFinding(f, Text(rng), Pick<FindingKind>(rng), Pick<BodyRegion>(rng), rng.Next(2) == 0 ? null : Text(rng) + "?", rng.Next(3) == 0 ? Text(rng) + "?" : null);

            // A present rate on about one finding in four (the interviewer's, facts addendum 56), drawn from the same
            // generator as the other optional fields so that every other draw of the base is as before.
            if (choices.Next(4) == 0)
            {
                builder.SetPresentRate(f, Math.Round(0.01 + (choices.NextDouble() * 0.98), 3));
            }
        }

        var treatments = Enumerable.Range(0, rng.Next(1, 5)).Select(i => $"tx{i}").ToArray();
        foreach (var id in treatments)
        {
            builder.AddTreatment(id, Text(rng), Pick<TreatmentKind>(rng), Evidence(rng), rng.Next(2) == 0 ? null : Text(rng));
        }

        var causes = Enumerable.Range(0, rng.Next(1, maxCauses + 1)).Select(i => $"c{i}").ToArray();
        var flags = Enumerable.Range(0, rng.Next(0, 4)).Select(i => (
            Id: $"rf{i}",
            Criterion: RandomGateCriterion(rng, Shuffle(rng, findings).Take(rng.Next(1, Math.Min(5, findings.Length) + 1)).ToArray()),
            Urgency: FlagUrgencies[rng.Next(FlagUrgencies.Length)],
            Suspects: causes.Where(_ => rng.NextDouble() < 0.3).ToArray())).ToList();

        foreach (var id in causes)
        {
            var suspectedBy = flags.Where(f => f.Suspects.Contains(id)).Select(f => f.Urgency).ToList();
            var urgency = suspectedBy.Count > 0 ? suspectedBy.Max() : rng.Next(2) == 0 ? Urgency.Routine : Urgency.SelfCare;
            builder.AddCause(id, Text(rng), c =>
            {
                DrawChoices(choices, ref builder.Causes[^1].Choices);
                c.Prior(0.001 + (rng.NextDouble() * 0.998), Evidence(rng)).SuspectedUrgency(urgency);
                if (rng.Next(2) == 0)
                {
                    c.Describe(Text(rng)).Codes(rng.Next(2) == 0 ? "M70.6" : null, rng.Next(2) == 0 ? "202855006" : null);
                }

                if (rng.Next(2) == 0)
                {
                    c.Running(Pick<RunningRestriction>(rng), Text(rng));
                }

                AddRules(rng, c, id, findings);
                AddPlan(rng, c, treatments);
            });
        }

        foreach (var flag in flags)
        {
            builder.AddRedFlag(flag.Id, Text(rng), f =>
            {
                f.When(flag.Criterion).Urgency(flag.Urgency).Action(Text(rng)).Suspect(flag.Suspects).Evidence(Evidence(rng));
                if (rng.Next(2) == 0)
                {
                    f.Running(Pick<RunningRestriction>(rng), Text(rng));
                }
            });
        }

        DrawWording(rng, builder);
        DrawNumbers(rng, builder);

        // A finding's and a treatment's enumerated fields (kind, region, ...) from the same declared-choice generator,
        // after every cause's, so that a field declared on them is drawn without a line here and the causes' draws
        // stay as they were. Any value is valid for these fields, whatever else the world holds.
        foreach (var finding in builder.Findings)
        {
            DrawChoices(choices, ref finding.Choices);
        }

        foreach (var treatment in builder.Treatments)
        {
            DrawChoices(choices, ref treatment.Choices);
        }

        // A red flag's context (AskWhen) a third of the time: one or two findings, any of which puts the gate in its
        // context. Drawn last from the choices generator, so that every earlier draw of every seed is as it was.
        foreach (var flag in builder.RedFlags)
        {
            if (choices.Next(3) == 0)
            {
                flag.AskWhen = Criterion.AnyOf(Shuffle(choices, findings).Take(choices.Next(1, Math.Min(2, findings.Length) + 1)).ToArray());
            }
        }

        // A gate reads no one-sex finding (HPK026): a finding a gate reads keeps the sex it drew only if no gate reads it.
        // No draw is made here, so every seed's other draws stay as they were.
        var readByGates = builder.RedFlags
            .SelectMany(f => (f.Criterion?.FindingIds() ?? []).Concat(f.AskWhen?.FindingIds() ?? []))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var finding in builder.Findings.Where(f => readByGates.Contains(f.Id)))
        {
            finding.Sex = Sex.Unspecified;
        }

        return builder.Build();
    }

    /// <summary>
    /// Gives every rewordable field of the wording catalogue that the calls above did not draw a text half of the time,
    /// so that the properties draw a new wording field without a line here.
    /// </summary>
    private static void DrawWording(Random rng, KnowledgeBaseBuilder builder)
    {
        Draw(Finding.Wording, builder.Findings);
        Draw(Treatment.Wording, builder.Treatments);
        Draw(Cause.Wording, builder.Causes);
        Draw(DiagnosticRule.Wording, builder.Causes.SelectMany(c => c.Rules));
        Draw(EvidenceGroup.Wording, builder.Causes.SelectMany(c => c.Groups));
        Draw(RedFlag.Wording, builder.RedFlags);

        void Draw(WordingKind kind, IEnumerable<WordedDraft> drafts)
        {
            foreach (var draft in drafts)
            {
                foreach (var field in kind.Rewordable.Where(f => !draft.Wording.Has(f)))
                {
                    if (rng.Next(2) == 0)
                    {
                        draft.Wording[field] = Text(rng);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Gives every cause each bounded clinical number its kind declares (<see cref="Cause.Numbers"/>) half of the time, a
    /// value within the declared range (a whole one for a whole number), so that the round-trip and overlay properties draw a new number without a line
    /// here. Format version 1 declares none, so this draws nothing and the worlds stay as they were.
    /// </summary>
    private static void DrawNumbers(Random rng, KnowledgeBaseBuilder builder)
    {
        foreach (var draft in builder.Causes)
        {
            foreach (var number in Cause.Numbers)
            {
                if (rng.Next(2) == 0)
                {
                    draft.Numbers[number.Name] = number.IsWhole
                        ? rng.NextInt64((long)number.Minimum, (long)number.Maximum + 1)
                        : number.Minimum + (rng.NextDouble() * (number.Maximum - number.Minimum));
                }
            }
        }
    }

    /// <summary>
    /// Gives an item each enumerated field its kind declares (<see cref="Cause.Choices"/>, <see cref="Finding.Choices"/>,
    /// <see cref="Treatment.Choices"/>): one of the field's allowed
    /// values, each as likely, or (for a field with no default) sometimes none, so that the round-trip and overlay
    /// properties draw a new enumerated field without a line here. It runs before the cause's own calls, so a field
    /// those calls set for a reason of structure keeps their value: a cause's urgency follows its red flags (an Urgent
    /// or Emergency cause always has one, as the validator requires). The draws come from their own
    /// <see cref="Random"/> (<see cref="ChoiceRandom"/>), so a declaration added or removed leaves every other draw of
    /// every seed as it was.
    /// </summary>
    private static void DrawChoices<T>(Random rng, ref NamedChoices<T> choices)
    {
        foreach (var choice in choices.Declarations)
        {
            var pick = rng.Next(choice.Values.Length + (choice.Default is null ? 1 : 0));
            choices[choice.Name] = pick < choice.Values.Length ? choice.Values[pick] : null;
        }
    }

    /// <summary>The generator of a seed's enumerated fields, apart from the one that draws the rest of its world.</summary>
    private static Random ChoiceRandom(int seed) => new(unchecked((seed * 31) + 17));

    /// <summary>One first- or second-line treatment, sometimes a second one, sometimes one to avoid (each treatment once per cause).</summary>
    private static void AddPlan(Random rng, CauseBuilder c, string[] treatments)
    {
        var order = Shuffle(rng, treatments);
        c.Treat(order[0], rng.Next(2) == 0 ? TreatmentLine.FirstLine : TreatmentLine.SecondLine, rng.Next(2) == 0 ? null : Text(rng));
        if (order.Length > 1 && rng.Next(3) == 0)
        {
            c.Treat(order[1], TreatmentLine.SecondLine);
        }

        if (order.Length > 2 && rng.Next(3) == 0)
        {
            c.Avoid(order[2], rng.Next(2) == 0 ? null : Text(rng));
        }
    }

    /// <summary>
    /// A cause's rules: single-finding, composite and graded rules over distinct findings, age and sex modifiers, then
    /// sometimes evidence groups over some of them (joint members, members added to the group that read findings its
    /// other members read, as only a group allows).
    /// </summary>
    private static void AddRules(Random rng, CauseBuilder c, string id, string[] findings)
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
                c.Graded(ruleId, [.. parts.Select(Part(rng))], RandomTable(rng, parts.Length), Evidence(rng), rng.Next(2) == 0 ? null : Text(rng));
                rules.Add((ruleId, parts, true));
            }
            else if (pool.Count >= 2 && roll < 0.45)
            {
                var parts = Enumerable.Range(0, rng.Next(2, Math.Min(5, pool.Count) + 1)).Select(_ => pool.Dequeue()).ToArray();
                var ruleId = $"{id}/composite{composite++}";
                c.Composite(ruleId, WithAgeBandSometimes(rng, RandomCriterion(rng, parts)), RandomRatio(rng), RandomRatio(rng), Evidence(rng), rng.Next(2) == 0 ? null : Text(rng));
                rules.Add((ruleId, parts, false));
            }
            else
            {
                var finding = pool.Dequeue();
                c.Finding(finding, RandomRatio(rng), RandomRatio(rng), Evidence(rng));
                rules.Add(($"{id}/{finding}", [finding], false));
            }
        }

        if (rng.NextDouble() < 0.4)
        {
            var min = rng.Next(0, 100);
            var noLower = rng.Next(4) == 0;
            int? max = !noLower && rng.NextDouble() < 0.5 ? null : rng.Next(min, 121);
            c.Age(noLower ? null : min, max, RandomRatio(rng), RandomRatio(rng), Evidence(rng));
            rules.Add((string.Create(CultureInfo.InvariantCulture, $"{id}/age:{(noLower ? null : min)}-{max}"), [], false));
        }

        if (rng.NextDouble() < 0.4)
        {
            var sex = rng.NextDouble() < 0.5 ? Sex.Female : Sex.Male;
            c.Sex(sex, RandomRatio(rng), RandomRatio(rng), Evidence(rng));
            rules.Add(($"{id}/sex:{sex.ToString().ToLowerInvariant()}", [], false));
        }

        var ungrouped = new Queue<(string Id, string[] Findings, bool Graded)>(Shuffle(rng, rules));
        for (var g = 0; ungrouped.Count > 0 && rng.NextDouble() < 0.6; g++)
        {
            var members = Enumerable.Range(0, rng.Next(1, Math.Min(4, ungrouped.Count) + 1)).Select(_ => ungrouped.Dequeue()).ToArray();
            var shared = members.SelectMany(m => m.Findings).ToArray();
            c.Group($"{id}/group{g}", Text(rng), group =>
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
                        group.Graded($"{id}/group{g}/graded", [.. parts.Select(Part(rng))], RandomTable(rng, parts.Length), Evidence(rng), rng.Next(2) == 0 ? null : Text(rng), joint: rng.NextDouble() < 0.6);
                    }
                    else
                    {
                        group.Composite($"{id}/group{g}/shared", RandomCriterion(rng, parts), RandomRatio(rng), RandomRatio(rng), Evidence(rng), joint: rng.NextDouble() < 0.2);
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

    /// <summary>
    /// A case over a base's findings: about half of them stated, most Present or Absent, some Unknown; sometimes no age,
    /// any sex. A one-sex finding (<see cref="Finding.Sex"/>) drawn present for a patient of the other sex is given as
    /// absent, the one state such a patient can have (<c>HPC008</c>); the draws are the same either way.
    /// </summary>
    public static PatientCase RandomCase(Random rng, KnowledgeBase kb)
    {
        int? age = rng.NextDouble() < 0.2 ? null : rng.Next(0, 121);
        var sex = (Sex)rng.Next(0, 3);
        var observations = Shuffle(rng, kb.Findings.ToArray())
            .Where(_ => rng.NextDouble() < 0.5)
            .Select(f => new Observation(f.Id, rng.NextDouble() switch
            {
                < 0.5 => CanBePresent(f, sex) ? FindingState.Present : FindingState.Absent,
                < 0.9 => FindingState.Absent,
                _ => FindingState.Unknown,
            }));
        return new PatientCase(age, sex, observations);
    }

    /// <summary>Whether a patient of <paramref name="sex"/> can have <paramref name="finding"/> present.</summary>
    public static bool CanBePresent(Finding finding, Sex sex) =>
        finding.Sex == Sex.Unspecified || sex == Sex.Unspecified || finding.Sex == sex;

    public static T[] Shuffle<T>(Random rng, IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        rng.Shuffle(copy);
        return copy;
    }

    private static double RandomRatio(Random rng) => rng.NextDouble() < 0.15 ? 1.0 : Math.Exp((rng.NextDouble() * 6) - 3);

    /// <summary>
    /// A red flag's criterion over the findings: a tree of counting criteria (so that a met finding can sit in a
    /// branch that is ruled out while the flag is still undecided), with an age band as an extra part one time in four.
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

    /// <summary>
    /// A composite rule's criterion, one time in four counted together with an age band (a lower bound, an upper bound or
    /// both), so that the compiled tables' age rows are checked where a band sits inside a count criterion.
    /// </summary>
    private static Criterion WithAgeBandSometimes(Random rng, Criterion criterion)
    {
        if (rng.NextDouble() >= 0.25)
        {
            return criterion;
        }

        var minimum = rng.Next(0, 100);
        Criterion band = rng.Next(3) switch
        {
            0 => Criterion.AgeBetween(minimum, null),
            1 => Criterion.AgeBetween(null, minimum),
            _ => Criterion.AgeBetween(minimum, Math.Min(120, minimum + rng.Next(0, 30))),
        };
        return rng.Next(2) == 0 ? Criterion.AtLeast(rng.Next(1, 3), criterion, band) : Criterion.AtLeast(rng.Next(1, 3), band, criterion);
    }

    /// <summary>A criterion over exactly the given findings (each once): one finding, or all/any/at least k of them, sometimes nested.</summary>
    private static Criterion RandomCriterion(Random rng, string[] findingIds)
    {
        if (findingIds.Length == 1)
        {
            return Part(rng)(findingIds[0]);
        }

        Criterion[] parts;
        if (findingIds.Length >= 3 && rng.Next(3) == 0)
        {
            var split = rng.Next(1, findingIds.Length - 1);
            parts = [RandomCriterion(rng, findingIds[..split]), RandomCriterion(rng, findingIds[split..])];
        }
        else
        {
            parts = [.. findingIds.Select(Part(rng))];
        }

        return rng.Next(3) switch
        {
            0 => Criterion.AllOf(parts),
            1 => Criterion.AnyOf(parts),
            _ => Criterion.AtLeast(rng.Next(1, parts.Length + 1), parts),
        };
    }

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
