namespace HipPain.Rules.Fhir;

/// <summary>The stable codes of the issues reported while reading FHIR input into a case (docs/fhir.md lists them).</summary>
public static class FhirIssueCodes
{
    /// <summary>A QuestionnaireResponse item names a linkId that is no finding code and no group of the Questionnaire: its answer is not used (warning).</summary>
    public const string UnknownLinkId = "HPF001";

    /// <summary>An answer is neither a yes / no / don't know coding nor a boolean (error).</summary>
    public const string AnswerNotUnderstood = "HPF002";

    /// <summary>A question has more than one answer (error).</summary>
    public const string SeveralAnswers = "HPF003";

    /// <summary>The QuestionnaireResponse answers another Questionnaire or another version of this one (warning: answers are still read by finding code).</summary>
    public const string OtherQuestionnaire = "HPF004";

    /// <summary>No entry of the mapping table has the Observation's code: the Observation is not used (warning).</summary>
    public const string UnmappedCode = "HPF005";

    /// <summary>The mapping table has the Observation's code but no entry matches its value: the Observation is not used (warning).</summary>
    public const string UnmappedValue = "HPF006";

    /// <summary>A resource's status says it is not a usable record (entered in error, cancelled, registered only): it is not used (warning).</summary>
    public const string NotUsableStatus = "HPF007";

    /// <summary>Two inputs give one finding different states (error).</summary>
    public const string Contradiction = "HPF008";

    /// <summary>The Patient's birth date is missing, partial, invalid or after the reference date (warning; error when after the reference date).</summary>
    public const string BirthDate = "HPF009";

    /// <summary>The Patient's gender is missing, other or unknown: the case's sex is unspecified (information).</summary>
    public const string Gender = "HPF010";

    /// <summary>No reference date to compute the age: the case has no age (warning).</summary>
    public const string NoReferenceDate = "HPF011";

    /// <summary>The case read from the input fails the engine's case validation; the message carries the HPC code (error).</summary>
    public const string InvalidCase = "HPF012";

    /// <summary>The Observation records that the value is absent (dataAbsentReason): the finding is unknown (information).</summary>
    public const string ValueAbsent = "HPF013";

    /// <summary>The QuestionnaireResponse is not completed (in progress or stopped): its answers are used (information).</summary>
    public const string ResponseNotCompleted = "HPF014";

    /// <summary>A QuestionnaireResponse or Observation is about another patient than the Patient given: it is not used (error).</summary>
    public const string OtherPatient = "HPF015";

    /// <summary>Nothing to report: every input was mapped (information; an OperationOutcome needs at least one issue).</summary>
    public const string AllMapped = "HPF000";
}
