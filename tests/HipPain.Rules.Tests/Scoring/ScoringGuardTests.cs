using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// Argument and case checks of the engine's entry points that the other Scoring tests leave out, the order of many
/// fired gates of one urgency, and the scoring tables' bookkeeping for graded parts with an age and for single findings.
/// </summary>
public sealed class ScoringGuardTests
{
    private static readonly Evidence Source = new("Guard test source 2025", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);
    private static readonly TriageEngine BuiltIn = new(BuiltInKnowledgeBase.Instance);

    [Fact]
    public void ValidateAndCopyStates_NullCase_ThrowArgumentNullNamingIt()
    {
        Assert.Equal("patientCase", Assert.Throws<ArgumentNullException>(() => BuiltIn.Validate(null!)).ParamName);
        Assert.Equal("patientCase", Assert.Throws<ArgumentNullException>(() => BuiltIn.CopyStates(null!, new FindingState[BuiltIn.FindingCount])).ParamName);
    }

    [Fact]
    public void CopyStates_BufferWrongLength_ThrowsNamingItAndTheExpectedLength()
    {
        var patientCase = PatientCase.Create(30, Sex.Female, Observation.Present("loc.lateral-hip"));

        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.CopyStates(patientCase, new FindingState[2]));

        Assert.Equal("statesByFindingIndex", ex.ParamName);
        Assert.StartsWith($"Expected length {BuiltIn.FindingCount}: one state per finding (FindingCount); got 2.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LeadingCauseCountAtTheMaximum_AcceptedAndOneMoreRefused()
    {
        var engine = new TriageEngine(BuiltInKnowledgeBase.Instance, new TriageOptions { LeadingCauseCount = TriageOptions.MaximumLeadingCauseCount });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TriageEngine(BuiltInKnowledgeBase.Instance, new TriageOptions { LeadingCauseCount = TriageOptions.MaximumLeadingCauseCount + 1 }));

        Assert.Equal(BuiltIn.CauseCount, engine.CauseCount);
        Assert.Equal(("LeadingCauseCount", (object?)51), (ex.ParamName, ex.ActualValue));
    }

    [Theory]
    [InlineData(118, 0.5)]
    [InlineData(119, 0.5)]
    [InlineData(120, 4.0)]
    public void Triage_AgeRuleFromTheOldestAllowedAge_MetAtThatAgeOnly(int age, double factor)
    {
        // An age band starting at 120 puts its table's breakpoint at 120; the age-only rule is read from that table.
        var engine = new TriageEngine(new KnowledgeBaseBuilder("oldest-age", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
            .AddCause("only", "Only", c => c.Prior(0.5, Source).Treat("tx").Age(120, null, 4, 0.5, Source))
            .Build());

        Assert.Equal(Math.Log(factor), engine.Triage(PatientCase.Create(age, Sex.Unspecified)).Leading.LogOdds, 12);
    }

    [Theory]
    [InlineData(null, FindingState.Present, ErrorCodes.CaseMissingFindingId)]
    [InlineData("loc.groin", (FindingState)7, ErrorCodes.CaseUndefinedState)]
    public void CopyStatesAndTriage_ObservationWithoutCodeOrWithUndefinedState_CaseValidationException(string? findingId, FindingState state, string code)
    {
        var patientCase = new PatientCase(30, Sex.Female, [Observation.Present("loc.lateral-hip"), new Observation(findingId!, state)]);

        var copy = Assert.Throws<CaseValidationException>(() => BuiltIn.CopyStates(patientCase, new FindingState[BuiltIn.FindingCount]));
        var triage = Assert.Throws<CaseValidationException>(() => BuiltIn.Triage(patientCase));

        Assert.Equal(code, Assert.Single(copy.Problems).Code);
        Assert.Equal(code, Assert.Single(triage.Problems).Code);
    }

    [Fact]
    public void Rank_LogOddsBufferWrongLength_MessageSaysOneValuePerCause()
    {
        var ex = Assert.Throws<ArgumentException>(() => BuiltIn.Rank(new double[2], new int[1]));

        Assert.Equal("logOddsByCause", ex.ParamName);
        Assert.StartsWith($"Expected length {BuiltIn.CauseCount}: one value per cause (CauseCount); got 2.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreBatch_UndefinedSexInSecondCase_ThrowsNamingSexes()
    {
        int?[] ages = [30, 40];
        Sex[] sexes = [Sex.Male, (Sex)5];

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BuiltIn.ScoreBatch(new FindingState[2 * BuiltIn.FindingCount], ages, sexes, new double[2 * BuiltIn.CauseCount]));

        Assert.Equal(("sexes", (object?)(Sex)5), (ex.ParamName, ex.ActualValue));
    }

    [Fact]
    public void Score_UndefinedStateInABaseSmallerThanAVector_ThrowsNamingTheElement()
    {
        var engine = new TriageEngine(new KnowledgeBaseBuilder("tiny", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddFinding("y", "Y", FindingKind.Symptom)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
            .AddCause("only", "Only", c => c.Prior(0.5, Source).Treat("tx").Finding("x", 2, 0.5, Source))
            .Build());

        var ex = Assert.Throws<ArgumentException>(() => engine.Score([FindingState.Present, (FindingState)4], null, Sex.Unspecified, new double[1]));

        Assert.StartsWith("Element 1 is 4, not a defined FindingState", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SuspectedByRedFlagIds_ThirtyFiredGatesOfOneUrgency_AuthoringOrder()
    {
        var builder = new KnowledgeBaseBuilder("many-gates", "1")
            .AddFinding("t", "Trigger", FindingKind.Symptom)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx"));
        var ids = Enumerable.Range(0, 30).Select(i => $"gate-{i:00}").ToArray();
        foreach (var id in ids)
        {
            builder.AddRedFlag(id, id, f => f.When(Criterion.Present("t")).Urgency(Urgency.Urgent).Action("Act.").Suspect("c").Evidence(Source));
        }

        var result = new TriageEngine(builder.Build()).Triage(PatientCase.Create(30, Sex.Male, Observation.Present("t")));

        Assert.Equal(ids, result.Leading.SuspectedByRedFlagIds);
        Assert.Equal(ids, result.FiredRedFlags.Select(f => f.Id));
    }

    [Fact]
    public void Triage_GradedRuleWithAnAgePartDecidedByTheAgeAlone_CountsWithNoFindingStated()
    {
        // Age 50 meets the age part; whatever x is, one or two parts are met, and both counts carry 3.
        var engine = new TriageEngine(new KnowledgeBaseBuilder("graded-age", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
            .AddCause("only", "Only", c => c.Prior(0.5, Source).Treat("tx")
                .Graded("only/graded", [Criterion.AgeBetween(40, 60), Criterion.Present("x")], [0.5, 3, 3], Source, "Age and x"))
            .Build());

        var inBand = engine.Triage(PatientCase.Create(50, Sex.Unspecified)).Leading;
        var noAge = engine.Triage(PatientCase.Create(null, Sex.Unspecified)).Leading;

        Assert.Equal(Math.Log(3), inBand.LogOdds, 12);
        Assert.Equal(0.0, noAge.LogOdds, 12);
    }

    [Theory]
    [InlineData(39, 0.0)]
    [InlineData(40, 1.0)]
    [InlineData(45, 1.0)]
    [InlineData(46, 0.0)]
    [InlineData(null, 0.0)]
    public void Triage_CompositeRuleWithAnAgeBandInsideACount_ChangesAtBothBoundsWithNoFindingStated(int? age, double expectedLogOfThree)
    {
        // The age band sits inside "any of" with an unstated finding, so the band alone decides the rule: met from 40 to
        // 45, undecided (no contribution) outside it. The compiled tables must break their age rows at 40 and at 46,
        // which only a walk into the count criterion's parts finds.
        var engine = new TriageEngine(new KnowledgeBaseBuilder("composite-age", "1")
            .AddFinding("x", "X", FindingKind.Symptom)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
            .AddCause("only", "Only", c => c.Prior(0.5, Source).Treat("tx")
                .Composite("only/band-or-x", Criterion.AnyOf(Criterion.AgeBetween(40, 45), Criterion.Present("x")), 3, 0.5, Source))
            .Build());

        var leading = engine.Triage(PatientCase.Create(age, Sex.Unspecified)).Leading;

        Assert.Equal(expectedLogOfThree * Math.Log(3), leading.LogOdds, 12);
    }

    [Fact]
    public void FindingUnits_EveryFinding_ListsItsSingleFindingEntriesAmongItsUnits()
    {
        // A new engine, not the shared one: the tables are built in its constructor, which a mutation run must reach.
        var tables = new TriageEngine(BuiltInKnowledgeBase.Instance).Compiled.Tables;

        Assert.NotEmpty(tables.FindingRuleFinding);
        for (var e = 0; e < tables.FindingRuleFinding.Length; e++)
        {
            var f = tables.FindingRuleFinding[e];
            var units = tables.FindingUnits[tables.FindingUnitStart[f]..tables.FindingUnitStart[f + 1]];
            Assert.Contains(e, units);
        }
    }
}
