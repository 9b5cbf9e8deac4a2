using Hl7.Fhir.Model;
using HipPain.Rules.Model;
using FhirObservation = Hl7.Fhir.Model.Observation;

namespace HipPain.Rules.Fhir.Tests;

/// <summary>FHIR inputs made from cases, the way a form filler or an EHR would send them.</summary>
internal static class FhirTestData
{
    public static readonly DateOnly AsOf = new(2026, 11, 29);

    /// <summary>A QuestionnaireResponse to the Questionnaire answering every finding the case names, with the case's state.</summary>
    public static QuestionnaireResponse ResponseFor(Questionnaire questionnaire, PatientCase patientCase, string id = "qr1")
    {
        var response = new QuestionnaireResponse
        {
            Id = id,
            Questionnaire = $"{questionnaire.Url}|{questionnaire.Version}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference("Patient/p1"),
            Authored = "2026-11-29T09:30:00Z",
        };
        foreach (var group in questionnaire.Item)
        {
            var answered = new QuestionnaireResponse.ItemComponent { LinkId = group.LinkId, Text = group.Text };
            foreach (var question in group.Item)
            {
                var state = patientCase.StateOf(question.LinkId!);
                if (patientCase.Observations.Any(o => o.FindingId == question.LinkId))
                {
                    answered.Item.Add(new QuestionnaireResponse.ItemComponent
                    {
                        LinkId = question.LinkId,
                        Text = question.Text,
                        Answer = [new QuestionnaireResponse.AnswerComponent { Value = Answer(state) }],
                    });
                }
            }

            if (answered.Item.Count > 0)
            {
                response.Item.Add(answered);
            }
        }

        return response;
    }

    public static Coding Answer(FindingState state) => state switch
    {
        FindingState.Present => new Coding(FhirTerminology.YesNoSystem, "Y", "Yes"),
        FindingState.Absent => new Coding(FhirTerminology.YesNoSystem, "N", "No"),
        _ => new Coding(FhirTerminology.DataAbsentReasonSystem, "asked-unknown", "Asked But Unknown"),
    };

    /// <summary>A Patient of the case's age on <see cref="AsOf"/> (born on 1 June) and sex.</summary>
    public static Patient PatientFor(PatientCase patientCase, string id = "p1")
    {
        var patient = new Patient { Id = id };
        if (patientCase.Age is { } age)
        {
            var born = new DateOnly(AsOf.Year - age, 6, 1);
            if (born > AsOf.AddYears(-age))
            {
                born = born.AddYears(-1);
            }

            patient.BirthDate = born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        patient.Gender = patientCase.Sex switch
        {
            Sex.Female => AdministrativeGender.Female,
            Sex.Male => AdministrativeGender.Male,
            _ => AdministrativeGender.Unknown,
        };
        return patient;
    }

    /// <summary>A clinic's mapping used by the tests: fever as a SNOMED CT finding and as a LOINC body temperature (at least 38 Cel), CRP at least 10 mg/L, a boolean local code for the hop test.</summary>
    public static ObservationMapping ClinicMapping() => new(
    [
        ObservationMappingEntry.WhenCoded("http://snomed.info/sct", "386661006", "sym.fever"),
        ObservationMappingEntry.WhenAtLeast("http://loinc.org", "8310-5", 38m, "Cel", "sym.fever"),
        ObservationMappingEntry.WhenBoolean("https://clinic.test/codes", "hop-test-pain", "exam.hop-test"),
        ObservationMappingEntry.WhenValueCoded("https://clinic.test/codes", "gait", "https://clinic.test/codes", "antalgic", "exam.cannot-bear-weight", FindingState.Absent),
    ]);

    public static FhirObservation Temperature(string id, decimal celsius) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept("http://loinc.org", "8310-5", "Body temperature"),
        Subject = new ResourceReference("Patient/p1"),
        Value = new Quantity(celsius, "Cel") { System = "http://unitsofmeasure.org", Unit = "°C" },
    };

    public static FhirObservation Coded(string id, string system, string code) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept(system, code),
        Subject = new ResourceReference("Patient/p1"),
    };
}
