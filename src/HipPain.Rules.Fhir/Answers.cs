using Hl7.Fhir.Model;
using HipPain.Rules.Model;

namespace HipPain.Rules.Fhir;

/// <summary>The three answers of every question, and how a coded answer reads as a finding state.</summary>
internal static class Answers
{
    public static IEnumerable<Questionnaire.AnswerOptionComponent> Options()
    {
        yield return new Questionnaire.AnswerOptionComponent { Value = Yes() };
        yield return new Questionnaire.AnswerOptionComponent { Value = No() };
        yield return new Questionnaire.AnswerOptionComponent { Value = Unknown() };
    }

    public static Coding Yes() => new(FhirTerminology.YesNoSystem, FhirTerminology.YesCode, "Yes");

    public static Coding No() => new(FhirTerminology.YesNoSystem, FhirTerminology.NoCode, "No");

    public static Coding Unknown() => new(FhirTerminology.DataAbsentReasonSystem, FhirTerminology.UnknownCode, "Asked But Unknown");

    public static Coding For(FindingState state) => state switch
    {
        FindingState.Present => Yes(),
        FindingState.Absent => No(),
        _ => Unknown(),
    };

    /// <summary>The state an answer gives: a coding of the three answers, or a boolean; null when it is neither.</summary>
    public static FindingState? StateOf(DataType? value) => value switch
    {
        FhirBoolean { Value: true } => FindingState.Present,
        FhirBoolean { Value: false } => FindingState.Absent,
        Coding { System: FhirTerminology.YesNoSystem, Code: FhirTerminology.YesCode } => FindingState.Present,
        Coding { System: FhirTerminology.YesNoSystem, Code: FhirTerminology.NoCode } => FindingState.Absent,
        Coding { System: FhirTerminology.DataAbsentReasonSystem, Code: FhirTerminology.UnknownCode } => FindingState.Unknown,
        _ => null,
    };
}
