using System.Globalization;
using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

/// <summary>
/// Describes one cause inside <see cref="KnowledgeBaseBuilder.AddCause"/>: its prior, codes, urgency, the
/// rules that weigh findings for or against it, and its plan. Values are checked when the knowledge base is
/// built, so every problem is reported at once.
/// </summary>
/// <threadsafety>Not thread-safe; use from one thread while building.</threadsafety>
public sealed class CauseBuilder
{
    private readonly CauseDraft draft;
    private readonly KnowledgeBaseBuilder owner;

    internal CauseBuilder(CauseDraft draft, KnowledgeBaseBuilder owner)
    {
        this.draft = draft;
        this.owner = owner;
    }

    /// <summary>Sets a short clinical description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder, so calls chain.</returns>
    public CauseBuilder Describe(string? description)
    {
        owner.EnsureOpen();
        draft.Description = description;
        return this;
    }

    /// <summary>Sets the classification codes; pass null for a code the facts table does not verify.</summary>
    /// <param name="icd10">The WHO ICD-10 code.</param>
    /// <param name="snomedCt">The SNOMED CT concept id.</param>
    /// <returns>This builder, so calls chain.</returns>
    public CauseBuilder Codes(string? icd10, string? snomedCt)
    {
        owner.EnsureOpen();
        draft.Icd10 = icd10;
        draft.SnomedCt = snomedCt;
        return this;
    }

    /// <summary>Sets the pre-test probability for the knowledge base's population.</summary>
    /// <param name="probability">Strictly between 0 and 1 (code HPK005 otherwise).</param>
    /// <param name="evidence">Where the figure comes from, or the reasoning behind an estimate.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    public CauseBuilder Prior(double probability, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        owner.EnsureOpen();
        draft.Prior = probability;
        draft.PriorEvidence = evidence;
        return this;
    }

    /// <summary>Sets how urgent the cause is when suspected (default <see cref="Urgency.Routine"/>).</summary>
    /// <param name="urgency">The urgency; a cause at Urgent or Emergency needs a red-flag gate that names it.</param>
    /// <returns>This builder, so calls chain.</returns>
    public CauseBuilder SuspectedUrgency(Urgency urgency)
    {
        owner.EnsureOpen();
        draft.SuspectedUrgency = urgency;
        return this;
    }

    /// <summary>Adds a single-finding rule with id <c>causeId/findingId</c>.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <param name="positive">LR+: applied when the finding is present (1 for no effect).</param>
    /// <param name="negative">LR-: applied when the finding is absent (1 for no effect).</param>
    /// <param name="evidence">The source of both ratios.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> or <paramref name="evidence"/> is null.</exception>
    public CauseBuilder Finding(string findingId, double positive, double negative, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(findingId);
        return AddRule($"{draft.Id}/{findingId}", Criterion.Present(findingId), positive, negative, evidence, null);
    }

    /// <summary>Adds a composite rule, for example a clinical prediction rule with "at least 3 of 5" items.</summary>
    /// <param name="ruleId">The rule's id, unique in the knowledge base.</param>
    /// <param name="criterion">The criterion.</param>
    /// <param name="positive">LR+: applied when the criterion is met.</param>
    /// <param name="negative">LR-: applied when the criterion is definitely not met.</param>
    /// <param name="evidence">The source of both ratios.</param>
    /// <param name="description">A display label, for example "ACR clinical criteria for hip OA".</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/>, <paramref name="criterion"/> or <paramref name="evidence"/> is null.</exception>
    public CauseBuilder Composite(string ruleId, Criterion criterion, double positive, double negative, Evidence evidence, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return AddRule(ruleId, criterion, positive, negative, evidence, description);
    }

    /// <summary>Adds an age modifier with id <c>causeId/age:min-max</c>.</summary>
    /// <param name="minimum">The youngest age in the band, or null.</param>
    /// <param name="maximum">The oldest age in the band, or null.</param>
    /// <param name="inBand">The ratio applied when the age lies in the band.</param>
    /// <param name="outOfBand">The ratio applied when the age lies outside the band.</param>
    /// <param name="evidence">The source.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    public CauseBuilder Age(int? minimum, int? maximum, double inBand, double outOfBand, Evidence evidence)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{draft.Id}/age:{minimum}-{maximum}");
        return AddRule(id, Criterion.AgeBetween(minimum, maximum), inBand, outOfBand, evidence, null);
    }

    /// <summary>Adds a sex modifier with id <c>causeId/sex:female</c> or <c>causeId/sex:male</c>.</summary>
    /// <param name="sex">The sex the first ratio applies to.</param>
    /// <param name="whenSex">The ratio applied when the patient is of <paramref name="sex"/>.</param>
    /// <param name="otherwise">The ratio applied when the patient is of the other sex.</param>
    /// <param name="evidence">The source.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    public CauseBuilder Sex(Sex sex, double whenSex, double otherwise, Evidence evidence)
    {
        var id = $"{draft.Id}/sex:{sex.ToString().ToLowerInvariant()}";
        return AddRule(id, Criterion.SexIs(sex), whenSex, otherwise, evidence, null);
    }

    /// <summary>Recommends a treatment, workup step or prevention measure for this cause.</summary>
    /// <param name="treatmentId">The treatment's id.</param>
    /// <param name="line">First line or second line.</param>
    /// <param name="note">A cause-specific remark.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatmentId"/> is null.</exception>
    public CauseBuilder Treat(string treatmentId, TreatmentLine line = TreatmentLine.FirstLine, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(treatmentId);
        owner.EnsureOpen();
        draft.Recommendations.Add(new RecommendationDraft(treatmentId, line, note));
        return this;
    }

    /// <summary>Marks a treatment to avoid for this cause.</summary>
    /// <param name="treatmentId">The treatment's id.</param>
    /// <param name="note">Why.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatmentId"/> is null.</exception>
    public CauseBuilder Avoid(string treatmentId, string? note = null) => Treat(treatmentId, TreatmentLine.Avoid, note);

    /// <summary>Sets the running advice while this cause leads the differential.</summary>
    /// <param name="restriction">How restrictive the advice is.</param>
    /// <param name="text">The advice in words.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public CauseBuilder Running(RunningRestriction restriction, string text)
    {
        owner.EnsureOpen();
        draft.RunningAdvice = new RunningAdvice(restriction, text);
        return this;
    }

    private CauseBuilder AddRule(string id, Criterion criterion, double positive, double negative, Evidence evidence, string? description)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(evidence);
        owner.EnsureOpen();
        draft.Rules.Add(new RuleDraft(id, criterion, positive, negative, evidence, description));
        return this;
    }
}
