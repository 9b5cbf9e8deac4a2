using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// The numbers at the edges: the logistic function at extreme log-odds, the shares when every probability underflows,
/// the per-unit log ratios the interviewer reads, and the argument checks of the span API.
/// </summary>
public sealed class ScoringArithmeticTests
{
    private static readonly Evidence Source = new("Arithmetic test source 2025", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);
    private static readonly TriageEngine BuiltIn = new(BuiltInKnowledgeBase.Instance);

    /// <summary>Two causes at a prior of 0.5 whose two findings carry extreme ratios both ways (a log ratio near ±690 each).</summary>
    private static readonly TriageEngine Extreme = new(new KnowledgeBaseBuilder("extreme", "1")
        .AddFinding("x", "X", FindingKind.Symptom)
        .AddFinding("y", "Y", FindingKind.Symptom)
        .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
        .AddCause("first", "First", c => c.Prior(0.5, Source).Treat("tx").Finding("x", 1e300, 1e-300, Source).Finding("y", 1e300, 1e-300, Source))
        .AddCause("second", "Second", c => c.Prior(0.5, Source).Treat("tx").Finding("x", 2, 1e-300, Source).Finding("y", 2, 1e-300, Source))
        .Build());

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1000.0, 1.0)]
    [InlineData(-1000.0, 0.0)]
    [InlineData(double.MaxValue, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    public void ToProbability_ExtremeLogOdds_StaysInZeroToOne(double logOdds, double expected)
    {
        Assert.Equal(expected, TriageEngine.ToProbability(logOdds));
    }

    [Fact]
    public void ToProbability_LogOddsBelowMinus709_StillTheTinyProbabilityNotZero()
    {
        // e^720 overflows a double, so 1 / (1 + e^720) would give 0; the probability e^-720 is still representable.
        Assert.Equal(Math.Exp(-720), TriageEngine.ToProbability(-720));
        Assert.True(TriageEngine.ToProbability(-720) > 0);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-2.0)]
    [InlineData(30.0)]
    [InlineData(-30.0)]
    public void ToProbability_OrdinaryLogOdds_IsTheLogistic(double logOdds)
    {
        Assert.Equal(1 / (1 + Math.Exp(-logOdds)), TriageEngine.ToProbability(logOdds), 15);
    }

    [Fact]
    public void Triage_LogOddsFarAboveZero_ProbabilityOneNotNaN()
    {
        var result = Extreme.Triage(PatientCase.Create(30, Sex.Male, Observation.Present("x"), Observation.Present("y")));

        Assert.Equal("first", result.Leading.Cause.Id);
        Assert.True(result.Leading.LogOdds > 1000);
        Assert.Equal(1.0, result.Leading.Probability);
        Assert.Equal(result.Leading.Probability / result.Differential.Sum(r => r.Probability), result.Leading.Share, 15);
    }

    [Fact]
    public void Triage_EveryProbabilityUnderflowsToZero_SharesEqual()
    {
        var result = Extreme.Triage(PatientCase.Create(30, Sex.Male, Observation.Absent("x"), Observation.Absent("y")));

        Assert.All(result.Differential, r => Assert.Equal(0.0, r.Probability));
        Assert.All(result.Differential, r => Assert.Equal(0.5, r.Share));
    }

    [Fact]
    public void Triage_OrdinaryCase_SharesAreProbabilitiesOverTheirSum()
    {
        var result = BuiltIn.Triage(PatientCase.Create(35, Sex.Female, Observation.Present(BuiltInKnowledgeBase.Instance.Findings[0].Id)));

        var total = result.Differential.Sum(r => r.Probability);
        Assert.All(result.Differential, r => Assert.Equal(r.Probability / total, r.Share, 12));
        Assert.Equal(1.0, result.Differential.Sum(r => r.Share), 12);
    }

    [Fact]
    public void TryScore_RandomBuiltInCases_UnitLogsAddUpToTheLogOddsUnitByUnit()
    {
        var tables = BuiltIn.Compiled.Tables;
        var random = new Random(1717);
        var logOdds = new double[tables.CauseCount];
        var unitLogs = new double[tables.UnitCount];
        for (var round = 0; round < 60; round++)
        {
            var states = new FindingState[tables.FindingCount];
            for (var f = 0; f < states.Length; f++)
            {
                states[f] = (FindingState)(random.Next(4) switch { 0 => 1, 1 => 2, _ => 0 });
            }

            var age = round % 3 == 0 ? CriterionProgram.NoAge : random.Next(0, 121);
            var sex = (Sex)random.Next(3);
            Assert.True(tables.TryScore(states, age, sex, logOdds, unitLogs, out _));

            var sums = (double[])tables.PriorLogOdds.Clone();
            for (var u = 0; u < tables.UnitCount; u++)
            {
                Assert.Equal(tables.UnitLog(u, states, age, sex), unitLogs[u], 12);
                sums[tables.UnitCause(u)] += unitLogs[u];
            }

            for (var c = 0; c < sums.Length; c++)
            {
                Assert.Equal(logOdds[c], sums[c], 9);
            }
        }
    }

    [Fact]
    public void UnitCause_EveryUnit_TheCauseOfItsRuleOrGroup()
    {
        var tables = BuiltIn.Compiled.Tables;
        var entries = tables.FindingRuleCause.Length;
        var general = tables.GeneralRuleCause.Length;

        Assert.True(entries > 0 && general > 0 && tables.GroupCause.Length > 0);
        Assert.Equal(entries + general + tables.GroupCause.Length, tables.UnitCount);
        for (var u = 0; u < tables.UnitCount; u++)
        {
            var expected = u < entries ? tables.FindingRuleCause[u] : u < entries + general ? tables.GeneralRuleCause[u - entries] : tables.GroupCause[u - entries - general];
            Assert.Equal(expected, tables.UnitCause(u));
        }
    }

    [Fact]
    public void Score_UndefinedStateInTheFirstVectorBlock_ThrowsNamingTheElement()
    {
        var states = new FindingState[BuiltIn.FindingCount];
        states[1] = (FindingState)5;

        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.Score(states, 30, Sex.Male, new double[BuiltIn.CauseCount]));

        Assert.Equal("statesByFindingIndex", ex.ParamName);
        Assert.StartsWith("Element 1 is 5, not a defined FindingState (Unknown = 0, Present = 1, Absent = 2).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexOfFindingAndCause_Null_ThrowNamingTheParameter()
    {
        Assert.Equal("findingId", Assert.Throws<ArgumentNullException>(() => BuiltIn.IndexOfFinding(null!)).ParamName);
        Assert.Equal("causeId", Assert.Throws<ArgumentNullException>(() => BuiltIn.IndexOfCause(null!)).ParamName);
    }

    [Fact]
    public void IndexOfCause_UnknownId_ThrowsNamingTheIdAndTheBase()
    {
        var kb = BuiltIn.KnowledgeBase;

        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.IndexOfCause("no-such-cause"));

        Assert.Equal("causeId", ex.ParamName);
        Assert.StartsWith($"Unknown cause id 'no-such-cause': knowledge base '{kb.Id}' {kb.Version} has no such cause.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreBatch_StateOrLogOddsBufferWrongLength_ThrowsNamingItAndTheExpectedLength()
    {
        var (findings, causes) = (BuiltIn.FindingCount, BuiltIn.CauseCount);
        int?[] ages = [30, null];
        Sex[] sexes = [Sex.Male, Sex.Female];

        var states = Assert.Throws<ArgumentException>(() => BuiltIn.ScoreBatch(new FindingState[findings], ages, sexes, new double[2 * causes]));
        var logOdds = Assert.Throws<ArgumentException>(() => BuiltIn.ScoreBatch(new FindingState[2 * findings], ages, sexes, new double[causes]));

        Assert.Equal("statesByCaseThenFinding", states.ParamName);
        Assert.StartsWith($"Expected length {2 * findings}: ages.Length * FindingCount; got {findings}.", states.Message, StringComparison.Ordinal);
        Assert.Equal("logOddsByCaseThenCause", logOdds.ParamName);
        Assert.StartsWith($"Expected length {2 * causes}: ages.Length * CauseCount; got {causes}.", logOdds.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_AgeOrSexOutOfRange_MessageGivesTheAllowedValues()
    {
        var states = new FindingState[BuiltIn.FindingCount];
        var logOdds = new double[BuiltIn.CauseCount];

        var age = Assert.Throws<ArgumentOutOfRangeException>(() => BuiltIn.Score(states, 121, Sex.Male, logOdds));
        var sex = Assert.Throws<ArgumentOutOfRangeException>(() => BuiltIn.Score(states, 30, (Sex)3, logOdds));

        Assert.Equal("age", age.ParamName);
        Assert.Equal(121, age.ActualValue);
        Assert.StartsWith("Age must be between 0 and 120 years, or null when not given.", age.Message, StringComparison.Ordinal);
        Assert.Equal("sex", sex.ParamName);
        Assert.Equal((Sex)3, sex.ActualValue);
        Assert.StartsWith("Sex must be Unspecified, Female or Male.", sex.Message, StringComparison.Ordinal);
    }
}
