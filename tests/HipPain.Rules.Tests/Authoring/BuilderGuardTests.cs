using HipPain.Rules.Authoring;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Authoring;

/// <summary>
/// Every builder method refuses a null argument by name and refuses any change once its knowledge base is built:
/// a built base is immutable, so a change after <c>Build</c> would be silently lost.
/// </summary>
public sealed class BuilderGuardTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    public sealed record Builders(KnowledgeBaseBuilder Base, CauseBuilder Cause, RedFlagBuilder Flag, EvidenceGroupBuilder Group);

    /// <summary>A small valid base, with the builders its configuration callbacks were given, before or after Build.</summary>
    private static Builders Make(bool build)
    {
        CauseBuilder? cause = null;
        RedFlagBuilder? flag = null;
        EvidenceGroupBuilder? group = null;
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "A", FindingKind.Symptom)
            .AddFinding("b", "B", FindingKind.Symptom)
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c =>
            {
                cause = c;
                c.Prior(0.2, Source).Treat("tx").Group("g", "Group", g =>
                {
                    group = g;
                    g.Finding("a", 2, 0.5, Source);
                });
            })
            .AddRedFlag("rf", "Flag", f =>
            {
                flag = f;
                f.When(Criterion.Present("b")).Urgency(Urgency.Urgent).Action("Act").Suspect("c").Evidence(Source);
            });
        if (build)
        {
            builder.Build();
        }

        return new Builders(builder, cause!, flag!, group!);
    }

    public static TheoryData<string, Action<Builders>> Changes() => new()
    {
        { "SetIdentity", b => b.Base.SetIdentity("kb2", "2") },
        { "SetTextCulture", b => b.Base.SetTextCulture("es") },
        { "AddFinding", b => b.Base.AddFinding("z", "Z", FindingKind.Symptom) },
        { "AddTreatment", b => b.Base.AddTreatment("tz", "T", TreatmentKind.SelfCare, Source) },
        { "AddCause", b => b.Base.AddCause("cz", "C", _ => { }) },
        { "AddRedFlag", b => b.Base.AddRedFlag("rz", "R", _ => { }) },
        { "TryBuild", b => b.Base.TryBuild(out _, out _) },
        { "Cause.Describe", b => b.Cause.Describe("text") },
        { "Cause.Codes", b => b.Cause.Codes("M70.6", "1234") },
        { "Cause.Prior", b => b.Cause.Prior(0.3, Source) },
        { "Cause.SuspectedUrgency", b => b.Cause.SuspectedUrgency(Urgency.Routine) },
        { "Cause.Finding", b => b.Cause.Finding("b", 2, 0.5, Source) },
        { "Cause.Composite", b => b.Cause.Composite("c/x", Criterion.Present("b"), 2, 0.5, Source) },
        { "Cause.Graded", b => b.Cause.Graded("c/y", [Criterion.Present("b")], [1, 2], Source) },
        { "Cause.Group", b => b.Cause.Group("g2", "Group", _ => { }) },
        { "Cause.Age", b => b.Cause.Age(40, null, 2, 0.5, Source) },
        { "Cause.Sex", b => b.Cause.Sex(Sex.Female, 2, 0.5, Source) },
        { "Cause.Treat", b => b.Cause.Treat("tx", TreatmentLine.SecondLine) },
        { "Cause.Avoid", b => b.Cause.Avoid("tx") },
        { "Cause.Running", b => b.Cause.Running(RunningRestriction.StopRunning, "Stop.") },
        { "Group.Finding", b => b.Group.Finding("b", 2, 0.5, Source) },
        { "Group.Composite", b => b.Group.Composite("c/gx", Criterion.Present("b"), 2, 0.5, Source) },
        { "Group.Graded", b => b.Group.Graded("c/gy", [Criterion.Present("b")], [1, 2], Source) },
        { "Group.Age", b => b.Group.Age(40, null, 2, 0.5, Source) },
        { "Group.Sex", b => b.Group.Sex(Sex.Male, 2, 0.5, Source) },
        { "Group.Member", b => b.Group.Member("c/a") },
        { "Flag.When", b => b.Flag.When(Criterion.Present("a")) },
        { "Flag.Urgency", b => b.Flag.Urgency(Urgency.Emergency) },
        { "Flag.Action", b => b.Flag.Action("Other") },
        { "Flag.Running", b => b.Flag.Running(RunningRestriction.StopRunning, "Stop.") },
        { "Flag.Suspects", b => b.Flag.Suspect("c") },
        { "Flag.Evidence", b => b.Flag.Evidence(Source) },
        { "Flag.AskWhen", b => b.Flag.AskWhen(Criterion.Present("a")) },
        { "Flag.Screen", b => b.Flag.Screen("b") },
        { "FromDocument", b => b.Base.FromDocument([]) },
        { "Add(FindingDraft)", b => b.Base.Add(new FindingDraft("z", "Z", null, null) { Kind = FindingKind.Symptom }) },
        { "Add(TreatmentDraft)", b => b.Base.Add(new TreatmentDraft("tz", "T", Source, null) { Kind = TreatmentKind.SelfCare }) },
        { "Add(CauseDraft)", b => b.Base.Add(new CauseDraft("cz", "C")) },
        { "Add(RedFlagDraft)", b => b.Base.Add(new RedFlagDraft("rz", "R")) },
        { "ReplaceRatio", b => b.Base.ReplaceRatio("c/a", 3, 0.4) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Change_AfterBuild_ThrowsAndTheBaseIsUnchanged(string change, Action<Builders> apply)
    {
        var builders = Make(build: true);

        var ex = Record.Exception(() => apply(builders));

        Assert.True(ex is InvalidOperationException, $"{change} after Build: {ex?.GetType().Name ?? "no exception"}");
        Assert.Equal("The builder of knowledge base 'kb' has already built it and refuses changes; start a new builder (or call knowledgeBase.ToBuilder()).", ex!.Message);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Change_BeforeBuild_Accepted(string change, Action<Builders> apply)
    {
        var builders = Make(build: false);

        var ex = Record.Exception(() => apply(builders));

        Assert.True(ex is null, $"{change} before Build threw {ex}");
    }

    public static TheoryData<string, Action<Builders>> NullArguments() => new()
    {
        { "id", b => b.Base.AddFinding(null!, "Z", FindingKind.Symptom) },
        { "id", b => b.Base.AddTreatment(null!, "T", TreatmentKind.SelfCare, Source) },
        { "evidence", b => b.Base.AddTreatment("tz", "T", TreatmentKind.SelfCare, null!) },
        { "configure", b => b.Base.AddCause("cz", "C", null!) },
        { "configure", b => b.Base.AddRedFlag("rz", "R", null!) },
        { "version", b => b.Base.SetIdentity("kb", null!) },
        { "id", b => b.Base.SetIdentity(null!, "2") },
        { "version", _ => Assert.NotNull(new KnowledgeBaseBuilder("kb", null!)) },
        { "id", _ => Assert.NotNull(new KnowledgeBaseBuilder(null!, "1")) },
        { "name", b => b.Base.AddCause("cz", null!, _ => { }) },
        { "knowledgeBase", _ => Assert.NotNull(((KnowledgeBase)null!).ToBuilder()) },
        { "name", b => b.Base.AddTreatment("tz", null!, TreatmentKind.SelfCare, Source) },
        { "id", b => b.Base.AddCause(null!, "C", _ => { }) },
        { "culture", b => b.Base.SetTextCulture(null!) },
        { "name", b => b.Base.AddFinding("z", null!, FindingKind.Symptom) },
        { "evidence", b => b.Cause.Prior(0.3, null!) },
        { "ruleId", b => b.Cause.Composite(null!, Criterion.Present("b"), 2, 0.5, Source) },
        { "criterion", b => b.Cause.Composite("c/x", null!, 2, 0.5, Source) },
        { "evidence", b => b.Cause.Composite("c/x", Criterion.Present("b"), 2, 0.5, null!) },
        { "ruleId", b => b.Cause.Graded(null!, [Criterion.Present("b")], [1, 2], Source) },
        { "parts", b => b.Cause.Graded("c/y", null!, [1, 2], Source) },
        { "parts", b => b.Cause.Graded("c/y", [null!], [1, 2], Source) },
        { "ratiosByCount", b => b.Cause.Graded("c/y", [Criterion.Present("b")], null!, Source) },
        { "evidence", b => b.Cause.Graded("c/y", [Criterion.Present("b")], [1, 2], null!) },
        { "groupId", b => b.Cause.Group(null!, "Group", _ => { }) },
        { "name", b => b.Cause.Group("g2", null!, _ => { }) },
        { "configure", b => b.Cause.Group("g2", "Group", null!) },
        { "evidence", b => b.Cause.Age(40, null, 2, 0.5, null!) },
        { "evidence", b => b.Cause.Sex(Sex.Female, 2, 0.5, null!) },
        { "treatmentId", b => b.Cause.Treat(null!) },
        { "findingId", b => b.Group.Finding(null!, 2, 0.5, Source) },
        { "ruleId", b => b.Group.Composite(null!, Criterion.Present("b"), 2, 0.5, Source) },
        { "ruleId", b => b.Group.Graded(null!, [Criterion.Present("b")], [1, 2], Source) },
        { "ruleId", b => b.Group.Member(null!) },
        { "criterion", b => b.Flag.When(null!) },
        { "action", b => b.Flag.Action(null!) },
        { "causeIds", b => b.Flag.Suspect(null!) },
        { "causeIds", b => b.Flag.Suspect("c", null!) },
        { "evidence", b => b.Flag.Evidence(null!) },
        { "context", b => b.Flag.AskWhen(null!) },
        { "findingIds", b => b.Flag.Screen(null!) },
        { "findingIds", b => b.Flag.Screen("b", null!) },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void Method_NullArgument_ThrowsNamingIt(string parameter, Action<Builders> apply)
    {
        var builders = Make(build: false);
        var before = builders.Base.Causes.Sum(c => c.Rules.Count + c.Groups.Count + c.Recommendations.Count) + builders.Base.Findings.Count;

        var ex = Assert.Throws<ArgumentNullException>(() => apply(builders));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Equal(before, builders.Base.Causes.Sum(c => c.Rules.Count + c.Groups.Count + c.Recommendations.Count) + builders.Base.Findings.Count);
    }

    [Fact]
    public void CauseAndGroup_AgeAndSex_EachAddsItsRuleAndTheGroupItsMember()
    {
        var kb = new KnowledgeBaseBuilder("kb", "1")
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause", c => c.Prior(0.2, Source).Treat("tx")
                .Age(40, null, 2, 0.5, Source)
                .Sex(Sex.Female, 1.5, 0.8, Source)
                .Group("g", "Group", g => g.Age(null, 20, 0.5, 1, Source).Sex(Sex.Male, 0.9, 1, Source)))
            .Build();

        Assert.Equal(["c/age:40-", "c/sex:female", "c/age:-20", "c/sex:male"], kb.Rules.Select(r => r.Id));
        Assert.Equal(["c/age:-20", "c/sex:male"], Assert.Single(kb.Groups).Members.Select(m => m.RuleId));
    }
}
