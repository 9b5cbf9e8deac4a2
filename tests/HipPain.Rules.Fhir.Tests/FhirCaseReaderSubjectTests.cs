using Hl7.Fhir.Model;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Fhir.Tests;

public sealed class FhirCaseReaderSubjectTests
{
    private static readonly Questionnaire Form = KnowledgeBaseQuestionnaire.Create(BuiltInKnowledgeBase.Instance);
    private static readonly FhirCaseReader Reader = new(new TriageEngine(BuiltInKnowledgeBase.Instance), FhirTestData.ClinicMapping());

    [Fact]
    public void Read_ResponseAboutAnotherPatient_ErrorAndNotUsed()
    {
        var patientCase = PatientCase.Create(30, Sex.Male, Model.Observation.Present("loc.groin"));
        var response = FhirTestData.ResponseFor(Form, patientCase);
        response.Subject = new ResourceReference("Patient/p2");

        var read = Reader.Read(FhirTestData.PatientFor(patientCase), response, asOf: FhirTestData.AsOf);

        Assert.True(read.HasErrors);
        Assert.Equal("HPF015 Error at QuestionnaireResponse.subject: The QuestionnaireResponse is about 'Patient/p2', not Patient/p1: none of its answers is used.", Assert.Single(read.Issues).ToString());
        Assert.Empty(read.Case.Observations);
        Assert.Equal(["Patient/p1"], read.Basis);
    }

    [Fact]
    public void Read_ObservationAboutAnotherPatient_ErrorAndNotUsed()
    {
        var observation = FhirTestData.Temperature("t1", 39m);
        observation.Subject = new ResourceReference("https://ehr.test/fhir/Patient/p9");

        var read = Reader.Read(new Patient { Id = "p1", Gender = AdministrativeGender.Male }, null, [observation]);

        Assert.Equal("HPF015 Error at Observation.where(id='t1').subject: Observation/t1 is about 'https://ehr.test/fhir/Patient/p9', not Patient/p1: it is not used.", Assert.Single(read.Issues, i => i.Code == FhirIssueCodes.OtherPatient).ToString());
        Assert.Empty(read.Case.Observations);
    }

    [Fact]
    public void Read_AbsoluteReferenceToTheSamePatient_Used()
    {
        var observation = FhirTestData.Temperature("t1", 39m);
        observation.Subject = new ResourceReference("https://ehr.test/fhir/Patient/p1");

        var read = Reader.Read(new Patient { Id = "p1", Gender = AdministrativeGender.Male }, null, [observation]);

        Assert.Equal([Model.Observation.Present("sym.fever")], read.Case.Observations);
    }
}
