using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.TestKit;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>The optimised engine equals the plain <see cref="ReferenceScorer"/>, and its APIs agree with each other.</summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 300)]
public sealed class CompiledScoringPropertyTests
{
    private const double Tolerance = 1e-12;

    private static readonly TriageEngine BuiltIn = new(BuiltInKnowledgeBase.Instance);

    /// <summary>Many causes, so that ranking takes the heap path as well as the insertion path.</summary>
    private static readonly TriageEngine ManyCauses = new(ManyCauseBase(61));

    [Property]
    public Property Score_RandomWorld_EqualsReferenceWithin1e12AndRanksAlike(World world) =>
        MatchesReference(new TriageEngine(world.KnowledgeBase), world.Case).Label(world.ToString());

    [Property]
    public Property Score_BuiltInBaseRandomCase_EqualsReferenceWithin1e12AndRanksAlike(BuiltInCase random) =>
        MatchesReference(BuiltIn, random.Case).Label(random.ToString());

    [Property]
    public Property Triage_RandomWorld_LogOddsAndRankingIdenticalToSpanApi(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var (logOdds, ranking) = SpanScoring.ScoreAndRank(engine, world.Case);
        var result = engine.Triage(world.Case);
        var ok = result.Differential.OrderBy(r => r.PosteriorRank).Select(r => engine.IndexOfCause(r.Cause.Id)).SequenceEqual(ranking)
            && result.Differential.All(r => r.LogOdds.Equals(logOdds[engine.IndexOfCause(r.Cause.Id)])
                && r.Probability.Equals(TriageEngine.ToProbability(r.LogOdds)));
        return ok.Label(world.ToString());
    }

    [Property(MaxTest = 100)]
    public Property ScoreBatch_RandomCases_IdenticalToScoringOneByOne(World world, int caseSeed)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var rng = new Random(caseSeed);
        var cases = Enumerable.Range(0, rng.Next(0, 8)).Select(_ => RandomWorlds.RandomCase(rng, world.KnowledgeBase)).ToArray();
        var states = new FindingState[cases.Length * engine.FindingCount];
        for (var k = 0; k < cases.Length; k++)
        {
            engine.CopyStates(cases[k], states.AsSpan(k * engine.FindingCount, engine.FindingCount));
        }

        var batch = new double[cases.Length * engine.CauseCount];
        engine.ScoreBatch(states, cases.Select(c => c.Age).ToArray(), cases.Select(c => c.Sex).ToArray(), batch);
        var single = cases.SelectMany(c => SpanScoring.ScoreAndRank(engine, c).LogOdds).ToArray();
        return batch.SequenceEqual(single).Label(world.ToString());
    }

    /// <summary>
    /// The scoring pass reads a rule or group that reads the age or the sex but no stated finding from a table by age
    /// interval and sex, and skips the other units that read no stated finding: every unit's figure it keeps must be,
    /// bit for bit, what evaluating that unit alone gives, at every age (and none) and every sex.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property TryScore_RandomWorldEveryAgeAndSex_UnitFiguresBitwiseEqualEachUnitEvaluatedAlone(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var tables = engine.Compiled.Tables;
        var logOdds = new double[engine.CauseCount];
        var unitLogs = new double[tables.UnitCount];
        var mismatches = new List<string>();
        foreach (var (states, age, sex) in EveryAgeAndSex(engine, world.Case))
        {
            tables.TryScore(states, age, sex, logOdds, unitLogs, out _);
            for (var u = 0; u < unitLogs.Length; u++)
            {
                var alone = tables.UnitLog(u, states, age, sex);
                if (BitConverter.DoubleToInt64Bits(alone) != BitConverter.DoubleToInt64Bits(unitLogs[u]))
                {
                    mismatches.Add($"unit {u}, age {age}, {sex}: {unitLogs[u]:R} kept, {alone:R} alone");
                }
            }
        }

        var tabled = tables.AgeSexTableStart.Count(start => start >= 0);
        return (mismatches.Count == 0).Label($"{world}: {string.Join("; ", mismatches.Take(5))}").Classify(tabled > 0, "some unit reads the age or the sex");
    }

    /// <summary>
    /// Without unit figures to keep, the scoring pass skips the units on the age or the sex whose table gives them nothing
    /// to add for the case's age and sex (a bitset compiled per age and sex); with them, it visits every such unit. The
    /// log-odds must be bit for bit the same either way, at every age (and none) and every sex.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property TryScore_RandomWorldEveryAgeAndSex_LogOddsBitwiseEqualWithAndWithoutKeepingUnitFigures(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var tables = engine.Compiled.Tables;
        var (skipping, visitingAll) = (new double[engine.CauseCount], new double[engine.CauseCount]);
        var unitLogs = new double[tables.UnitCount];
        var mismatches = new List<string>();
        var skipped = 0;
        foreach (var (states, age, sex) in EveryAgeAndSex(engine, world.Case))
        {
            tables.TryScore(states, age, sex, skipping, out _);
            tables.TryScore(states, age, sex, visitingAll, unitLogs, out _);
            for (var c = 0; c < skipping.Length; c++)
            {
                if (BitConverter.DoubleToInt64Bits(skipping[c]) != BitConverter.DoubleToInt64Bits(visitingAll[c]))
                {
                    mismatches.Add($"cause {c}, age {age}, {sex}: {skipping[c]:R} skipping, {visitingAll[c]:R} visiting all");
                }
            }

            var row = tables.OtherUnitVisitedByAgeAndSex.AsSpan((((age - CriterionProgram.NoAge) * 3) + (int)sex) * tables.OtherUnitAlwaysVisited.Length, tables.OtherUnitAlwaysVisited.Length);
            for (var w = 0; w < row.Length; w++)
            {
                skipped += System.Numerics.BitOperations.PopCount(tables.OtherUnitAlwaysVisited[w] & ~row[w]);
            }
        }

        return (mismatches.Count == 0).Label($"{world}: {string.Join("; ", mismatches.Take(5))}").Classify(skipped > 0, "some unit on the age or the sex skipped");
    }

    /// <summary>
    /// The settings the two table properties above sweep: no finding stated, then the case's findings; each at no age
    /// (<see cref="CriterionProgram.NoAge"/>) and every age to <see cref="PatientCase.MaximumAge"/>; each at every sex.
    /// </summary>
    private static IEnumerable<(FindingState[] States, int Age, Sex Sex)> EveryAgeAndSex(TriageEngine engine, PatientCase patientCase)
    {
        var stated = new FindingState[engine.FindingCount];
        engine.CopyStates(patientCase, stated);
        foreach (var states in new[] { new FindingState[engine.FindingCount], stated })
        {
            for (var age = CriterionProgram.NoAge; age <= PatientCase.MaximumAge; age++)
            {
                foreach (var sex in new[] { Sex.Unspecified, Sex.Female, Sex.Male })
                {
                    yield return (states, age, sex);
                }
            }
        }
    }

    [Property]
    public Property Rank_AnyLogOddsWithTies_EqualsReferenceOrderAndShortBuffersArePrefixes(int seed)
    {
        var rng = new Random(seed);
        var logOdds = Enumerable.Range(0, ManyCauses.CauseCount).Select(_ => (double)rng.Next(-3, 4)).ToArray();
        var expected = ReferenceScorer.Ranking(ManyCauses.KnowledgeBase, logOdds);
        var full = new int[ManyCauses.CauseCount];
        ManyCauses.Rank(logOdds, full);
        var top = new int[rng.Next(0, ManyCauses.CauseCount + 1)];
        ManyCauses.Rank(logOdds, top);
        return (full.SequenceEqual(expected) && top.SequenceEqual(expected.Take(top.Length)))
            .Label($"seed {seed}: {ManyCauses.CauseCount} causes, top {top.Length}");
    }

    /// <summary>
    /// Log-odds within <see cref="Tolerance"/> of the reference for every cause; the ranking sorted by the
    /// engine's own log-odds; and at every place the cause has the reference's log-odds for that place, so
    /// the rankings can differ only inside a tie closer than the tolerance.
    /// </summary>
    private static Property MatchesReference(TriageEngine engine, PatientCase patientCase)
    {
        var expected = ReferenceScorer.LogOdds(engine.KnowledgeBase, patientCase);
        var expectedRanking = ReferenceScorer.Ranking(engine.KnowledgeBase, expected);
        var (logOdds, ranking) = SpanScoring.ScoreAndRank(engine, patientCase);
        var close = expected.Zip(logOdds).All(p => Math.Abs(p.First - p.Second) <= Tolerance);
        var sorted = ranking.SequenceEqual(ReferenceScorer.Ranking(engine.KnowledgeBase, logOdds));
        var sameOrder = ranking.Zip(expectedRanking).All(p => Math.Abs(expected[p.First] - expected[p.Second]) <= Tolerance);
        return close.Label("log-odds within 1e-12").And(sorted.Label("ranking sorted")).And(sameOrder.Label("ranking as the reference's"));
    }

    /// <summary>A base of <paramref name="count"/> causes whose ids are not in index order (c0, c37, c13, ...).</summary>
    private static KnowledgeBase ManyCauseBase(int count)
    {
        var evidence = new Evidence("Generated", EvidenceLevel.ExpertOpinion, VerificationStatus.Estimated);
        var builder = new KnowledgeBaseBuilder("many-causes", "1")
            .AddFinding("f0", "Finding 0", FindingKind.Symptom)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, evidence);
        for (var i = 0; i < count; i++)
        {
            builder.AddCause($"c{i * 37 % count}", $"Cause {i}", c => c.Prior(0.1, evidence).Treat("tx"));
        }

        return builder.Build();
    }
}
