namespace HipPain.Rules.Fhir;

/// <summary>The external code systems and codes the package reads and writes.</summary>
public static class FhirTerminology
{
    /// <summary>HL7 v2 table 0136 (yes/no): the system of the <c>Y</c> and <c>N</c> answers.</summary>
    public const string YesNoSystem = "http://terminology.hl7.org/CodeSystem/v2-0136";

    /// <summary>The data-absent-reason code system: the system of the <c>asked-unknown</c> answer.</summary>
    public const string DataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    /// <summary>The answer code for present.</summary>
    public const string YesCode = "Y";

    /// <summary>The answer code for absent.</summary>
    public const string NoCode = "N";

    /// <summary>The answer code for asked but unknown.</summary>
    public const string UnknownCode = "asked-unknown";

    /// <summary>SNOMED CT.</summary>
    public const string SnomedCt = "http://snomed.info/sct";

    /// <summary>WHO ICD-10.</summary>
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
}
