using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>The guarantees of docs/architecture: each holds for random knowledge bases and random cases.</summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 200)]
public sealed class TriageEnginePropertyTests
{
    private static readonly TriageEngine BuiltIn = new(BuiltInKnowledgeBase.Instance);

    [Property]
    public Property Triage_ObservationOrderShuffled_ResultIdentical(World world, int shuffleSeed)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var shuffled = new PatientCase(world.Case.Age, world.Case.Sex, RandomWorlds.Shuffle(new Random(shuffleSeed), world.Case.Observations));
        return Same(engine.Triage(world.Case), engine.Triage(shuffled)).Label(world.ToString());
    }

    [Property]
    public Property Triage_UnknownFindingAdded_ResultIdentical(World world, int pick)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var unmentioned = world.KnowledgeBase.Findings.Select(f => f.Id).Except(world.Case.Observations.Select(o => o.FindingId)).ToArray();
        if (unmentioned.Length == 0)
        {
            return true.Label("no unmentioned finding").Classify(true, "skipped: every finding named");
        }

        var withUnknown = world.Case.With(unmentioned[Math.Abs(pick % unmentioned.Length)], FindingState.Unknown);
        return Same(engine.Triage(world.Case), engine.Triage(withUnknown)).Label(world.ToString());
    }

    [Property]
    public Property Triage_UnknownObservationsRemoved_ResultIdentical(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var withoutUnknown = new PatientCase(world.Case.Age, world.Case.Sex, world.Case.Observations.Where(o => o.State != FindingState.Unknown));
        return Same(engine.Triage(world.Case), engine.Triage(withoutUnknown)).Label(world.ToString());
    }

    [Property]
    public Property Triage_FindingAnswered_MovesEachSingleFindingCauseTheWayItsRatioSays(World world, int pick, bool present)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var unmentioned = world.KnowledgeBase.Findings.Select(f => f.Id).Except(world.Case.Observations.Select(o => o.FindingId)).ToArray();
        if (unmentioned.Length == 0)
        {
            return true.Label("no unmentioned finding").Classify(true, "skipped: every finding named");
        }

        var finding = unmentioned[Math.Abs(pick % unmentioned.Length)];

        // A one-sex finding of the other sex can only be absent (HPC008).
        present &= RandomWorlds.CanBePresent(world.KnowledgeBase.Findings.Single(f => f.Id == finding), world.Case.Sex);
        var before = engine.Triage(world.Case).Differential.ToDictionary(r => r.Cause.Id);
        var after = engine.Triage(world.Case.With(finding, present ? FindingState.Present : FindingState.Absent)).Differential.ToDictionary(r => r.Cause.Id);
        // An ungrouped rule moves its cause strictly. A member of a group without a joint member moves it at most as
        // far (the group may already count a stronger member); a joint figure speaks for the whole group, so a member
        // of a group with one has no direction of its own. Only causes with no other rule reading the finding count.
        var kb = world.KnowledgeBase;
        var checks = kb.Rules.OfType<CriterionRule>()
            .Where(r => r.Criterion is FindingCriterion f && f.FindingId == finding && f.Expected == FindingState.Present)
            .Where(r => kb.RulesFor(r.CauseId).Count(o => o.FindingIds().Contains(finding)) == 1)
            .Where(r => !kb.TryGetGroupOf(r.Id, out var group) || group.Members.All(m => !m.IsJoint))
            .Select(r =>
            {
                var grouped = kb.TryGetGroupOf(r.Id, out _);
                var ratio = present ? r.Ratio.Positive : r.Ratio.Negative;
                var (p0, p1) = (before[r.CauseId].Probability, after[r.CauseId].Probability);
                var (l0, l1) = (before[r.CauseId].LogOdds, after[r.CauseId].LogOdds);
                var ok = ratio > 1 ? p1 >= p0 && (grouped ? l1 >= l0 : l1 > l0)
                    : ratio < 1 ? p1 <= p0 && (grouped ? l1 <= l0 : l1 < l0)
                    : l1 == l0;
                return ok.Label($"{r.Id}{(grouped ? " (grouped)" : string.Empty)}: ratio {ratio}, log-odds {l0} -> {l1}");
            })
            .ToList();
        return checks.Aggregate(true.ToProperty(), (all, next) => all.And(next)).Label(world.ToString())
            .Classify(checks.Count == 0, "skipped: no single-finding rule on the answered finding");
    }

    [Property]
    public Property Triage_LikelihoodRatioRaised_CauseNeverLess(World world, int pick)
    {
        if (world.KnowledgeBase.Rules.IsEmpty)
        {
            return true.Label("no rules").Classify(true, "skipped: no rule");
        }

        var rule = world.KnowledgeBase.Rules[Math.Abs(pick % world.KnowledgeBase.Rules.Length)];
        var raised = Rebuild(world.KnowledgeBase, rule);
        var before = new TriageEngine(world.KnowledgeBase).Triage(world.Case).Differential.Single(r => r.Cause.Id == rule.CauseId);
        var after = new TriageEngine(raised).Triage(world.Case).Differential.Single(r => r.Cause.Id == rule.CauseId);
        return (after.Probability >= before.Probability && after.LogOdds >= before.LogOdds).Label($"{world} rule {rule.Id}: {before.Probability} -> {after.Probability}");
    }

    [Property]
    public Property Triage_AnyCase_ProbabilitiesFiniteAndModelInvariantHolds(World world)
    {
        var result = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
        var shares = result.Differential.Sum(r => r.Share);
        var each = result.Differential.All(r =>
            double.IsFinite(r.Probability) && r.Probability is >= 0 and <= 1
            && double.IsFinite(r.LogOdds)
            && Math.Abs(r.LogOdds - (r.PriorLogOdds + r.Contributions.Sum(c => c.LogFactor))) < 1e-9
            && Math.Abs(r.Probability - (1 / (1 + Math.Exp(-r.LogOdds)))) < 1e-12);
        return (each && Math.Abs(shares - 1) < 1e-9 && result.Differential.Length == world.KnowledgeBase.Causes.Length).Label(world.ToString());
    }

    [Property]
    public Property Triage_RedFlagFires_UrgencyAtLeastTheFlags(World world)
    {
        var result = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
        var ok = result.RedFlags.Where(r => r.Status == RedFlagStatus.Fired).All(r => result.Urgency >= r.RedFlag.Urgency)
            && result.RedFlags.Select(r => r.Status).SequenceEqual(result.RedFlags.Select(r => r.RedFlag.Criterion.Evaluate(world.Case) switch
            {
                true => RedFlagStatus.Fired,
                false => RedFlagStatus.RuledOut,
                null => RedFlagStatus.Undecided,
            }));
        return ok.Label(world.ToString());
    }

    [Property]
    public Property Triage_BuiltInBaseCannotBearWeight_EmergencyWhateverElseIsPresent(BuiltInCase random)
    {
        var observations = random.Case.Observations.Where(o => o.FindingId != "exam.cannot-bear-weight").Append(Observation.Present("exam.cannot-bear-weight"));
        var result = BuiltIn.Triage(new PatientCase(random.Case.Age, random.Case.Sex, observations));
        return (result.Urgency == Urgency.Emergency && result.Plan.RunningAdvice.Restriction == RunningRestriction.StopRunning).Label(random.ToString());
    }

    [Property]
    public Property Triage_BuiltInBaseStressFracturePattern_AtLeastUrgentAndNoRunning(BuiltInCase random)
    {
        string[] pattern = ["loc.groin", "tim.weight-bearing-pain", "hx.training-increase"];
        var observations = random.Case.Observations.Where(o => !pattern.Contains(o.FindingId)).Concat(pattern.Select(Observation.Present));
        var result = BuiltIn.Triage(new PatientCase(random.Case.Age, random.Case.Sex, observations));
        var plan = result.Plan;
        var ok = result.Urgency >= Urgency.Urgent
            && plan.RunningAdvice.Restriction == RunningRestriction.StopRunning
            && plan.Treatments.All(t => t.CauseIds.Any(c => result.Differential.Single(r => r.Cause.Id == c).SuspectedByRedFlagIds.Length > 0))
            && plan.Avoid.Any(a => a.Treatment.Id == "tx.run-through-pain");
        return ok.Label(random.ToString());
    }

    [Property(MaxTest = 50)]
    public Property Triage_ParallelAndSerial_GiveIdenticalResults(World world, int caseSeed)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var rng = new Random(caseSeed);
        var cases = Enumerable.Range(0, 32).Select(_ => RandomWorlds.RandomCase(rng, world.KnowledgeBase)).ToArray();
        var serial = cases.Select(engine.Triage).ToArray();
        var parallel = new TriageResult[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = engine.Triage(cases[i]));
        return serial.Zip(parallel).All(p => Same(p.First, p.Second)).Label(world.ToString());
    }

    [Property]
    public Property Triage_TwoEnginesSameBase_DeterministicRankingOrderedByLogOddsThenId(World world)
    {
        var first = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
        var second = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
        var byPosterior = first.Differential.OrderBy(r => r.PosteriorRank).ToList();
        var ordered = byPosterior.Zip(byPosterior.Skip(1)).All(p =>
            p.First.LogOdds > p.Second.LogOdds
            || (p.First.LogOdds == p.Second.LogOdds && string.CompareOrdinal(p.First.Cause.Id, p.Second.Cause.Id) < 0));
        var ranks = first.Differential.Select(r => r.Rank).SequenceEqual(Enumerable.Range(1, first.Differential.Length))
            && byPosterior.Select(r => r.PosteriorRank).SequenceEqual(Enumerable.Range(1, first.Differential.Length));
        return (Same(first, second) && ordered && ranks && first.KnowledgeBaseHash == world.KnowledgeBase.ContentHash).Label(world.ToString());
    }

    [Property]
    public Property ContentHash_RebuiltFromBuilder_Identical(World world)
    {
        var rebuilt = world.KnowledgeBase.ToBuilder().Build();
        return (rebuilt.ContentHash == world.KnowledgeBase.ContentHash).Label(world.ToString());
    }

    [Property]
    public Property Triage_FiredRedFlags_TheirCausesRankInTheFirstThree(World world)
    {
        var result = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
        var flagged = result.FiredRedFlags.SelectMany(f => f.SuspectedCauseIds).Distinct(StringComparer.Ordinal).ToList();
        var ranks = flagged.Select(id => result.Differential.Single(r => r.Cause.Id == id).Rank).ToList();
        var places = Math.Min(3, result.Differential.Length);
        var held = flagged.Count <= places
            ? ranks.All(r => r <= places)
            : result.Differential.Take(places).All(r => flagged.Contains(r.Cause.Id));
        var first = result.Differential.Take(places).Select(r => r.Cause.Id).ToHashSet(StringComparer.Ordinal);
        var naming = result.FiredRedFlags.Where(f => !f.SuspectedCauseIds.IsEmpty).ToList();
        var everyGateHeld = naming.Count > places || naming.All(f => f.SuspectedCauseIds.Any(first.Contains));
        return (held && everyGateHeld)
            .Classify(flagged.Count == 0, "no red flag fired")
            .Classify(flagged.Count > places, "more named causes than places")
            .Label(world.ToString());
    }

    /// <summary>
    /// Rule R7 (facts addendum 29): when an emergency gate fires, the first place holds a cause named by the most fired
    /// emergency gates, the most probable of them.
    /// </summary>
    [Property]
    public Property Triage_FiredEmergencyGate_ItsCauseLeads(World world)
    {
        var result = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
        var leads = WorkingDiagnosisLeads(result);
        return (leads ?? true)
            .Classify(leads is null, "no emergency gate naming a cause fired")
            .Classify(result.Differential[0].Rank != result.Differential[0].PosteriorRank, "R7 moved a cause to the first place")
            .Label(world.ToString());
    }

    /// <summary>The generator reaches the cases R7 is about, so that its property is not true for want of input.</summary>
    [Fact]
    public void RandomWorlds_FirstThousandSeeds_FireEmergencyGatesThatMoveTheFirstPlace()
    {
        var (fired, moved) = (0, 0);
        for (var seed = 0; seed < 1000; seed++)
        {
            var world = RandomWorlds.MakeWorld(seed);
            var result = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
            var leads = WorkingDiagnosisLeads(result);
            Assert.NotEqual(false, leads);
            fired += leads is null ? 0 : 1;
            moved += leads is null || result.Differential[0].PosteriorRank == 1 ? 0 : 1;
        }

        // Measured: 92 and 53 of the first thousand seeds.
        Assert.InRange(fired, 70, 1000);
        Assert.InRange(moved, 40, 1000);
    }

    /// <summary>Null when no emergency gate naming a cause fired; else whether the first place holds R7's cause.</summary>
    private static bool? WorkingDiagnosisLeads(TriageResult result)
    {
        var emergency = result.FiredRedFlags.Where(f => f.Urgency == Urgency.Emergency && !f.SuspectedCauseIds.IsEmpty).ToList();
        if (emergency.Count == 0)
        {
            return null;
        }

        int Naming(string id) => emergency.Count(f => f.SuspectedCauseIds.Contains(id));
        var most = emergency.SelectMany(f => f.SuspectedCauseIds).Max(Naming);
        var first = result.Differential[0];
        var mostProbable = result.Differential.Where(r => Naming(r.Cause.Id) == most).MinBy(r => r.PosteriorRank)!;
        return first.Cause.Id == mostProbable.Cause.Id;
    }

    [Property]
    public Property Triage_AnyCase_UnflaggedCausesKeepTheirPosteriorOrder(World world)
    {
        var result = new TriageEngine(world.KnowledgeBase).Triage(world.Case);
        var flagged = result.FiredRedFlags.SelectMany(f => f.SuspectedCauseIds).ToHashSet(StringComparer.Ordinal);
        var unflagged = result.Differential.Where(r => !flagged.Contains(r.Cause.Id)).Select(r => r.PosteriorRank).ToList();
        var unchangedWhenNoneFired = flagged.Count > 0 || result.Differential.All(r => r.Rank == r.PosteriorRank);
        return (unflagged.SequenceEqual(unflagged.Order()) && unchangedWhenNoneFired).Classify(flagged.Count == 0, "no red flag fired").Label(world.ToString());
    }

    internal static bool Same(TriageResult a, TriageResult b) =>
        a.Urgency == b.Urgency
        && a.Differential.Length == b.Differential.Length
        && a.Differential.Zip(b.Differential).All(p =>
            p.First.Cause.Id == p.Second.Cause.Id
            && p.First.LogOdds.Equals(p.Second.LogOdds)
            && p.First.Probability.Equals(p.Second.Probability)
            && p.First.Share.Equals(p.Second.Share)
            && p.First.Contributions.Select(c => (c.Rule.Id, c.LogFactor)).SequenceEqual(p.Second.Contributions.Select(c => (c.Rule.Id, c.LogFactor))))
        && a.RedFlags.Select(r => (r.RedFlag.Id, r.Status)).SequenceEqual(b.RedFlags.Select(r => (r.RedFlag.Id, r.Status)))
        && a.Plan.RunningAdvice.Restriction == b.Plan.RunningAdvice.Restriction
        && a.Plan.Treatments.Select(t => t.Treatment.Id).SequenceEqual(b.Plan.Treatments.Select(t => t.Treatment.Id))
        && a.Plan.Deferred.Select(t => t.Treatment.Id).SequenceEqual(b.Plan.Deferred.Select(t => t.Treatment.Id))
        && a.Plan.Avoid.Select(t => t.Treatment.Id).SequenceEqual(b.Plan.Avoid.Select(t => t.Treatment.Id));

    /// <summary>The base with every ratio of the rule doubled (the figures of a graded rule; its null entries stay null).</summary>
    private static KnowledgeBase Rebuild(KnowledgeBase source, DiagnosticRule rule)
    {
        var builder = source.ToBuilder();
        switch (rule)
        {
            case CriterionRule c:
                builder.ReplaceRatio(c.Id, c.Ratio.Positive * 2, c.Ratio.Negative * 2);
                break;
            case GradedRule g:
                builder.ReplaceGradedRatios(g.Id, g.RatiosByCount.Select(r => r * 2));
                break;
        }

        return builder.Build();
    }
}
