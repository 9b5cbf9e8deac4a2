using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Performance;
using HipPain.Rules.TestKit;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Scoring;

public sealed class TriageEngineScoringTests
{
    private static readonly TriageEngine BuiltIn = new(BuiltInKnowledgeBase.Instance);

    [Fact]
    public void IndexOfFinding_KnownCode_IsPositionInKnowledgeBaseFindings()
    {
        var index = BuiltIn.IndexOfFinding("loc.groin");

        Assert.Equal("loc.groin", BuiltIn.KnowledgeBase.Findings[index].Id);
        Assert.True(BuiltIn.TryGetFindingIndex("loc.groin", out var found));
        Assert.Equal(index, found);
        Assert.Equal(BuiltIn.KnowledgeBase.Findings.Length, BuiltIn.FindingCount);
    }

    [Fact]
    public void IndexOfFinding_UnknownCode_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.IndexOfFinding("loc.elbow"));

        Assert.Equal("findingId", ex.ParamName);
        Assert.StartsWith("Unknown finding code 'loc.elbow': knowledge base 'hippain.builtin'", ex.Message, StringComparison.Ordinal);
        Assert.False(BuiltIn.TryGetFindingIndex("loc.elbow", out var index));
        Assert.Equal(-1, index);
    }

    [Fact]
    public void IndexOfCause_KnownId_IsPositionInKnowledgeBaseCauses()
    {
        Assert.Equal("gtps", BuiltIn.KnowledgeBase.Causes[BuiltIn.IndexOfCause("gtps")].Id);
        Assert.Equal("causeId", Assert.Throws<ArgumentException>(() => BuiltIn.IndexOfCause("gout")).ParamName);
    }

    [Fact]
    public void Score_StateBufferWrongLength_ThrowsNamingParameterAndExpectedLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.Score(new FindingState[3], 30, Sex.Male, new double[BuiltIn.CauseCount]));

        Assert.Equal("statesByFindingIndex", ex.ParamName);
        Assert.Equal($"Expected length {BuiltIn.FindingCount}: one state per finding (FindingCount); got 3. (Parameter 'statesByFindingIndex')", ex.Message);
    }

    [Fact]
    public void Score_LogOddsBufferWrongLength_ThrowsNamingParameterAndExpectedLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.Score(new FindingState[BuiltIn.FindingCount], 30, Sex.Male, new double[1]));

        Assert.Equal($"Expected length {BuiltIn.CauseCount}: one value per cause (CauseCount); got 1. (Parameter 'logOddsByCause')", ex.Message);
    }

    [Fact]
    public void Score_UndefinedState_ThrowsNamingTheElement()
    {
        var states = new FindingState[BuiltIn.FindingCount];
        states[5] = (FindingState)7;

        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.Score(states, 30, Sex.Male, new double[BuiltIn.CauseCount]));

        Assert.Equal("Element 5 is 7, not a defined FindingState (Unknown = 0, Present = 1, Absent = 2). (Parameter 'statesByFindingIndex')", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void Score_AgeOutOfRange_ThrowsArgumentOutOfRange(int age)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BuiltIn.Score(new FindingState[BuiltIn.FindingCount], age, Sex.Male, new double[BuiltIn.CauseCount]));

        Assert.Equal("age", ex.ParamName);
        Assert.Equal(age, ex.ActualValue);
    }

    [Fact]
    public void Score_UndefinedSex_ThrowsArgumentOutOfRange() =>
        Assert.Equal("sex", Assert.Throws<ArgumentOutOfRangeException>(() => BuiltIn.Score(new FindingState[BuiltIn.FindingCount], null, (Sex)9, new double[BuiltIn.CauseCount])).ParamName);

    [Fact]
    public void Score_NothingKnown_WritesPriorLogOdds()
    {
        var logOdds = new double[BuiltIn.CauseCount];

        BuiltIn.Score(new FindingState[BuiltIn.FindingCount], null, Sex.Unspecified, logOdds);

        Assert.Equal(BuiltIn.KnowledgeBase.Causes.Select(c => Math.Log(c.Prior / (1 - c.Prior))), logOdds);
    }

    [Fact]
    public void Rank_DestinationLongerThanCauseCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.Rank(new double[BuiltIn.CauseCount], new int[BuiltIn.CauseCount + 1]));

        Assert.Equal($"Expected length 0 to {BuiltIn.CauseCount}: at most one place per cause (CauseCount); got {BuiltIn.CauseCount + 1}. (Parameter 'causeIndicesByRank')", ex.Message);
    }

    [Fact]
    public void ScoreBatch_SexesShorterThanAges_ThrowsNamingSexes()
    {
        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.ScoreBatch(new FindingState[2 * BuiltIn.FindingCount], new int?[2], new Sex[1], new double[2 * BuiltIn.CauseCount]));

        Assert.Equal("Expected length 2: one sex per case (ages.Length); got 1. (Parameter 'sexes')", ex.Message);
    }

    [Fact]
    public void ScoreBatch_UndefinedStateInSecondCase_ThrowsNamingTheFlatIndex()
    {
        var states = new FindingState[2 * BuiltIn.FindingCount];
        states[BuiltIn.FindingCount + 1] = (FindingState)(-1);

        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.ScoreBatch(states, new int?[2], new Sex[2], new double[2 * BuiltIn.CauseCount]));

        Assert.Equal("statesByCaseThenFinding", ex.ParamName);
        Assert.StartsWith($"Element {BuiltIn.FindingCount + 1} is -1,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyStates_InvalidCase_ThrowsEveryProblemAsValidateReports()
    {
        var invalid = PatientCase.Create(130, Sex.Male, Observation.Present("loc.elbow"), Observation.Present("loc.groin"), Observation.Absent("loc.groin"));

        var ex = Assert.Throws<CaseValidationException>(() => BuiltIn.CopyStates(invalid, new FindingState[BuiltIn.FindingCount]));

        Assert.Equal(BuiltIn.Validate(invalid).Select(p => p.Code), ex.Problems.Select(p => p.Code));
        Assert.Equal([ErrorCodes.CaseAgeOutOfRange, ErrorCodes.CaseUnknownFinding, ErrorCodes.CaseContradiction], ex.Problems.Select(p => p.Code));
    }

    [Fact]
    public void CopyStates_UnknownListedTwice_ThrowsDuplicate()
    {
        var twice = PatientCase.Create(30, Sex.Male, Observation.Unknown("loc.groin"), Observation.Present("loc.groin"));

        var ex = Assert.Throws<CaseValidationException>(() => BuiltIn.CopyStates(twice, new FindingState[BuiltIn.FindingCount]));

        Assert.Equal(ErrorCodes.CaseDuplicateFinding, Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public void CopyStates_ValidCase_OverwritesWholeBufferWithCaseStates()
    {
        var states = Enumerable.Repeat(FindingState.Absent, BuiltIn.FindingCount).ToArray();

        BuiltIn.CopyStates(PatientCase.Create(30, Sex.Male, Observation.Present("loc.groin"), Observation.Unknown("sym.clicking")), states);

        Assert.Equal(FindingState.Present, states[BuiltIn.IndexOfFinding("loc.groin")]);
        Assert.Equal(1, states.Count(s => s != FindingState.Unknown));
    }

    [Fact]
    public void ScoreAndRank_BundledCases_SameOrderAndLogOddsAsTriage()
    {
        foreach (var (name, _, patientCase) in BundledCases.All)
        {
            var (logOdds, ranking) = SpanScoring.ScoreAndRank(BuiltIn, patientCase);

            var byPosterior = BuiltIn.Triage(patientCase).Differential.OrderBy(r => r.PosteriorRank).ToList();

            // The span API ranks by probability alone; Triage's PosteriorRank is that order (its Rank adds the red-flag places).
            Assert.True(
                byPosterior.Select(r => r.Cause.Id).SequenceEqual(ranking.Select(c => BuiltIn.KnowledgeBase.Causes[c].Id)),
                name);
            Assert.Equal(byPosterior.Select(r => r.LogOdds), ranking.Select(c => logOdds[c]));
        }
    }

    [Fact]
    public void SpanApi_WarmedUp_AllocatesNothing()
    {
        var patientCase = BundledCases.All[0].Case;
        var states = new FindingState[BuiltIn.FindingCount];
        var logOdds = new double[BuiltIn.CauseCount];
        var ranking = new int[3];
        var batchStates = new FindingState[2 * BuiltIn.FindingCount];
        var batchLogOdds = new double[2 * BuiltIn.CauseCount];
        int?[] ages = [34, null];
        Sex[] sexes = [Sex.Female, Sex.Unspecified];
        void Run()
        {
            BuiltIn.CopyStates(patientCase, states);
            BuiltIn.Score(states, patientCase.Age, patientCase.Sex, logOdds);
            BuiltIn.Rank(logOdds, ranking);
            BuiltIn.ScoreBatch(batchStates, ages, sexes, batchLogOdds);
        }

        Assert.Equal(0, SteadyStateAllocation.MinimumBytesPerWindow(Run));
    }
}
