using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// A cause or red flag built without running advice gets the default for its urgency: stop running from Urgent up,
/// reduce the load below it.
/// </summary>
public sealed class DefaultRunningAdviceTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    [Fact]
    public void Build_NoRunningAdvice_DefaultFollowsTheUrgency()
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source);
        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            builder.AddCause($"c-{urgency}", "Cause", c => c.Prior(0.2, Source).Treat("tx").SuspectedUrgency(urgency))
                .AddRedFlag($"rf-{urgency}", "Flag", f => f.When(Criterion.Present("a")).Urgency(urgency).Action("Act").Suspect($"c-{urgency}").Evidence(Source));
        }

        var kb = builder.Build();

        string[] expected =
        [
            "SelfCare: ReduceLoad, Reduce running to a level that does not provoke pain until reviewed.",
            "Routine: ReduceLoad, Reduce running to a level that does not provoke pain until reviewed.",
            "Urgent: StopRunning, Stop running until a clinician has excluded a serious cause.",
            "Emergency: StopRunning, Stop running until a clinician has excluded a serious cause.",
        ];
        Assert.Equal(expected, kb.Causes.Select(c => $"{c.SuspectedUrgency}: {c.RunningAdvice.Restriction}, {c.RunningAdvice.Text}"));
        Assert.Equal(expected, kb.RedFlags.Select(f => $"{f.Urgency}: {f.RunningAdvice.Restriction}, {f.RunningAdvice.Text}"));
    }
}
