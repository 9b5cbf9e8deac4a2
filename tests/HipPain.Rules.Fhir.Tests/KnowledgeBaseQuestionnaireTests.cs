using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Fhir.Tests;

public sealed class KnowledgeBaseQuestionnaireTests(FhirValidation validation)
{
    private static readonly KnowledgeBase Base = BuiltInKnowledgeBase.Instance;

    private static IEnumerable<Questionnaire.ItemComponent> Questions(Questionnaire q) =>
        q.Item.SelectMany(g => g.Item);

    [Fact]
    public void Create_BuiltInBase_OneItemPerFindingLinkedByCode()
    {
        var questionnaire = KnowledgeBaseQuestionnaire.Create(Base);

        var linkIds = Questions(questionnaire).Select(i => i.LinkId).ToList();
        Assert.Equal(Base.Findings.Select(f => f.Id).Order(StringComparer.Ordinal), linkIds.Order(StringComparer.Ordinal));
        Assert.All(Questions(questionnaire), item =>
        {
            Assert.Equal(Questionnaire.QuestionnaireItemType.Choice, item.Type);
            Assert.Equal(item.LinkId, Assert.Single(item.Code).Code);
            Assert.Equal(FhirOptions.Default.FindingSystem(Base.Id), item.Code[0].System);
            Assert.Equal(["Y", "N", "asked-unknown"], item.AnswerOption.Select(o => ((Coding)o.Value).Code));
        });
    }

    [Fact]
    public void Create_BuiltInBase_RedFlagQuestionsFirstThenByKind()
    {
        var questionnaire = KnowledgeBaseQuestionnaire.Create(Base);
        var redFlagFindings = Base.RedFlags.SelectMany(f => f.Criterion.FindingIds().Concat(f.ScreeningFindingIds)).ToHashSet(StringComparer.Ordinal);

        var first = questionnaire.Item[0];
        Assert.Equal(KnowledgeBaseQuestionnaire.RedFlagGroupLinkId, first.LinkId);
        Assert.Equal(redFlagFindings.Order(StringComparer.Ordinal), first.Item.Select(i => i.LinkId).Order(StringComparer.Ordinal));
        var kinds = questionnaire.Item.Skip(1).Select(g => g.Item.Select(i => { Base.TryGetFinding(i.LinkId!, out var f); return f!.Kind; }).Distinct().Single()).ToList();
        Assert.Equal(kinds.Order(), kinds);
        Assert.Equal("group.pain-location", questionnaire.Item[1].LinkId);
    }

    [Fact]
    public void Create_BuiltInBase_PatientWordingAsTextClinicianWordingInExtension()
    {
        var questionnaire = KnowledgeBaseQuestionnaire.Create(Base);
        var withBoth = Base.Findings.First(f => f.PatientQuestion is not null && f.Question is not null && f.Question != f.PatientQuestion);
        var examOnly = Base.Findings.First(f => f.PatientQuestion is null && f.Question is not null);

        var item = Questions(questionnaire).Single(i => i.LinkId == withBoth.Id);
        Assert.Equal(withBoth.PatientQuestion, item.Text);
        Assert.Equal(withBoth.Question, item.GetStringExtension(FhirOptions.Default.ExtensionUrl("clinician-question")));
        Assert.Equal(examOnly.Question, Questions(questionnaire).Single(i => i.LinkId == examOnly.Id).Text);
    }

    [Fact]
    public void Create_BuiltInBase_UrlAndVersionCarryIdVersionAndHash()
    {
        var questionnaire = KnowledgeBaseQuestionnaire.Create(Base, options: new FhirOptions { CanonicalBase = "https://fhir.clinic.test" });

        Assert.Equal("https://fhir.clinic.test/Questionnaire/hippain.builtin", questionnaire.Url);
        Assert.Equal($"hippain.builtin:{Base.Version}:{Base.ContentHash}", questionnaire.Version);
        Assert.Equal("en", questionnaire.Language);
    }

    [Fact]
    public void Create_SpanishPack_SpanishWordingSameVersion()
    {
        var english = KnowledgeBaseQuestionnaire.Create(Base);
        var spanish = KnowledgeBaseQuestionnaire.Create(Base, BuiltInTextPacks.Spanish);
        var finding = Base.Findings.First(f => f.PatientQuestion is not null);

        Assert.Equal("es", spanish.Language);
        Assert.Equal(english.Version, spanish.Version);
        Assert.Equal(BuiltInTextPacks.Spanish.Get(TextKey.FindingPatientQuestion(finding.Id)), Questions(spanish).Single(i => i.LinkId == finding.Id).Text);
        Assert.NotEqual(Questions(english).Single(i => i.LinkId == finding.Id).Text, Questions(spanish).Single(i => i.LinkId == finding.Id).Text);
    }

    [Fact]
    public void Create_SpanishPack_GroupTitlesAndDescriptionInSpanish()
    {
        var english = KnowledgeBaseQuestionnaire.Create(Base);
        var spanish = KnowledgeBaseQuestionnaire.Create(Base, BuiltInTextPacks.Spanish);

        Assert.Equal(english.Item.Select(g => g.LinkId), spanish.Item.Select(g => g.LinkId));
        Assert.Equal("Preguntas de alarma: hágalas primero", spanish.Item[0].Text);
        Assert.Equal("Red-flag questions: ask these first", english.Item[0].Text);
        Assert.All(spanish.Item.Zip(english.Item), pair => Assert.NotEqual(pair.Second.Text, pair.First.Text));
        Assert.StartsWith("Los hallazgos de la base de conocimiento hippain.builtin", spanish.Description, StringComparison.Ordinal);
        Assert.Contains("no un diagnóstico", spanish.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Scoring.TriageResult.Disclaimer, spanish.Description, StringComparison.Ordinal);
        Assert.Contains(Scoring.TriageResult.Disclaimer, english.Description, StringComparison.Ordinal);
        Assert.Empty(validation.Errors(spanish));
    }

    [Fact]
    public void Create_OverlayAndJsonPack_FollowTheirBase()
    {
        var overlay = OverlayJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "packs", "endurance-clinic.overlay.json")));
        var derived = overlay.ApplyTo(Base);
        var fromJson = KnowledgeBaseJson.Read(KnowledgeBaseJson.Write(derived));

        var q1 = KnowledgeBaseQuestionnaire.Create(derived);
        var q2 = KnowledgeBaseQuestionnaire.Create(fromJson);

        Assert.Equal(KnowledgeBaseQuestionnaire.VersionOf(derived), q1.Version);
        Assert.Contains(derived.ContentHash, q1.Version, StringComparison.Ordinal);
        Assert.Equal(derived.Findings.Length, Questions(q1).Count());
        Assert.Equal(q1.ToJson(), q2.ToJson());
    }

    [Fact]
    public void Create_TextPackOfAnotherBase_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => KnowledgeBaseQuestionnaire.Create(SmallBase(), BuiltInTextPacks.Spanish));
        Assert.StartsWith("The es text pack was written for knowledge base 'hippain.builtin', not 'small'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OneSexFinding_HiddenFromTheOtherGenderBySdcExpression()
    {
        var questions = Questions(KnowledgeBaseQuestionnaire.Create(Base)).ToList();

        var pregnancy = questions.Single(i => i.LinkId == "rf.pregnancy-postpartum");
        var expression = Assert.IsType<Expression>(pregnancy.GetExtensionValue<Expression>(KnowledgeBaseQuestionnaire.EnableWhenExpressionExtension));
        Assert.Equal("text/fhirpath", expression.Language);
        Assert.Equal("%patient.gender.exists().not() or %patient.gender != 'male'", expression.Expression_);
        Assert.Equal(["rf.pregnancy-postpartum"], questions.Where(i => i.GetExtension(KnowledgeBaseQuestionnaire.EnableWhenExpressionExtension) is not null).Select(i => i.LinkId));
    }

    [Fact]
    public void Create_BuiltInEnglishAndSpanish_ValidWithNoErrors()
    {
        Assert.Empty(validation.Errors(KnowledgeBaseQuestionnaire.Create(Base)));
        Assert.Empty(validation.Errors(KnowledgeBaseQuestionnaire.Create(Base, BuiltInTextPacks.Spanish)));
    }

    internal static KnowledgeBase SmallBase() => FixtureBase.Create("small");
}
