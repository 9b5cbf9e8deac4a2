using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

/// <summary>
/// Describes one evidence group inside <see cref="CauseBuilder.Group"/>: the rules of the cause that measure the same
/// thing. Each method adds a rule to the cause, exactly as the <see cref="CauseBuilder"/> method of the same name, and
/// makes it a member of the group; <see cref="Member"/> makes a rule added elsewhere a member. Pass
/// <c>joint: true</c> for a rule that carries a published figure for the combination (typically a graded rule): it
/// counts alone when decided (see <see cref="EvidenceGroup"/>). Values are checked when the knowledge base is built.
/// </summary>
/// <threadsafety>Not thread-safe; use from one thread while building.</threadsafety>
public sealed class EvidenceGroupBuilder
{
    private readonly CauseBuilder cause;
    private readonly GroupDraft draft;
    private readonly KnowledgeBaseBuilder owner;

    internal EvidenceGroupBuilder(CauseBuilder cause, GroupDraft draft, KnowledgeBaseBuilder owner)
    {
        this.cause = cause;
        this.draft = draft;
        this.owner = owner;
    }

    /// <summary>Adds a single-finding rule with id <c>causeId/findingId</c> to the cause and to the group.</summary>
    /// <param name="findingId">The finding's code.</param>
    /// <param name="positive">LR+: applied when the finding is present (1 for no effect).</param>
    /// <param name="negative">LR-: applied when the finding is absent (1 for no effect).</param>
    /// <param name="evidence">The source of both ratios.</param>
    /// <param name="joint">True when the rule's figures are the source's figures for the whole group.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> or <paramref name="evidence"/> is null.</exception>
    public EvidenceGroupBuilder Finding(string findingId, double positive, double negative, Evidence evidence, bool joint = false) =>
        Add(cause.AddFinding(findingId, positive, negative, evidence), joint);

    /// <summary>Adds a composite rule to the cause and to the group.</summary>
    /// <param name="ruleId">The rule's id, unique in the knowledge base.</param>
    /// <param name="criterion">The criterion.</param>
    /// <param name="positive">LR+: applied when the criterion is met.</param>
    /// <param name="negative">LR-: applied when the criterion is definitely not met.</param>
    /// <param name="evidence">The source of both ratios.</param>
    /// <param name="description">A display label.</param>
    /// <param name="joint">True when the rule's figures are the source's figures for the whole group.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/>, <paramref name="criterion"/> or <paramref name="evidence"/> is null.</exception>
    public EvidenceGroupBuilder Composite(string ruleId, Criterion criterion, double positive, double negative, Evidence evidence, string? description = null, bool joint = false)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return Add(cause.AddRule(ruleId, criterion, positive, negative, evidence, description), joint);
    }

    /// <summary>Adds a graded rule to the cause and to the group (see <see cref="CauseBuilder.Graded(string, IEnumerable{Criterion}, IEnumerable{double?}, Evidence, string?)"/>).</summary>
    /// <param name="ruleId">The rule's id, unique in the knowledge base.</param>
    /// <param name="parts">The criteria counted.</param>
    /// <param name="ratiosByCount">The likelihood ratio when exactly 0, 1, ..., n parts are met; null where the source gives no figure.</param>
    /// <param name="evidence">The source of the table.</param>
    /// <param name="description">A display label.</param>
    /// <param name="joint">True when the table is the source's figure for the whole group (the usual case for a graded rule in a group).</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/>, <paramref name="parts"/>, one of its items, <paramref name="ratiosByCount"/> or <paramref name="evidence"/> is null.</exception>
    public EvidenceGroupBuilder Graded(string ruleId, IEnumerable<Criterion> parts, IEnumerable<double?> ratiosByCount, Evidence evidence, string? description = null, bool joint = false) =>
        Add(cause.AddGraded(ruleId, parts, ratiosByCount, evidence, description), joint);

    /// <summary>Adds an age modifier (id <c>causeId/age:min-max</c>) to the cause and to the group, as an ordinary member.</summary>
    /// <param name="minimum">The youngest age in the band, or null.</param>
    /// <param name="maximum">The oldest age in the band, or null.</param>
    /// <param name="inBand">The ratio applied when the age lies in the band.</param>
    /// <param name="outOfBand">The ratio applied when the age lies outside the band.</param>
    /// <param name="evidence">The source.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    public EvidenceGroupBuilder Age(int? minimum, int? maximum, double inBand, double outOfBand, Evidence evidence) =>
        Add(cause.AddAge(minimum, maximum, inBand, outOfBand, evidence), false);

    /// <summary>Adds a sex modifier (id <c>causeId/sex:female</c> or <c>causeId/sex:male</c>) to the cause and to the group, as an ordinary member.</summary>
    /// <param name="sex">The sex the first ratio applies to.</param>
    /// <param name="whenSex">The ratio applied when the patient is of <paramref name="sex"/>.</param>
    /// <param name="otherwise">The ratio applied when the patient is of the other sex.</param>
    /// <param name="evidence">The source.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    public EvidenceGroupBuilder Sex(Sex sex, double whenSex, double otherwise, Evidence evidence) =>
        Add(cause.AddSex(sex, whenSex, otherwise, evidence), false);

    /// <summary>
    /// Makes a rule of this cause added elsewhere (before or after the group, for example a pain location or an age
    /// modifier) a member. The id is checked when the knowledge base is built: an unknown rule is HPK020, a rule of
    /// another cause HPK022, a rule already in a group HPK021.
    /// </summary>
    /// <param name="ruleId">The rule's id, for example <c>hip-oa/loc.groin</c>.</param>
    /// <param name="joint">True when the rule's figures are the source's figures for the whole group.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    public EvidenceGroupBuilder Member(string ruleId, bool joint = false)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return Add(ruleId, joint);
    }

    private EvidenceGroupBuilder Add(string ruleId, bool joint)
    {
        owner.EnsureOpen();
        draft.Members.Add(new GroupMemberDraft(ruleId, joint));
        return this;
    }
}
