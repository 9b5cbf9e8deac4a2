using Hl7.Fhir.Model;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using FhirObservation = Hl7.Fhir.Model.Observation;

namespace HipPain.Rules.Fhir.Tests;

public sealed class FhirCaseReaderTests(FhirValidation validation)
{
    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);
    private static readonly Questionnaire Form = KnowledgeBaseQuestionnaire.Create(BuiltInKnowledgeBase.Instance);
    private static readonly FhirCaseReader Reader = new(Engine, FhirTestData.ClinicMapping());

    [Fact]
    public void Read_ResponseAndPatient_GivesTheCase()
    {
        var expected = new PatientCase(34, Sex.Female, [Model.Observation.Present("loc.lateral-hip"), Model.Observation.Absent("sym.fever"), Model.Observation.Unknown("tim.night-pain")]);

        var read = Reader.Read(FhirTestData.PatientFor(expected), FhirTestData.ResponseFor(Form, expected), asOf: FhirTestData.AsOf);

        Assert.Empty(read.Issues);
        Assert.False(read.HasErrors);
        Assert.Equal(34, read.Case.Age);
        Assert.Equal(Sex.Female, read.Case.Sex);
        Assert.Equal(expected.Observations.OrderBy(o => o.FindingId, StringComparer.Ordinal), read.Case.Observations.OrderBy(o => o.FindingId, StringComparer.Ordinal));
        Assert.Equal(["Patient/p1", "QuestionnaireResponse/qr1"], read.Basis);
        Assert.Equal("Patient/p1", read.PatientReference);
    }

    [Fact]
    public void Read_NoAsOf_AgeAtTheAuthoredDate()
    {
        var patient = new Patient { Id = "p1", BirthDate = "1990-11-30", Gender = AdministrativeGender.Male };
        var response = new QuestionnaireResponse { Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed, Questionnaire = $"{Form.Url}|{Form.Version}", Authored = "2026-11-29" };

        var read = Reader.Read(patient, response);

        Assert.Equal(35, read.Case.Age);
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void Read_NoReferenceDate_NoAgeAndAWarning()
    {
        var read = Reader.Read(new Patient { BirthDate = "1990-01-01", Gender = AdministrativeGender.Male });

        Assert.Null(read.Case.Age);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(FhirIssueCodes.NoReferenceDate, issue.Code);
        Assert.Equal(OperationOutcome.IssueSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Read_PartialBirthDate_YoungestAgeWithWarning()
    {
        var read = Reader.Read(new Patient { BirthDate = "1990", Gender = AdministrativeGender.Female }, asOf: new DateOnly(2026, 6, 1));

        Assert.Equal(35, read.Case.Age);
        var issue = Assert.Single(read.Issues);
        Assert.Equal("HPF009 Warning at Patient.birthDate: The birth date '1990' is partial: the age is taken as 35, the youngest it can be on 2026-06-01.", issue.ToString());
    }

    [Fact]
    public void Read_BirthDateAfterReferenceDate_Error()
    {
        var read = Reader.Read(new Patient { BirthDate = "2027-01-01", Gender = AdministrativeGender.Female }, asOf: FhirTestData.AsOf);

        Assert.True(read.HasErrors);
        Assert.Equal("HPF009 Error at Patient.birthDate: The birth date '2027-01-01' is after the reference date 2026-11-29.", Assert.Single(read.Issues).ToString());
    }

    [Fact]
    public void Read_GenderOther_UnspecifiedWithInformation()
    {
        var read = Reader.Read(new Patient { BirthDate = "1990-01-01", Gender = AdministrativeGender.Other }, asOf: FhirTestData.AsOf);

        Assert.Equal(Sex.Unspecified, read.Case.Sex);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(FhirIssueCodes.Gender, issue.Code);
        Assert.Equal(OperationOutcome.IssueSeverity.Information, issue.Severity);
        Assert.Equal("Patient.gender", issue.Expression);
    }

    [Fact]
    public void Read_UnknownLinkId_WarningWithItsPath()
    {
        var response = FhirTestData.ResponseFor(Form, PatientCase.Create(30, Sex.Male, Model.Observation.Present("loc.groin")));
        response.Item[0].Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "clinic.shoe-size", Answer = [new() { Value = new Integer(43) }] });

        var read = Reader.Read(null, response);

        var issue = Assert.Single(read.Issues);
        Assert.Equal(FhirIssueCodes.UnknownLinkId, issue.Code);
        Assert.Equal("QuestionnaireResponse.item[0].item[1]", issue.Expression);
        Assert.Equal("linkId 'clinic.shoe-size' is no finding of knowledge base 'hippain.builtin' and no group of its Questionnaire: its answer is not used.", issue.Message);
        Assert.Equal([Model.Observation.Present("loc.groin")], read.Case.Observations);
    }

    [Fact]
    public void Read_AnswerNotUnderstood_ErrorNamingTheAnswer()
    {
        var response = FhirTestData.ResponseFor(Form, PatientCase.Create(30, Sex.Male, Model.Observation.Present("loc.groin")));
        response.Item[0].Item[0].Answer[0].Value = new Coding("http://snomed.info/sct", "373066001");

        var read = Reader.Read(null, response);

        Assert.True(read.HasErrors);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(FhirIssueCodes.AnswerNotUnderstood, issue.Code);
        Assert.Equal("QuestionnaireResponse.item[0].item[0].answer[0].value", issue.Expression);
        Assert.StartsWith("The answer to 'loc.groin' (coding http://snomed.info/sct|373066001) is not yes", issue.Message, StringComparison.Ordinal);
        Assert.Empty(read.Case.Observations);
    }

    [Fact]
    public void Read_MaleAnsweringYesToAFemaleOnlyQuestion_ErrorAtPatientGender()
    {
        var response = FhirTestData.ResponseFor(Form, PatientCase.Create(30, Sex.Male, Model.Observation.Present("rf.pregnancy-postpartum")));

        var read = Reader.Read(new Patient { BirthDate = "1990-01-01", Gender = AdministrativeGender.Male }, response, asOf: FhirTestData.AsOf);

        Assert.True(read.HasErrors);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(FhirIssueCodes.InvalidCase, issue.Code);
        Assert.Equal("Patient.gender", issue.Expression);
        Assert.StartsWith("HPC008 at $.observations[0].state: Finding 'rf.pregnancy-postpartum' can be present only in a female patient", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoAnswers_Error()
    {
        var response = FhirTestData.ResponseFor(Form, PatientCase.Create(30, Sex.Male, Model.Observation.Present("loc.groin")));
        response.Item[0].Item[0].Answer.Add(new() { Value = FhirTestData.Answer(FindingState.Absent) });

        var issue = Assert.Single(Reader.Read(null, response).Issues);

        Assert.Equal("HPF003 Error at QuestionnaireResponse.item[0].item[0].answer: Question 'loc.groin' has 2 answers; it takes one (yes, no or don't know).", issue.ToString());
    }

    [Fact]
    public void Read_OlderQuestionnaireVersion_WarningAnswersStillRead()
    {
        var response = FhirTestData.ResponseFor(Form, PatientCase.Create(30, Sex.Male, Model.Observation.Present("loc.groin")));
        response.Questionnaire = $"{Form.Url}|hippain.builtin:0.2.0:sha256:00";

        var read = Reader.Read(null, response);

        var issue = Assert.Single(read.Issues);
        Assert.Equal(FhirIssueCodes.OtherQuestionnaire, issue.Code);
        Assert.Contains("answers version 'hippain.builtin:0.2.0:sha256:00'", issue.Message, StringComparison.Ordinal);
        Assert.Single(read.Case.Observations);
    }

    [Fact]
    public void Read_MappedObservations_EachKindOfValue()
    {
        FhirObservation[] observations =
        [
            FhirTestData.Temperature("t1", 38.4m),
            new() { Id = "h1", Status = ObservationStatus.Final, Code = new CodeableConcept("https://clinic.test/codes", "hop-test-pain"), Value = new FhirBoolean(false) },
            new() { Id = "g1", Status = ObservationStatus.Final, Code = new CodeableConcept("https://clinic.test/codes", "gait"), Value = new CodeableConcept("https://clinic.test/codes", "antalgic") },
        ];

        var read = Reader.Read(null, null, observations);

        Assert.Empty(read.Issues);
        Assert.Equal([Model.Observation.Present("sym.fever"), Model.Observation.Absent("exam.hop-test"), Model.Observation.Absent("exam.cannot-bear-weight")], read.Case.Observations);
        Assert.Equal(["Observation/t1", "Observation/h1", "Observation/g1"], read.Basis);
    }

    [Fact]
    public void Read_TemperatureBelowThreshold_FeverAbsent()
    {
        var read = Reader.Read(null, null, [FhirTestData.Temperature("t1", 37.2m)]);

        Assert.Equal([Model.Observation.Absent("sym.fever")], read.Case.Observations);
    }

    [Fact]
    public void Read_UnmappedCodeAndValue_WarningsWithPaths()
    {
        FhirObservation[] observations =
        [
            FhirTestData.Coded("bp", "http://loinc.org", "85354-9"),
            new() { Id = "t2", Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "8310-5"), Value = new Quantity(101.2m, "[degF]") },
        ];

        var read = Reader.Read(null, null, observations);

        Assert.Equal(
        [
            "HPF005 Warning at Observation.where(id='bp').code: No row of the mapping table has the code of Observation/bp (http://loinc.org|85354-9): it is not used.",
            "HPF006 Warning at Observation.where(id='t2').value: The mapping table has the code of Observation/t2 but no row matches its value (quantity 101.2 [degF]): it is not used.",
        ], read.Issues.Select(i => i.ToString()));
        Assert.Empty(read.Case.Observations);
        Assert.Empty(read.Basis);
    }

    [Fact]
    public void Read_EnteredInErrorObservation_NotUsedWithWarning()
    {
        var observation = FhirTestData.Coded("f1", "http://snomed.info/sct", "386661006");
        observation.Status = ObservationStatus.EnteredInError;

        var read = Reader.Read(null, null, [observation]);

        Assert.Equal("HPF007 Warning at Observation.where(id='f1').status: The status of Observation/f1 is 'enteredinerror': it is not used.", Assert.Single(read.Issues).ToString());
        Assert.Empty(read.Case.Observations);
    }

    [Fact]
    public void Read_ResponseAndObservationDisagree_ContradictionError()
    {
        var response = FhirTestData.ResponseFor(Form, PatientCase.Create(30, Sex.Male, Model.Observation.Absent("sym.fever")));

        var read = Reader.Read(null, response, [FhirTestData.Temperature("t1", 39m)]);

        Assert.True(read.HasErrors);
        Assert.Equal("HPF008 Error at Observation.where(id='t1').value: Finding 'sym.fever' is present in Observation/t1 but absent in QuestionnaireResponse/qr1.", Assert.Single(read.Issues).ToString());
    }

    [Fact]
    public void Read_UnknownAnswerThenObservation_ObservationDecides()
    {
        var response = FhirTestData.ResponseFor(Form, PatientCase.Create(30, Sex.Male, Model.Observation.Unknown("sym.fever")));

        var read = Reader.Read(null, response, [FhirTestData.Temperature("t1", 39m)]);

        Assert.Empty(read.Issues);
        Assert.Equal([Model.Observation.Present("sym.fever")], read.Case.Observations);
    }

    [Fact]
    public void Constructor_MappingNamesUnknownFindings_ThrowsListingEvery()
    {
        var mapping = new ObservationMapping(
        [
            ObservationMappingEntry.WhenCoded("http://snomed.info/sct", "1", "sym.no-such"),
            ObservationMappingEntry.WhenCoded("http://snomed.info/sct", "386661006", "sym.fever"),
            ObservationMappingEntry.WhenCoded("http://snomed.info/sct", "2", "exam.no-such"),
        ]);

        var error = Assert.Throws<ArgumentException>(() => new FhirCaseReader(Engine, mapping));

        Assert.StartsWith(
            "The Observation mapping does not fit knowledge base 'hippain.builtin' (2 problem(s)):\n" +
            "entries[0] (http://snomed.info/sct|1) names finding 'sym.no-such', which knowledge base 'hippain.builtin' does not have.\n" +
            "entries[2] (http://snomed.info/sct|2) names finding 'exam.no-such', which knowledge base 'hippain.builtin' does not have.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ToOperationOutcome_IssuesAndNone_ValidWithNoErrors()
    {
        var withIssues = Reader.Read(new Patient { BirthDate = "1990", Gender = AdministrativeGender.Other }, null, [FhirTestData.Coded("bp", "http://loinc.org", "85354-9")], FhirTestData.AsOf);
        var clean = Reader.Read(null);

        var outcome = withIssues.ToOperationOutcome();
        Assert.Equal(3, outcome.Issue.Count);
        Assert.Equal("HPF005", outcome.Issue[2].Details!.Coding[0].Code);
        Assert.Equal("Observation.where(id='bp').code", outcome.Issue[2].Expression.Single());
        Assert.Equal(FhirIssueCodes.AllMapped, Assert.Single(clean.ToOperationOutcome().Issue).Details!.Coding[0].Code);
        Assert.Empty(validation.Errors(outcome));
        Assert.Empty(validation.Errors(clean.ToOperationOutcome()));
    }
}
