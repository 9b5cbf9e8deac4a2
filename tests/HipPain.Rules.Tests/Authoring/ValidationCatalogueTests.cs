using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// Every problem the validator reports names its code, where it is (a builder path, or the document's JSON path
/// when the base was read) and what is wrong: one base that breaks nearly every rule at once, checked line by line.
/// </summary>
public sealed class ValidationCatalogueTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);
    private static readonly Evidence Blank = new(" ", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);
    private static readonly Evidence Undefined = new("Source", (EvidenceLevel)99, (VerificationStatus)98);

    private static string[] Problems(KnowledgeBaseBuilder builder) => [.. builder.Validate().Select(p => p.ToString())];

    [Fact]
    public void Validate_BaseBreakingEveryRule_ReportsEachProblemAtItsPath()
    {
        var builder = new KnowledgeBaseBuilder("kb 1", " ")
            .SetTextCulture("not a culture")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddFinding("a", "Again", FindingKind.Symptom)
            .AddFinding("b", " ", (FindingKind)99, (BodyRegion)99)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddTreatment("tx", "Again", TreatmentKind.Physiotherapy, Source)
            .AddTreatment("t2", " ", (TreatmentKind)99, Blank)
            .AddTreatment("t3", "Undefined evidence", TreatmentKind.SelfCare, Undefined)
            .AddCause("c", " ", c => c
                .Prior(1.5, Blank)
                .SuspectedUrgency((Urgency)99)
                .Running((RunningRestriction)99, " ")
                .Finding("a", double.NaN, -1, Source)
                .Composite("c/r2", Criterion.AllOf(Criterion.Present("a"), Criterion.Present("zz")), 2, 1, Source)
                .Composite("c/r3", Criterion.AtLeast(3, "a", "b"), 2, 0.5, Source)
                .Composite("c/r4", Criterion.AgeBetween(50, 20), 2, 0.5, Source)
                .Composite("c/r5", Criterion.SexIs((Sex)9), 2, 0.5, Source)
                .Composite("c/r6", new FindingCriterion("b", FindingState.Unknown), 2, 0.5, Source)
                .Composite("c/r7", Criterion.AllOf(Criterion.Present("b"), Criterion.Absent("b")), 2, 0.5, Source)
                .Graded("c/g1", [], [1], Source)
                .Graded("c/g2", [Criterion.Present("a")], [1], Source)
                .Graded("c/g3", [Criterion.Present("a")], [null, null], Source)
                .Graded("c/g4", [Criterion.Present("a")], [0, double.PositiveInfinity], Source)
                .Group("grp", " ", g => g.Member("c/r2").Member("c/r2").Member("nope"))
                .Group("grp", "Again", g => g.Member("c/r3"))
                .Group("empty", "Empty", _ => { })
                .Treat("unknown")
                .Avoid("tx")
                .Treat("t3", TreatmentLine.FirstLine, null, Blank))
            .AddCause("c", "Again", c => c.Prior(0.1, Source).Treat("tx"))
            .AddCause("d", "Urgent without a flag", c => c.SuspectedUrgency(Urgency.Urgent).Treat("tx").Group("cross", "Cross", g => g.Member("c/r4")))
            .AddCause("e", "Owner of a stolen rule", c => c.Prior(0.1, Source).Treat("tx").Group("steal", "Steal", g => g.Member("c/r5")))
            .AddRedFlag("rf", " ", f => f.Suspect("nope").Screen("a"))
            .AddRedFlag("rf", "Again", f => f.When(Criterion.Present("zz")).Urgency((Urgency)99).Action(" ").Evidence(Blank).Running((RunningRestriction)99, " ").AskWhen(Criterion.Present("yy")).Screen("b").Suspect("c"));

        string[] expected =
        [
            "HPK012 at $.id: Id 'kb 1' is blank or contains white space or control characters.",
            "HPK012 at $.version: The text is missing or blank.",
            "HPK012 at $.textCulture: Text culture 'not a culture' is not a culture name such as 'en' or 'es-MX'.",
            "HPK001 at $.findings[1]: Finding id 'a' is used more than once.",
            "HPK012 at $.findings[2].name: The text is missing or blank.",
            "HPK016 at $.findings[2].kind: 99 is not a defined FindingKind; allowed: PainLocation, PainQuality, Timing, Symptom, History, RiskFactor, Examination, Investigation.",
            "HPK016 at $.findings[2].region: 99 is not a defined BodyRegion; allowed: None, LateralHip, GroinAnteriorHip, AnteriorThigh, Buttock, PosteriorThigh, LateralThighToKnee, Knee, LowerBack, MedialThigh.",
            "HPK001 at $.treatments[1]: Treatment id 'tx' is used more than once.",
            "HPK012 at $.treatments[2].name: The text is missing or blank.",
            "HPK016 at $.treatments[2].kind: 99 is not a defined TreatmentKind; allowed: SelfCare, Medication, Physiotherapy, Injection, Surgery, Referral, Examination, Imaging, Laboratory, Prevention.",
            "HPK009 at $.treatments[2].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK016 at $.treatments[3].evidence.level: 99 is not a defined EvidenceLevel; allowed: SystematicReview, Guideline, RandomisedTrial, CohortStudy, CaseControlStudy, CaseSeries, ExpertOpinion, Insufficient.",
            "HPK016 at $.treatments[3].evidence.status: 98 is not a defined VerificationStatus; allowed: VerifiedPrimary, VerifiedSecondary, Computed, Derived, Estimated.",
            "HPK001 at $.causes[1]: Cause id 'c' is used more than once.",
            "HPK012 at $.causes[0].name: The text is missing or blank.",
            "HPK016 at $.causes[0].suspectedUrgency: 99 is not a defined Urgency; allowed: SelfCare, Routine, Urgent, Emergency.",
            "HPK005 at $.causes[0].prior: Prior 1.5 of cause 'c' is outside the open interval (0, 1).",
            "HPK009 at $.causes[0].priorEvidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK016 at $.causes[0].running.restriction: 99 is not a defined RunningRestriction; allowed: ContinueAsTolerated, ReduceLoad, RelativeRest, StopRunning.",
            "HPK012 at $.causes[0].running.text: The text is missing or blank.",
            "HPK004 at $.causes[0].rules[0].ratio.positive: LR+ NaN is not a finite number greater than 0.",
            "HPK004 at $.causes[0].rules[0].ratio.negative: LR- -1 is not a finite number greater than 0.",
            "HPK003 at $.causes[0].rules[1].criterion.allOf[1]: Unknown finding 'zz'; add it with AddFinding first.",
            "HPK010 at $.causes[0].rules[1].criterion: Finding 'a' already feeds rule 'c/a' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            "HPK011 at $.causes[0].rules[2].criterion: At-least-3 is outside the allowed range 1..2 (the number of parts).",
            "HPK010 at $.causes[0].rules[2].criterion: Finding 'a' already feeds rule 'c/a' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            "HPK011 at $.causes[0].rules[3].criterion: Age band 50..20 must have at least one bound, bounds within 0..120, and minimum <= maximum.",
            "HPK011 at $.causes[0].rules[4].criterion: A sex criterion must name Female or Male, not 9.",
            "HPK011 at $.causes[0].rules[5].criterion: A finding criterion must expect Present or Absent, not Unknown.",
            "HPK010 at $.causes[0].rules[5].criterion: Finding 'b' already feeds rule 'c/r3' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            "HPK010 at $.causes[0].rules[6].criterion: Finding 'b' appears more than once in the criterion of rule 'c/r7'.",
            "HPK010 at $.causes[0].rules[6].criterion: Finding 'b' already feeds rule 'c/r3' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            "HPK023 at $.causes[0].rules[7].graded.parts: Graded rule 'c/g1' has no parts; give at least one criterion to count.",
            "HPK023 at $.causes[0].rules[8].graded.ratios: Graded rule 'c/g2' has 1 parts, so it needs 2 ratios, one for each number of parts met from 0 to 1; it has 1.",
            "HPK010 at $.causes[0].rules[8].graded: Finding 'a' already feeds rule 'c/a' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            "HPK023 at $.causes[0].rules[9].graded.ratios: Graded rule 'c/g3' has no figure: every ratio is null. Give the figure of at least one count.",
            "HPK010 at $.causes[0].rules[9].graded: Finding 'a' already feeds rule 'c/a' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            "HPK004 at $.causes[0].rules[10].graded.ratios[0]: The ratio for 0 parts met, 0, is not a finite number greater than 0 (null when the source gives no figure).",
            "HPK004 at $.causes[0].rules[10].graded.ratios[1]: The ratio for 1 parts met, Infinity, is not a finite number greater than 0 (null when the source gives no figure).",
            "HPK010 at $.causes[0].rules[10].graded: Finding 'a' already feeds rule 'c/a' of cause 'c'; using it again would count its evidence twice. Fold both into one rule, put both in one evidence group, or make them one-sided (LR- = 1) outcomes that cannot both be met.",
            "HPK012 at $.causes[0].groups[0].name: The text is missing or blank.",
            "HPK021 at $.causes[0].groups[0].members[1].rule: Rule 'c/r2' is listed twice in group 'grp'.",
            "HPK020 at $.causes[0].groups[0].members[2].rule: Group 'grp' names unknown rule 'nope'.",
            "HPK001 at $.causes[0].groups[1]: Group id 'grp' is used more than once.",
            "HPK024 at $.causes[0].groups[2].members: Group 'empty' has no member; list the rules of cause 'c' that measure the same thing.",
            "HPK008 at $.causes[0].recommendations[0]: Cause 'c' recommends unknown treatment 'unknown'.",
            "HPK009 at $.causes[0].recommendations[2].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK015 at $.causes[2].prior: Cause 'd' has no prior; call Prior(probability, evidence).",
            "HPK022 at $.causes[2].groups[0].members[0].rule: Group 'cross' of cause 'd' names rule 'c/r4' of cause 'c'; a group holds rules of one cause only.",
            "HPK022 at $.causes[3].groups[0].members[0].rule: Group 'steal' of cause 'e' names rule 'c/r5' of cause 'c'; a group holds rules of one cause only.",
            "HPK012 at $.redFlags[0].name: The text is missing or blank.",
            "HPK006 at $.redFlags[0].urgency: Red flag 'rf' does not say which urgency it sets; call Urgency(...).",
            "HPK014 at $.redFlags[0].criterion: Red flag 'rf' has no criterion; call When(...).",
            "HPK012 at $.redFlags[0].action: The text is missing or blank.",
            "HPK009 at $.redFlags[0].evidence: Red flag 'rf' has no source; call Evidence(...).",
            "HPK019 at $.redFlags[0].screen[0]: Red flag 'rf' screens finding 'a', which its criterion does not read; screen only findings that can fire or rule out the red flag.",
            "HPK002 at $.redFlags[0].suspects[0]: Red flag 'rf' names unknown cause 'nope'.",
            "HPK001 at $.redFlags[1]: Red flag id 'rf' is used more than once.",
            "HPK016 at $.redFlags[1].urgency: 99 is not a defined Urgency; allowed: SelfCare, Routine, Urgent, Emergency.",
            "HPK003 at $.redFlags[1].criterion: Unknown finding 'zz'; add it with AddFinding first.",
            "HPK012 at $.redFlags[1].action: The text is missing or blank.",
            "HPK009 at $.redFlags[1].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK016 at $.redFlags[1].running.restriction: 99 is not a defined RunningRestriction; allowed: ContinueAsTolerated, ReduceLoad, RelativeRest, StopRunning.",
            "HPK012 at $.redFlags[1].running.text: The text is missing or blank.",
            "HPK003 at $.redFlags[1].askWhen: Unknown finding 'yy'; add it with AddFinding first.",
            "HPK019 at $.redFlags[1].screen[0]: Red flag 'rf' screens finding 'b', which its criterion does not read; screen only findings that can fire or rule out the red flag.",
            "HPK013 at $.causes[2].suspectedUrgency: Cause 'd' is Urgent when suspected but no red flag names it, so it could never escalate; add a red flag with Suspect(\"d\").",
        ];
        Assert.Equal(expected, Problems(builder));
    }

    [Fact]
    public void TryRead_DocumentBreakingRules_ReportsEachProblemAtItsJsonPath()
    {
        // Written from drafts as given (DraftConversion does not validate), then read back: the reader's problems
        // carry the document's paths, not the builder's.
        var broken = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", " ", FindingKind.Symptom)
            .AddTreatment("tx", " ", TreatmentKind.Physiotherapy, Blank)
            .AddCause("c", " ", c => c
                .Prior(2, Source)
                .Composite("c/r", Criterion.Present("zz"), 0, 1, Blank)
                .Group("g", " ", g => g.Member("nope"))
                .Treat("unknown", TreatmentLine.FirstLine, null, Blank))
            .AddRedFlag("rf", " ", f => f.When(Criterion.Present("zz")).Urgency(Urgency.Urgent).Action(" ").Suspect("nope").Evidence(Blank));
        var json = KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(broken));

        Assert.False(KnowledgeBaseJson.TryRead(json, out _, out var problems));

        string[] expected =
        [
            "HPK012 at $.findings[0].name: The text is missing or blank.",
            "HPK012 at $.treatments[0].name: The text is missing or blank.",
            "HPK009 at $.treatments[0].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK012 at $.causes[0].name: The text is missing or blank.",
            "HPK005 at $.causes[0].prior: Prior 2 of cause 'c' is outside the open interval (0, 1).",
            "HPK004 at $.causes[0].rules[0].ratio.positive: LR+ 0 is not a finite number greater than 0.",
            "HPK009 at $.causes[0].rules[0].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK003 at $.causes[0].rules[0].criterion: Unknown finding 'zz'; add it with AddFinding first.",
            "HPK012 at $.causes[0].groups[0].name: The text is missing or blank.",
            "HPK020 at $.causes[0].groups[0].members[0].rule: Group 'g' names unknown rule 'nope'.",
            "HPK009 at $.causes[0].recommendations[0].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK008 at $.causes[0].recommendations[0]: Cause 'c' recommends unknown treatment 'unknown'.",
            "HPK007 at $.causes[0].recommendations: Cause 'c' has no treatment and no workup step; recommend at least one.",
            "HPK012 at $.redFlags[0].name: The text is missing or blank.",
            "HPK003 at $.redFlags[0].criterion: Unknown finding 'zz'; add it with AddFinding first.",
            "HPK012 at $.redFlags[0].action: The text is missing or blank.",
            "HPK009 at $.redFlags[0].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK002 at $.redFlags[0].suspects[0]: Red flag 'rf' names unknown cause 'nope'.",
        ];
        Assert.Equal(expected, problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("treatments")]
    [InlineData("causes")]
    [InlineData("redFlags")]
    public void Validate_MoreItemsThanMaxItems_HPK018ForThatList(string list)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1").AddFinding("a", "A", FindingKind.Symptom).AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        for (var i = 0; i <= KnowledgeBaseLimits.MaximumItems; i++)
        {
            _ = list switch
            {
                "treatments" => builder.AddTreatment($"t{i}", "T", TreatmentKind.SelfCare, Source),
                "causes" => builder.AddCause($"c{i}", "C", c => c.Prior(0.1, Source).Treat("tx")),
                _ => builder.AddRedFlag($"f{i}", "F", f => f.When(Criterion.Present("a")).Urgency(Urgency.Routine).Action("Act").Evidence(Source)),
            };
        }

        var count = list == "treatments" ? KnowledgeBaseLimits.MaximumItems + 2 : KnowledgeBaseLimits.MaximumItems + 1;
        var what = list == "redFlags" ? "red flags" : list;

        Assert.Contains($"HPK018 at $.{list}: The knowledge base has {count} {what}; the limit is 10000 (KnowledgeBaseLimits.MaximumItems).", Problems(builder));
    }

    [Fact]
    public void Validate_RuleIdTwiceAndAgeBandWithoutBounds_EachReported()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddFinding("b", "B", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx")
                .Composite("c/x", Criterion.Present("a"), 2, 0.5, Source)
                .Composite("c/x", Criterion.Present("b"), 2, 0.5, Source)
                .Composite("c/age", Criterion.AgeBetween(null, null), 2, 0.5, Source));

        Assert.Equal(
            [
                "HPK001 at $.causes[0].rules[1]: Rule id 'c/x' is used more than once.",
                "HPK011 at $.causes[0].rules[2].criterion: Age band .. must have at least one bound, bounds within 0..120, and minimum <= maximum.",
            ],
            Problems(builder));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(40, 40)]
    [InlineData(0, 120)]
    [InlineData(120, null)]
    public void Validate_AgeBandAtTheEdges_Accepted(int? minimum, int? maximum)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx").Age(minimum, maximum, 2, 0.5, Source));

        Assert.Empty(Problems(builder));
    }

    [Fact]
    public void Validate_InvalidIdsTwice_ReportedAsInvalidNotAsDuplicates()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a\u0001", "A", FindingKind.Symptom)
            .AddFinding("a\u0001", "A", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx"));

        Assert.Equal(
            [
                "HPK012 at $.findings[0].id: Id 'a\u0001' is blank or contains white space or control characters.",
                "HPK012 at $.findings[1].id: Id 'a\u0001' is blank or contains white space or control characters.",
            ],
            Problems(builder));
    }

    [Fact]
    public void Validate_ExactlyMaxItemsTreatments_NoLimitProblem()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1").AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx"));
        for (var i = 1; i < KnowledgeBaseLimits.MaximumItems; i++)
        {
            builder.AddTreatment($"t{i}", "T", TreatmentKind.SelfCare, Source);
        }

        Assert.Empty(Problems(builder));
    }

    [Fact]
    public void Validate_RedFlagScreeningAFindingItsGateReads_Accepted()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddFinding("b", "B", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx"))
            .AddRedFlag("rf", "Flag", f => f.When(Criterion.AllOf("a", "b")).Urgency(Urgency.Urgent).Action("Act").Evidence(Source).Screen("b", "a"));

        Assert.Empty(Problems(builder));
    }
    [Theory]
    [InlineData("rules", "Cause 'c' has 10001 rules")]
    [InlineData("groups", "Cause 'c' has 10001 evidence groups")]
    [InlineData("recommendations", "Cause 'c' has 10001 recommendations")]
    public void Validate_CauseWithMoreThanMaxItems_HPK018ForThatList(string list, string what)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1").AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        var count = KnowledgeBaseLimits.MaximumItems + 1;
        builder.AddCause("c", "Cause", c =>
        {
            c.Prior(0.2, Source);
            for (var i = 0; i < count; i++)
            {
                _ = list switch
                {
                    "rules" => c.Age(i % 100, null, 2, 0.5, Source),
                    "groups" => c.Group($"g{i}", "G", _ => { }),
                    _ => c.Treat("tx"),
                };
            }
        });

        Assert.Contains($"HPK018 at $.causes[0].{list}: {what}; the limit is 10000 (KnowledgeBaseLimits.MaximumItems).", Problems(builder));
    }

    [Fact]
    public void Validate_RedFlagSuspectingMoreThanMaxItemsCauses_HPK018()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx"))
            .AddRedFlag("rf", "Flag", f => f.When(Criterion.Present("a")).Urgency(Urgency.Urgent).Action("Act").Evidence(Source)
                .Suspect([.. Enumerable.Repeat("c", KnowledgeBaseLimits.MaximumItems + 1)]));

        Assert.Equal(["HPK018 at $.redFlags[0].suspects: Red flag 'rf' names 10001 suspected causes; the limit is 10000 (KnowledgeBaseLimits.MaximumItems)."], Problems(builder));
    }

    [Fact]
    public void Validate_NoCause_HPK017AtCauses()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1").AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);

        Assert.Equal(["HPK017 at $.causes: The knowledge base has no cause; add at least one."], Problems(builder));
    }

    [Fact]
    public void Validate_InvalidIdsAndValuesOfEachKind_ReportedAtTheirPaths()
    {
        var blankWithUndefinedLevel = new Evidence(" ", (EvidenceLevel)99, (VerificationStatus)98);
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddTreatment("t x", "Spaced", TreatmentKind.SelfCare, Source)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, blankWithUndefinedLevel)
            .AddCause("c x", "Spaced", c => c.Prior(0.2, Source).Treat("tx", (TreatmentLine)99)
                .Composite("r x", Criterion.Present("a"), 2, 0.5, Source)
                .Composite("c/none", Criterion.AnyOf(Array.Empty<Criterion>()), 2, 0.5, Source)
                .Group("g x", "Spaced", g => g.Member("r x")))
            .AddRedFlag("rf x", "Spaced", f => f.When(Criterion.Present("a")).Urgency(Urgency.Routine).Action("Act").Evidence(Source));

        string[] expected =
        [
            "HPK012 at $.treatments[0].id: Id 't x' is blank or contains white space or control characters.",
            "HPK009 at $.treatments[1].evidence.citation: The citation is missing or blank; every weight, prior, treatment and red flag names its source.",
            "HPK012 at $.causes[0].id: Id 'c x' is blank or contains white space or control characters.",
            "HPK012 at $.causes[0].rules[0].id: Id 'r x' is blank or contains white space or control characters.",
            "HPK011 at $.causes[0].rules[1].criterion: A composite criterion needs at least one part.",
            "HPK012 at $.causes[0].groups[0].id: Id 'g x' is blank or contains white space or control characters.",
            "HPK016 at $.causes[0].recommendations[0].line: 99 is not a defined TreatmentLine; allowed: FirstLine, SecondLine, Avoid.",
            "HPK012 at $.redFlags[0].id: Id 'rf x' is blank or contains white space or control characters.",
        ];
        Assert.Equal(expected, Problems(builder));
    }

    [Fact]
    public void TryRead_DocumentWithoutCauses_ReportsAtDollarPaths()
    {
        var json = KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(new KnowledgeBaseBuilder("kb", " ")));

        Assert.False(KnowledgeBaseJson.TryRead(json, out _, out var problems));

        Assert.Equal(
            [
                "HPK012 at $.version: The text is missing or blank.",
                "HPK017 at $.causes: The knowledge base has no cause; add at least one.",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void TryRead_DocumentWithBadCauseAndItemsDropped_ReportsAtTheDocumentsIndices()
    {
        // An item the reader drops (a null recommendation, a member without its rule) leaves the later items at
        // their document index, not at their index in the builder's list.
        var kb = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c x", "Cause", c => c.Prior(0.2, Source).SuspectedUrgency(Urgency.Urgent).Treat("tx").Treat("unknown")
                .Group("g", "Group", g => g.Finding("a", 2, 0.5, Source).Member("nope")));
        var document = System.Text.Json.Nodes.JsonNode.Parse(KnowledgeBaseJson.Write(DraftConversion.ToKnowledgeBase(kb)))!;
        var cause = document["causes"]![0]!;
        cause["recommendations"]!.AsArray().Insert(0, null);
        cause["groups"]![0]!["members"]!.AsArray().Insert(0, new System.Text.Json.Nodes.JsonObject { ["joint"] = false });

        Assert.False(KnowledgeBaseJson.TryRead(document.ToJsonString(), out _, out var problems));

        Assert.Equal(
            [
                "HPJ005 at $.causes[0].groups[0].members[0].rule: A group member names its rule in \"rule\".",
                "HPJ005 at $.causes[0].recommendations[0]: The item is null; remove it or give a value.",
                "HPK012 at $.causes[0].id: Id 'c x' is blank or contains white space or control characters.",
                "HPK012 at $.causes[0].rules[0].id: Id 'c x/a' is blank or contains white space or control characters.",
                "HPK020 at $.causes[0].groups[0].members[2].rule: Group 'g' names unknown rule 'nope'.",
                "HPK008 at $.causes[0].recommendations[2]: Cause 'c x' recommends unknown treatment 'unknown'.",
                "HPK013 at $.causes[0].suspectedUrgency: Cause 'c x' is Urgent when suspected but no red flag names it, so it could never escalate; add a red flag with Suspect(\"c x\").",
            ],
            problems.Select(p => p.ToString()));
    }
}
