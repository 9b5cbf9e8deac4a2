using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>The semantics of evidence groups and graded rules (docs/model.md), on random knowledge bases and cases.</summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 300)]
public sealed class EvidenceGroupPropertyTests
{
    /// <summary>
    /// What a group adds to its cause (the sum of the contributions that name it) is its first decided joint figure when
    /// there is one, and otherwise lies between its most negative and its largest positive decided member: never further
    /// from zero than its strongest member.
    /// </summary>
    [Property]
    public Property Triage_AnyGroup_NeverFurtherThanItsStrongestMemberOrItsJointFigure(World world)
    {
        var kb = world.KnowledgeBase;
        var differential = new TriageEngine(kb).Triage(world.Case).Differential.ToDictionary(r => r.Cause.Id);
        var (joint, ordinary) = (0, 0);
        var checks = kb.Groups.Select(group =>
        {
            var moved = differential[group.CauseId].Contributions.Where(c => c.Group == group).Sum(c => c.LogFactor);
            var decided = group.Members
                .Select(m => (m.IsJoint, Outcome: ReferenceScorer.Outcome(Rule(kb, m.RuleId), world.Case)))
                .Where(m => m.Outcome is { HasFigure: true })
                .ToList();
            var first = decided.FirstOrDefault(m => m.IsJoint);
            if (first.Outcome is { } figure)
            {
                joint++;
                return (Math.Abs(moved - figure.Log) <= 1e-12).Label($"{group.Id}: moved {moved}, joint figure {figure.Log}");
            }

            ordinary += decided.Count > 0 ? 1 : 0;
            var logs = decided.Select(m => m.Outcome!.Log).ToList();
            var (low, high) = (logs.Where(l => l < 0).DefaultIfEmpty(0).Min(), logs.Where(l => l > 0).DefaultIfEmpty(0).Max());
            var strongest = logs.Select(Math.Abs).DefaultIfEmpty(0).Max();
            return (moved >= low - 1e-12 && moved <= high + 1e-12 && Math.Abs(moved) <= strongest + 1e-12)
                .Label($"{group.Id}: moved {moved}, members between {low} and {high}");
        }).ToList();
        return checks.Aggregate(true.ToProperty(), (all, next) => all.And(next)).Label(world.ToString())
            .Classify(joint > 0, "a joint figure counted")
            .Classify(ordinary > 0, "ordinary members counted")
            .Classify(kb.Groups.IsEmpty, "no group");
    }

    /// <summary>
    /// Every decided rule appears once in the explanation: as a contribution, or in the <see cref="Contribution.Subsumed"/>
    /// list of the contribution that counted for its group; grouped contributions name their group.
    /// </summary>
    [Property]
    public Property Triage_AnyCase_EveryDecidedRuleExplainedOnce(World world)
    {
        var kb = world.KnowledgeBase;
        var result = new TriageEngine(kb).Triage(world.Case);
        var checks = result.Differential.Select(ranked =>
        {
            var shown = ranked.Contributions.SelectMany(c => c.Subsumed.Prepend(c)).Select(c => c.Rule.Id).ToList();
            var decided = kb.RulesFor(ranked.Cause.Id).Where(r => ReferenceScorer.Outcome(r, world.Case) is not null).Select(r => r.Id);
            var grouped = ranked.Contributions.All(c =>
                (kb.TryGetGroupOf(c.Rule.Id, out var group) ? c.Group == group : c.Group is null)
                && c.Subsumed.All(s => s.Group == c.Group && s.Subsumed.IsEmpty));
            return (shown.Count == shown.Distinct().Count() && shown.Order(StringComparer.Ordinal).SequenceEqual(decided.Order(StringComparer.Ordinal)) && grouped)
                .Label($"{ranked.Cause.Id}: shown [{string.Join(", ", shown)}]");
        });
        return checks.Aggregate(true.ToProperty(), (all, next) => all.And(next)).Label(world.ToString());
    }

    /// <summary>An undecided member is neutral: the base without it scores the case identically, bit for bit.</summary>
    [Property]
    public Property Triage_UndecidedMemberRemoved_LogOddsIdentical(World world, int pick)
    {
        var kb = world.KnowledgeBase;
        var undecided = kb.Groups.SelectMany(g => g.Members).Where(m => ReferenceScorer.Outcome(Rule(kb, m.RuleId), world.Case) is null).ToList();
        if (undecided.Count == 0)
        {
            return true.Label(world.ToString()).Classify(true, "no undecided member (nothing to remove)");
        }

        var member = undecided[Math.Abs(pick % undecided.Count)];
        var builder = kb.ToBuilder();
        builder.RemoveRule(member.RuleId);
        var without = builder.Build();
        return LogOdds(kb, world.Case).SequenceEqual(LogOdds(without, world.Case)).Label($"{world}: without {member.RuleId}").Classify(member.IsJoint, "a joint member removed");
    }

    /// <summary>
    /// Order invariance: a group's ordinary members listed in another order (joint members keep their order, which is
    /// content) score every case bit for bit alike; a cause's rules declared in another order score it alike up to
    /// rounding.
    /// </summary>
    [Property]
    public Property Triage_MembersAndRulesReordered_SameScores(World world, int shuffleSeed)
    {
        var rng = new Random(shuffleSeed);
        var members = world.KnowledgeBase.ToBuilder();
        foreach (var group in members.Causes.SelectMany(c => c.Groups))
        {
            var slots = Enumerable.Range(0, group.Members.Count).Where(i => !group.Members[i].IsJoint).ToArray();
            var shuffled = RandomWorlds.Shuffle(rng, slots.Select(i => group.Members[i]).ToArray());
            for (var k = 0; k < slots.Length; k++)
            {
                group.Members[slots[k]] = shuffled[k];
            }
        }

        var rules = world.KnowledgeBase.ToBuilder();
        foreach (var cause in rules.Causes)
        {
            var shuffled = RandomWorlds.Shuffle(rng, cause.Rules);
            cause.Rules.Clear();
            cause.Rules.AddRange(shuffled);
        }

        var before = LogOdds(world.KnowledgeBase, world.Case);
        var sameMembers = before.SequenceEqual(LogOdds(members.Build(), world.Case));
        var sameRules = before.Zip(LogOdds(rules.Build(), world.Case)).All(p => Math.Abs(p.First - p.Second) <= 1e-12);
        return sameMembers.Label("members reordered: identical").And(sameRules.Label("rules reordered: within 1e-12")).Label(world.ToString());
    }

    /// <summary>
    /// A graded rule whose table never falls with the count (or never rises) moves its cause the same way as the count:
    /// when a part that is not met becomes met, and the rule is decided before and after, the cause's log-odds never fall
    /// (or never rise).
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Triage_GradedRuleWithMonotoneTable_MonotoneInThePartsMet(int seed, bool rising)
    {
        var rng = new Random(seed);
        var parts = rng.Next(1, 6);
        var table = Enumerable.Range(0, parts + 1).Select(_ => Math.Exp((rng.NextDouble() * 8) - 4)).Order().ToArray();
        if (!rising)
        {
            Array.Reverse(table);
        }

        var evidence = new Evidence("Generated", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);
        var builder = new KnowledgeBaseBuilder("graded", "1").AddTreatment("tx", "Treatment", TreatmentKind.SelfCare, evidence);
        var expected = Enumerable.Range(0, parts).Select(i => rng.Next(2) == 0 ? FindingState.Present : FindingState.Absent).ToArray();
        for (var i = 0; i < parts; i++)
        {
            builder.AddFinding($"f{i}", $"Finding {i}", FindingKind.Examination);
        }

        var kb = builder.AddCause("c", "Cause", c => c.Prior(0.3, evidence).Treat("tx")
            .Graded("c/score", [.. Enumerable.Range(0, parts).Select(i => expected[i] == FindingState.Present ? (Criterion)Criterion.Present($"f{i}") : Criterion.Absent($"f{i}"))], [.. table.Select(t => (double?)t)], evidence))
            .Build();
        var engine = new TriageEngine(kb);

        // Every part answered, or all but one; the flipped part goes from not met to met.
        var states = Enumerable.Range(0, parts).Select(_ => rng.Next(2) == 0 ? FindingState.Present : FindingState.Absent).ToArray();
        if (parts > 1 && rng.Next(3) == 0)
        {
            states[rng.Next(parts)] = FindingState.Unknown;
        }

        var notMet = Enumerable.Range(0, parts).Where(i => states[i] != FindingState.Unknown && states[i] != expected[i]).ToArray();
        if (notMet.Length == 0)
        {
            return true.ToProperty().Classify(true, "every answered part met (nothing to flip)");
        }

        var flip = notMet[rng.Next(notMet.Length)];
        var after = (FindingState[])states.Clone();
        after[flip] = expected[flip];
        var (l0, c0) = Score(engine, states);
        var (l1, c1) = Score(engine, after);
        var decided = c0 == 1 && c1 == 1;
        var ok = !decided || (rising ? l1 >= l0 : l1 <= l0);
        return ok.Label($"seed {seed}, table [{string.Join(", ", table)}], {string.Join(",", states)} -> {string.Join(",", after)}: {l0} -> {l1}")
            .Classify(!decided, "undecided before or after (no direction)");
    }

    /// <summary>The generator reaches every case of the group rule, so that the properties above are not true for want of input.</summary>
    [Fact]
    public void RandomWorlds_FirstThousandSeeds_ReachEveryCaseOfTheGroupRule()
    {
        var (joint, forAndAgainst, noFigure, gradedBeforeEveryPart) = (0, 0, 0, 0);
        for (var seed = 0; seed < 1000; seed++)
        {
            var world = RandomWorlds.MakeWorld(seed);
            var contributions = new TriageEngine(world.KnowledgeBase).Triage(world.Case).Differential.SelectMany(r => r.Contributions).ToList();
            joint += contributions.Any(c => c.Group is { } g && g.Members.Any(m => m.IsJoint && m.RuleId == c.Rule.Id)) ? 1 : 0;
            forAndAgainst += contributions.Where(c => c.Group is not null).GroupBy(c => c.Group!.Id).Any(g => g.Count() == 2) ? 1 : 0;
            noFigure += contributions.SelectMany(c => c.Subsumed).Any(s => s.Rule is GradedRule && s.Factor == 1 && s.Label.EndsWith("(no published figure for this count)", StringComparison.Ordinal)) ? 1 : 0;
            gradedBeforeEveryPart += contributions.SelectMany(c => c.Subsumed.Prepend(c)).Any(c => c.Rule is GradedRule && c.Label.Contains(" to ", StringComparison.Ordinal)) ? 1 : 0;
        }

        // Measured: 497 worlds with a joint figure counted, 175 with a group counting a member for and one against, 77
        // with a graded count without a figure, 215 with a graded rule decided before every part was answered.
        Assert.InRange(joint, 350, 1000);
        Assert.InRange(forAndAgainst, 120, 1000);
        Assert.InRange(noFigure, 50, 1000);
        Assert.InRange(gradedBeforeEveryPart, 150, 1000);
    }

    private static (double LogOdds, int Contributions) Score(TriageEngine engine, FindingState[] states)
    {
        var patientCase = new PatientCase(30, Sex.Female, states.Select((s, i) => new Observation($"f{i}", s)).Where(o => o.State != FindingState.Unknown));
        var cause = engine.Triage(patientCase).Leading;
        return (cause.LogOdds, cause.Contributions.Length);
    }

    private static DiagnosticRule Rule(KnowledgeBase kb, string id) => kb.TryGetRule(id, out var rule) ? rule : throw new KeyNotFoundException(id);

    private static double[] LogOdds(KnowledgeBase kb, PatientCase patientCase)
    {
        var engine = new TriageEngine(kb);
        var states = new FindingState[engine.FindingCount];
        engine.CopyStates(patientCase, states);
        var logOdds = new double[engine.CauseCount];
        engine.Score(states, patientCase.Age, patientCase.Sex, logOdds);
        return logOdds;
    }
}
