using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// How the care plan is built from the leading causes and the fired red flags: which list each treatment lands in,
/// its line, its causes and its notes, the order of the immediate actions and which running advice wins.
/// </summary>
public sealed class CarePlanTests
{
    private static readonly Evidence Source = new("Plan test source 2025", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    /// <summary>
    /// Three causes, most probable first when nothing is known: common (0.5), other (0.3), serious (0.01). Two gates
    /// name the serious cause: an Urgent one (authored first) and an Emergency one.
    /// </summary>
    private static KnowledgeBase PlanBase(
        RunningRestriction commonRunning = RunningRestriction.ReduceLoad,
        RunningRestriction urgentFlagRunning = RunningRestriction.StopRunning) => new KnowledgeBaseBuilder("plan", "1")
        .AddFinding("pain", "Pain", FindingKind.Symptom)
        .AddFinding("night", "Night pain", FindingKind.Symptom)
        .AddFinding("fever", "Fever", FindingKind.Symptom)
        .AddTreatment("rest", "Rest", TreatmentKind.SelfCare, Source)
        .AddTreatment("nsaid", "NSAID", TreatmentKind.Medication, Source)
        .AddTreatment("physio", "Physiotherapy", TreatmentKind.Physiotherapy, Source)
        .AddTreatment("inject", "Injection", TreatmentKind.Injection, Source)
        .AddTreatment("xray", "X-ray", TreatmentKind.Imaging, Source)
        .AddTreatment("load", "Load management", TreatmentKind.Prevention, Source)
        .AddCause("common", "Common", c => c.Prior(0.5, Source).Finding("pain", 4, 0.25, Source)
            .Treat("rest", TreatmentLine.FirstLine, "Relative rest for two weeks.")
            .Treat("nsaid", TreatmentLine.SecondLine)
            .Treat("physio", TreatmentLine.SecondLine)
            .Treat("load")
            .Running(commonRunning, "Common running advice."))
        .AddCause("other", "Other", c => c.Prior(0.3, Source)
            .Treat("physio", TreatmentLine.FirstLine)
            .Treat("rest", TreatmentLine.SecondLine)
            .Avoid("inject"))
        .AddCause("serious", "Serious", c => c.Prior(0.01, Source).SuspectedUrgency(Urgency.Emergency)
            .Treat("xray")
            .Treat("rest")
            .Treat("inject")
            .Avoid("nsaid", "Masks pain."))
        .AddRedFlag("rf-urgent", "Night pain flag", f => f.When(Criterion.Present("night")).Urgency(Urgency.Urgent)
            .Action("Image this week.").Running(urgentFlagRunning, "Urgent flag running advice.").Suspect("serious").Evidence(Source))
        .AddRedFlag("rf-emergency", "Fever flag", f => f.When(Criterion.Present("fever")).Urgency(Urgency.Emergency)
            .Action("Send to the emergency department.").Suspect("serious").Evidence(Source))
        .Build();

    private static CarePlan Plan(KnowledgeBase knowledgeBase, params Observation[] observations) =>
        new TriageEngine(knowledgeBase).Triage(PatientCase.Create(40, Sex.Female, observations)).Plan;

    [Fact]
    public void Plan_NoFlagFired_EachTreatmentInItsListWithItsLineCausesAndNotes()
    {
        var plan = Plan(PlanBase(), Observation.Absent("night"), Observation.Absent("fever"));

        Assert.Equal(Urgency.SelfCare, plan.Urgency);
        Assert.Empty(plan.ImmediateActions);
        Assert.Empty(plan.Deferred);
        Assert.Equal(["xray"], plan.Workup.Select(i => i.Treatment.Id));
        Assert.Equal(["load"], plan.Prevention.Select(i => i.Treatment.Id));
        Assert.Equal(["rest", "physio"], plan.Treatments.Select(i => i.Treatment.Id));

        var rest = plan.Treatments[0];
        Assert.Equal(TreatmentLine.FirstLine, rest.Line);
        Assert.Equal(["common", "other", "serious"], rest.CauseIds);
        Assert.Equal(["Common: Relative rest for two weeks."], rest.Notes);

        // Common gives physiotherapy as second line, other as first line: the strongest line wins.
        var physio = plan.Treatments[1];
        Assert.Equal(TreatmentLine.FirstLine, physio.Line);
        Assert.Equal(["common", "other"], physio.CauseIds);
        Assert.Empty(physio.Notes);
        Assert.Equal("Physiotherapy (FirstLine; for common, other)", physio.ToString());
    }

    [Fact]
    public void Plan_TreatmentAvoidedByOneCauseAndOfferedByAnother_AvoidedWithBothReasons()
    {
        var plan = Plan(PlanBase(), Observation.Absent("night"), Observation.Absent("fever"));

        Assert.Equal(["nsaid", "inject"], plan.Avoid.Select(i => i.Treatment.Id));
        var nsaid = plan.Avoid[0];
        Assert.Equal(TreatmentLine.Avoid, nsaid.Line);
        Assert.Equal(["serious", "common"], nsaid.CauseIds);
        Assert.Equal(["Avoid for Serious: Masks pain.", "Would otherwise be offered for Common"], nsaid.Notes);

        // An avoidance without a note says only which cause avoids it.
        var inject = plan.Avoid[1];
        Assert.Equal(["other", "serious"], inject.CauseIds);
        Assert.Equal(["Avoid for Other", "Would otherwise be offered for Serious"], inject.Notes);
    }

    [Fact]
    public void Plan_UrgentFlagFired_TreatmentsOfNoFlaggedCauseDeferredWithTheFlagsName()
    {
        var plan = Plan(PlanBase(), Observation.Present("night"), Observation.Absent("fever"));

        Assert.Equal(Urgency.Urgent, plan.Urgency);
        Assert.Equal(["Urgent: Image this week."], plan.ImmediateActions);

        // Rest is also offered for the flagged cause, so it stays; physiotherapy is only for unflagged causes.
        Assert.Equal(["rest"], plan.Treatments.Select(i => i.Treatment.Id));
        var deferred = Assert.Single(plan.Deferred);
        Assert.Equal("physio", deferred.Treatment.Id);
        Assert.Equal(TreatmentLine.FirstLine, deferred.Line);
        Assert.Equal(["common", "other"], deferred.CauseIds);
        Assert.Equal(["Deferred until the red flag is cleared: Night pain flag."], deferred.Notes);

        // Workup and prevention are never deferred.
        Assert.Equal(["xray"], plan.Workup.Select(i => i.Treatment.Id));
        Assert.Equal(["load"], plan.Prevention.Select(i => i.Treatment.Id));
    }

    [Fact]
    public void Plan_TwoFlagsFired_ActionsMostUrgentFirstAndEveryFlagNamedInTheDeferral()
    {
        var plan = Plan(PlanBase(), Observation.Present("night"), Observation.Present("fever"));

        Assert.Equal(Urgency.Emergency, plan.Urgency);
        Assert.Equal(["Emergency: Send to the emergency department.", "Urgent: Image this week."], plan.ImmediateActions);
        Assert.Equal(["Deferred until the red flag is cleared: Fever flag, Night pain flag."], Assert.Single(plan.Deferred).Notes);
    }

    [Fact]
    public void Plan_LeadingCauseCountOne_OnlyTheLeadingCauseAndFlaggedCausesPlanned()
    {
        var kb = PlanBase();
        var engine = new TriageEngine(kb, new TriageOptions { LeadingCauseCount = 1 });

        var quiet = engine.Triage(PatientCase.Create(40, Sex.Female, Observation.Absent("night"), Observation.Absent("fever"))).Plan;
        var flagged = engine.Triage(PatientCase.Create(40, Sex.Female, Observation.Present("night"), Observation.Absent("fever"))).Plan;

        // Only common is planned: nothing avoids its NSAID, and other's first line does not lift its physiotherapy.
        Assert.Equal(["rest", "nsaid", "physio"], quiet.Treatments.Select(i => i.Treatment.Id));
        Assert.Equal(TreatmentLine.SecondLine, quiet.Treatments[2].Line);
        Assert.Equal(["common"], quiet.Treatments[2].CauseIds);
        Assert.Empty(quiet.Workup);
        Assert.Empty(quiet.Avoid);
        Assert.Equal(["xray"], flagged.Workup.Select(i => i.Treatment.Id));
        Assert.Equal(["serious", "common"], flagged.Avoid.Single(i => i.Treatment.Id == "nsaid").CauseIds);
    }

    [Theory]
    [InlineData(RunningRestriction.ReduceLoad, RunningRestriction.StopRunning, "Urgent flag running advice.")]
    [InlineData(RunningRestriction.RelativeRest, RunningRestriction.ReduceLoad, "Common running advice.")]
    [InlineData(RunningRestriction.RelativeRest, RunningRestriction.RelativeRest, "Urgent flag running advice.")]
    public void Plan_FlagFired_StrictestAdviceWinsAndAFlagsAdviceWinsATie(RunningRestriction common, RunningRestriction flag, string expected)
    {
        var plan = Plan(PlanBase(common, flag), Observation.Present("night"), Observation.Absent("fever"));

        Assert.Equal(expected, plan.RunningAdvice.Text);
    }

    [Fact]
    public void Plan_NoFlagFired_LeadingCausesAdvice()
    {
        var plan = Plan(PlanBase(), Observation.Present("pain"), Observation.Absent("night"), Observation.Absent("fever"));

        Assert.Equal((RunningRestriction.ReduceLoad, "Common running advice."), (plan.RunningAdvice.Restriction, plan.RunningAdvice.Text));
    }

    [Fact]
    public void EvidenceFor_CauseTheItemIsNotFor_ThrowsNamingItemAndCause()
    {
        var physio = Plan(PlanBase()).Treatments.Single(i => i.Treatment.Id == "physio");

        var ex = Assert.Throws<ArgumentException>(() => physio.EvidenceFor("serious"));

        Assert.Equal("causeId", ex.ParamName);
        Assert.StartsWith("Plan item 'physio' is not for cause 'serious'.", ex.Message, StringComparison.Ordinal);
        Assert.Same(Source, physio.EvidenceFor("other"));
    }
}
