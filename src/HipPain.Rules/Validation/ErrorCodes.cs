namespace HipPain.Rules.Validation;

/// <summary>
/// The stable codes of every validation problem. Codes never change meaning once released; new problems get
/// new codes. <c>HPK</c> codes are about a knowledge base (HPK050 and up: applying an overlay), <c>HPC</c> codes
/// about a case, <c>HPJ</c> codes about reading JSON (the overlay and JSON codes are in ErrorCodes.Json.cs).
/// </summary>
public static partial class ErrorCodes
{
    /// <summary>Two causes, findings, treatments, rules, evidence groups or red flags share an id.</summary>
    public const string DuplicateId = "HPK001";

    /// <summary>A rule, red flag, overlay or reference field names a cause the knowledge base does not have.</summary>
    public const string UnknownCause = "HPK002";

    /// <summary>A criterion or reference field names a finding the knowledge base does not have.</summary>
    public const string UnknownFinding = "HPK003";

    /// <summary>A likelihood ratio (LR+, LR-, or an entry of a graded rule's table) is not a finite number greater than zero.</summary>
    public const string InvalidLikelihoodRatio = "HPK004";

    /// <summary>A prior probability is not strictly between 0 and 1.</summary>
    public const string PriorOutOfRange = "HPK005";

    /// <summary>A red flag does not say which urgency it sets.</summary>
    public const string RedFlagWithoutUrgency = "HPK006";

    /// <summary>A cause has no treatment and no workup step.</summary>
    public const string CauseWithoutPlan = "HPK007";

    /// <summary>A cause recommends, or a reference field names, a treatment the knowledge base does not have.</summary>
    public const string UnknownTreatment = "HPK008";

    /// <summary>A weight, prior, treatment or red flag has no citation.</summary>
    public const string MissingCitation = "HPK009";

    /// <summary>A finding feeds two rules of the same cause (or appears twice in one criterion or graded rule), which would count its evidence twice. Allowed for members of one evidence group and for one-sided rules (LR- = 1) that cannot both be met.</summary>
    public const string FindingCountedTwice = "HPK010";

    /// <summary>A criterion is malformed: no parts, a minimum outside 1..parts, an age range outside 0..120 or reversed, an unspecified sex, or a state other than present or absent.</summary>
    public const string InvalidCriterion = "HPK011";

    /// <summary>An id, name or required text is missing or blank, or an id has characters outside <c>[A-Za-z0-9._/-]</c>.</summary>
    public const string InvalidText = "HPK012";

    /// <summary>A cause that is Urgent or Emergency when suspected has no red-flag gate that names it.</summary>
    public const string CriticalCauseWithoutRedFlag = "HPK013";

    /// <summary>A red flag has no criterion.</summary>
    public const string RedFlagWithoutCriterion = "HPK014";

    /// <summary>A cause has no prior.</summary>
    public const string MissingPrior = "HPK015";

    /// <summary>A value is outside its enumeration (an undefined kind, level, urgency or line).</summary>
    public const string UndefinedValue = "HPK016";

    /// <summary>The knowledge base has no cause.</summary>
    public const string NoCauses = "HPK017";

    /// <summary>
    /// The knowledge base is beyond a limit of <c>KnowledgeBaseLimits</c>: a criterion nests too deep or has too many
    /// parts, a list has too many items, or the base is too large for its JSON form to be read back.
    /// </summary>
    public const string LimitExceeded = "HPK018";
    /// <summary>An evidence group names a rule the knowledge base does not have.</summary>
    public const string UnknownRule = "HPK020";

    /// <summary>A rule is a member of two evidence groups, or is listed twice in one; a rule belongs to at most one group.</summary>
    public const string RuleInTwoGroups = "HPK021";

    /// <summary>An evidence group names a rule of another cause; a group holds rules of one cause only.</summary>
    public const string GroupAcrossCauses = "HPK022";

    /// <summary>
    /// A graded rule is malformed: it has no parts, its table does not have one entry per number of parts met (parts + 1),
    /// or every entry is null so that it has no figure at all. An entry that is not a finite number greater than 0 is
    /// <see cref="InvalidLikelihoodRatio"/>.
    /// </summary>
    public const string InvalidGradedRule = "HPK023";

    /// <summary>An evidence group has no member.</summary>
    public const string EmptyGroup = "HPK024";

    /// <summary>
    /// A bounded clinical number of an item (declared with its allowed range beside the model type) is outside that
    /// range; the message names the number, its value and the range.
    /// </summary>
    public const string ValueOutOfRange = "HPK025";

    /// <summary>
    /// A red flag's criterion or context reads a one-sex finding (<see cref="Model.Finding.Sex"/>): such a finding is
    /// never asked of a patient of the other sex, so the gate could never be decided for that patient.
    /// </summary>
    public const string RedFlagReadsOneSexFinding = "HPK026";

    /// <summary>A red flag puts a finding in the patient screen that its own criterion does not read.</summary>
    public const string ScreeningFindingNotInCriterion = "HPK019";

    /// <summary>A case names a finding the knowledge base does not have.</summary>
    public const string CaseUnknownFinding = "HPC001";

    /// <summary>A case gives the same finding as both present and absent.</summary>
    public const string CaseContradiction = "HPC002";

    /// <summary>A case lists the same finding more than once with the same state.</summary>
    public const string CaseDuplicateFinding = "HPC003";

    /// <summary>A case's age is outside 0 to 120 years.</summary>
    public const string CaseAgeOutOfRange = "HPC004";

    /// <summary>A case's observation has a null or blank finding code.</summary>
    public const string CaseMissingFindingId = "HPC005";

    /// <summary>A case's observation has a state outside <c>Unknown</c>, <c>Present</c>, <c>Absent</c>.</summary>
    public const string CaseUndefinedState = "HPC006";

    /// <summary>A case's sex is outside <c>Unspecified</c>, <c>Female</c>, <c>Male</c>.</summary>
    public const string CaseUndefinedSex = "HPC007";

    /// <summary>
    /// A case gives a one-sex finding (<see cref="Model.Finding.Sex"/>, such as a pregnancy) as present for a patient of
    /// the other sex; the message names the finding and both sexes.
    /// </summary>
    public const string CaseFindingSexMismatch = "HPC008";

    /// <summary>
    /// A pain map given to <c>Interviewer.Start</c> or <c>Interviewer.Conduct</c> marks a finding that is not a pain
    /// location (<see cref="Model.FindingKind.PainLocation"/>); the message names the finding, its kind and the map's regions.
    /// </summary>
    public const string CaseNotAPainRegion = "HPC009";
}
