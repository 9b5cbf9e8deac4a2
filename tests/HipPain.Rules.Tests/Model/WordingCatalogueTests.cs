using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.Serialization.Documents;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>Issue 15 item 1: the wording catalogue is the one list of each item kind's text fields.</summary>
public sealed class WordingCatalogueTests
{
    private static readonly KnowledgeBase Base = FixtureBase.Create();

    [Fact]
    public void OverlayTextChange_CarriesEveryFieldTheFourOverlayKindsMayReword()
    {
        string[] overlayKinds = [TextKey.FindingsSection, TextKey.CausesSection, TextKey.TreatmentsSection, TextKey.RedFlagsSection];
        var rewordable = overlayKinds.SelectMany(section => Wording.Of(section)!.Rewordable).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(rewordable, TextChangeDocument.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(rewordable.Append("id").Order(StringComparer.Ordinal), JsonNames(typeof(TextChangeDocument)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(typeof(FindingDocument), TextKey.FindingsSection)]
    [InlineData(typeof(TreatmentDocument), TextKey.TreatmentsSection)]
    [InlineData(typeof(CauseDocument), TextKey.CausesSection)]
    [InlineData(typeof(RuleDocument), TextKey.RulesSection)]
    [InlineData(typeof(OverlayRuleDocument), TextKey.RulesSection)]
    [InlineData(typeof(GroupDocument), TextKey.GroupsSection)]
    [InlineData(typeof(OverlayGroupDocument), TextKey.GroupsSection)]
    [InlineData(typeof(RedFlagDocument), TextKey.RedFlagsSection)]
    public void WordedDocument_HasOneJsonPropertyPerRewordableFieldOfItsKind(Type document, string section)
    {
        var names = JsonNames(document);

        Assert.All(Wording.Of(section)!.Rewordable, field => Assert.Single(names, field));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    private static List<string> JsonNames(Type document) =>
        [.. RulesJson.Options.GetTypeInfo(document).Properties.Select(p => p.Name)];

    [Fact]
    public void TextPack_AllowsExactlyTheCataloguedFieldsOfEachKind()
    {
        foreach (var kind in Wording.Kinds)
        {
            Assert.All(kind.FieldNames, field => Assert.True(TextPack.IsAllowed(kind.Section, field), $"{kind.Section}/{field}"));
            Assert.False(TextPack.IsAllowed(kind.Section, "noSuchField"));
            Assert.Equal(string.Join(", ", kind.FieldNames.Order(StringComparer.Ordinal)), TextPack.AllowedFields(kind.Section));
        }
    }

    [Fact]
    public void DefaultTextPack_HoldsEveryCataloguedTextTheModelHas()
    {
        var builtIn = BuiltInKnowledgeBase.Instance;
        var finding = builtIn.Findings.First(f => f.PatientQuestion is not null);
        var cause = builtIn.Causes[0];
        var flag = builtIn.RedFlags[0];

        Assert.Equal(finding.PatientQuestion, builtIn.Text.Get(TextKey.FindingPatientQuestion(finding.Id)));
        Assert.Equal(cause.Name, builtIn.Text.Get(TextKey.CauseName(cause.Id)));
        Assert.Equal(cause.RunningAdvice.Text, builtIn.Text.Get(TextKey.CauseRunning(cause.Id)));
        Assert.Equal(flag.Action, builtIn.Text.Get(TextKey.RedFlagAction(flag.Id)));
        Assert.Null(builtIn.Text.Get(TextKey.CauseWhatItIs(cause.Id)));
    }

    [Fact]
    public void Reword_EachField_AppliesAsTheNamedTextMethodsDo()
    {
        var byKey = new KnowledgeBaseOverlayBuilder("clinic", "1")
            .Reword(TextKey.FindingName("exam.hop-pain"), "Hop test")
            .Reword(TextKey.FindingPatientQuestion("exam.hop-pain"), "Does hopping hurt?")
            .Reword(TextKey.CauseDescription("gtps"), "Outer hip pain")
            .Reword(TextKey.TreatmentName("tx.mri"), "Hip MRI")
            .Reword(TextKey.RedFlagAction("rf.fnsf"), "Stop running")
            .Build();
        var byMethod = new KnowledgeBaseOverlayBuilder("clinic", "1")
            .FindingText("exam.hop-pain", name: "Hop test", patientQuestion: "Does hopping hurt?")
            .CauseText("gtps", description: "Outer hip pain")
            .TreatmentText("tx.mri", name: "Hip MRI")
            .RedFlagText("rf.fnsf", action: "Stop running")
            .Build();

        Assert.Equal(OverlayJson.Write(byMethod), OverlayJson.Write(byKey));
        var result = byKey.ApplyTo(Base);
        Assert.True(result.TryGetFinding("exam.hop-pain", out var hop));
        Assert.Equal(("Hop test", "Does hopping hurt?"), (hop.Name, hop.PatientQuestion));
    }

    [Fact]
    public void Reword_SameFieldTwice_ConflictWhenApplied()
    {
        var overlay = new KnowledgeBaseOverlayBuilder("clinic", "1")
            .Reword(TextKey.CauseName("gtps"), "One")
            .Reword(TextKey.CauseName("gtps"), "Two")
            .Build();

        Assert.False(overlay.TryApplyTo(Base, out _, out var problems));
        Assert.Equal("HPK052 at $.causeText[1].id: The text of cause 'gtps' is changed more than once.", Assert.Single(problems).ToString());
    }

    [Fact]
    public void Reword_FieldOrSectionAnOverlayCannotReword_ArgumentException()
    {
        var builder = new KnowledgeBaseOverlayBuilder("clinic", "1");

        Assert.Equal(
            $"An overlay cannot reword field 'running' of a cause; allowed: {string.Join(", ", Cause.Wording.Rewordable)}. (Parameter 'key')",
            Assert.Throws<ArgumentException>(() => builder.Reword(TextKey.CauseRunning("gtps"), "Rest")).Message);
        Assert.Equal(
            "An overlay rewords findings, causes, treatments and red flags, not section 'rules'. (Parameter 'key')",
            Assert.Throws<ArgumentException>(() => builder.Reword(TextKey.RuleDescription("gtps/night"), "Night")).Message);
    }
}
