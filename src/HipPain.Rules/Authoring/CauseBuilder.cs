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
        draft.Codes["icd10"] = icd10;
        draft.Codes["snomedCt"] = snomedCt;
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
        AddFinding(findingId, positive, negative, evidence);
        return this;
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
        AddRule(ruleId, criterion, positive, negative, evidence, description);
        return this;
    }

    /// <summary>
    /// Adds a graded rule: one likelihood ratio for each number of its parts met, 0 to n, for a published table such
    /// as Kocher's (0 to 4 predictors). The rule applies the entry of the count met once every count still possible
    /// has the same entry; a null entry (no figure in the source) applies nothing.
    /// </summary>
    /// <param name="ruleId">The rule's id, unique in the knowledge base.</param>
    /// <param name="parts">The criteria counted; at least one.</param>
    /// <param name="ratiosByCount">The likelihood ratio when exactly 0, 1, ..., n parts are met (n + 1 entries, code HPK023 otherwise); null where the source gives no figure.</param>
    /// <param name="evidence">The source of the table.</param>
    /// <param name="description">A display label, for example "Kocher criteria".</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/>, <paramref name="parts"/>, one of its items, <paramref name="ratiosByCount"/> or <paramref name="evidence"/> is null.</exception>
    /// <example><c>c.Graded("gtps/kinsella", [Criterion.Present(tenderness), Criterion.Present(resistedAbduction)], [0.11, null, 16.7], source, "Kinsella cluster")</c></example>
    public CauseBuilder Graded(string ruleId, IEnumerable<Criterion> parts, IEnumerable<double?> ratiosByCount, Evidence evidence, string? description = null)
    {
        AddGraded(ruleId, parts, ratiosByCount, evidence, description);
        return this;
    }

    /// <summary>
    /// Declares an evidence group: rules of this cause that measure the same thing, so that their evidence counts
    /// once. Rules added through <paramref name="configure"/> are rules of this cause and members of the group; a
    /// rule added elsewhere joins with <see cref="EvidenceGroupBuilder.Member"/>. See <see cref="EvidenceGroup"/>
    /// for what a group contributes.
    /// </summary>
    /// <param name="groupId">The group's id, unique in the knowledge base.</param>
    /// <param name="name">The display name.</param>
    /// <param name="configure">Adds the members.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// c.Group("pht/stretch-tests", "Hamstring stretch tests (one case-control study)", g => g
    ///     .Finding("exam.modified-bent-knee-stretch", 9.89, 0.11, source)
    ///     .Finding("exam.bent-knee-stretch", 7.09, 0.13, source)
    ///     .Finding("exam.puranen-orava", 5.56, 0.24, source)
    ///     .Age(40, null, 1.5, 0.8, ageSource));
    /// </code>
    /// </example>
    public CauseBuilder Group(string groupId, string name, Action<EvidenceGroupBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        owner.EnsureOpen();
        var group = new GroupDraft(groupId, name);
        draft.Groups.Add(group);
        configure(new EvidenceGroupBuilder(this, group, owner));
        return this;
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
        AddAge(minimum, maximum, inBand, outOfBand, evidence);
        return this;
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
        AddSex(sex, whenSex, otherwise, evidence);
        return this;
    }

    /// <summary>Recommends a treatment, workup step or prevention measure for this cause.</summary>
    /// <param name="treatmentId">The treatment's id.</param>
    /// <param name="line">First line or second line.</param>
    /// <param name="note">A cause-specific remark.</param>
    /// <param name="evidence">
    /// The evidence for the treatment in this cause, with its level, when it is not the treatment's own (for example a
    /// case series here where the treatment's trial was in another condition); null to use the treatment's.
    /// </param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatmentId"/> is null.</exception>
    public CauseBuilder Treat(string treatmentId, TreatmentLine line = TreatmentLine.FirstLine, string? note = null, Evidence? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(treatmentId);
        owner.EnsureOpen();
        draft.Recommendations.Add(new RecommendationDraft(treatmentId, note, evidence) { Line = line });
        return this;
    }

    /// <summary>Marks a treatment to avoid for this cause.</summary>
    /// <param name="treatmentId">The treatment's id.</param>
    /// <param name="note">Why.</param>
    /// <param name="evidence">The evidence for avoiding it in this cause; null to use the treatment's.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatmentId"/> is null.</exception>
    public CauseBuilder Avoid(string treatmentId, string? note = null, Evidence? evidence = null) => Treat(treatmentId, TreatmentLine.Avoid, note, evidence);

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

    // The Add* methods add a rule and return its id, for the group builder.
    internal string AddFinding(string findingId, double positive, double negative, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(findingId);
        return AddRule($"{draft.Id}/{findingId}", Criterion.Present(findingId), positive, negative, evidence, null);
    }

    internal string AddAge(int? minimum, int? maximum, double inBand, double outOfBand, Evidence evidence) =>
        AddRule(string.Create(CultureInfo.InvariantCulture, $"{draft.Id}/age:{minimum}-{maximum}"), Criterion.AgeBetween(minimum, maximum), inBand, outOfBand, evidence, null);

    internal string AddSex(Sex sex, double whenSex, double otherwise, Evidence evidence) =>
        AddRule($"{draft.Id}/sex:{sex.ToString().ToLowerInvariant()}", Criterion.SexIs(sex), whenSex, otherwise, evidence, null);

    internal string AddRule(string id, Criterion criterion, double positive, double negative, Evidence evidence, string? description)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(evidence);
        owner.EnsureOpen();
        draft.Rules.Add(new RuleDraft(id, criterion, positive, negative, evidence, description));
        return id;
    }

    internal string AddGraded(string ruleId, IEnumerable<Criterion> parts, IEnumerable<double?> ratiosByCount, Evidence evidence, string? description)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(ratiosByCount);
        ArgumentNullException.ThrowIfNull(evidence);
        var partList = parts.ToList();
        foreach (var part in partList)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        owner.EnsureOpen();
        draft.Rules.Add(new RuleDraft(ruleId, partList, ratiosByCount, evidence, description));
        return ruleId;
    }
}
