using System.Runtime.CompilerServices;
using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Writes a clinic overlay in C#: the same changes as an overlay JSON document (<see cref="OverlayJson"/>), one method
/// per change, and <see cref="Build"/> returns the same <see cref="KnowledgeBaseOverlay"/> that reading the JSON form
/// gives. Applying it goes through the same applier, so conflicts and invalid items get the same codes (HPK050 an id
/// the base already has, HPK051 a target the base does not have, HPK052 one thing changed twice, HPK053 the wrong
/// base), reported at the path the change has in the overlay's JSON form: the third <see cref="Prior"/> call is
/// <c>$.priors[2]</c>, the first <see cref="AddCause"/> is <c>$.addCauses[0]</c>.
/// </summary>
/// <remarks>
/// Nothing is checked against a base until the overlay is applied: the builder only records the changes, in the
/// order of each kind's calls, and <see cref="KnowledgeBaseOverlay.ApplyTo"/> applies them in the fixed order that
/// <see cref="KnowledgeBaseOverlay"/> describes. <c>OverlayJson.Write</c> writes a built overlay as its JSON document.
/// </remarks>
/// <example>
/// <code>
/// var overlay = new KnowledgeBaseOverlayBuilder("endurance-clinic", "1.0.0")
///     .AppliesTo("hippain-builtin")
///     .Prior("femoral-neck-stress-fracture", 0.08, clinicAudit)
///     .FindingText("sym.fever", patientQuestion: "Have you felt hot and shivery?")
///     .Build();
/// var clinicBase = overlay.ApplyTo(BuiltInKnowledgeBase.Instance);
/// </code>
/// </example>
/// <threadsafety>Not thread-safe; build on one thread, then share the immutable overlay.</threadsafety>
public sealed class KnowledgeBaseOverlayBuilder
{
    private readonly OverlayDocument document;

    // Added findings, treatments, causes and red flags are written with the knowledge-base builder's own DSL into
    // this scratch builder (which is never built), and turned into the overlay's documents by Build.
    private readonly KnowledgeBaseBuilder additions;
    private bool built;

    /// <summary>Starts an overlay with no changes.</summary>
    /// <param name="id">The id of the knowledge bases the overlay produces.</param>
    /// <param name="version">Their version.</param>
    /// <param name="title">Their title, or null to keep the base's title.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="version"/> is null.</exception>
    public KnowledgeBaseOverlayBuilder(string id, string version, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        document = new OverlayDocument { FormatVersion = JsonDocumentReader.FormatVersion, Id = id, Version = version, Title = title };
        additions = new KnowledgeBaseBuilder(id, version);
    }

    /// <summary>Refuses to apply to any base but this one (HPK053 otherwise).</summary>
    /// <param name="knowledgeBaseId">The base's id, or null for any id.</param>
    /// <param name="version">The base's version, or null for any version.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AppliesTo(string? knowledgeBaseId, string? version = null) =>
        Change(d => d.AppliesTo = new AppliesToDocument { Id = knowledgeBaseId, Version = version });

    /// <summary>Sets a cause's prior for the clinic's population (<c>priors</c>).</summary>
    /// <param name="causeId">The base's cause.</param>
    /// <param name="prior">The prior probability, strictly between 0 and 1 (checked when applied).</param>
    /// <param name="priorEvidence">Where the figure comes from.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="causeId"/> or <paramref name="priorEvidence"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder Prior(string causeId, double prior, Evidence priorEvidence)
    {
        ArgumentNullException.ThrowIfNull(causeId);
        ArgumentNullException.ThrowIfNull(priorEvidence);
        return Change(d => (d.Priors ??= []).Add(new PriorChangeDocument { Cause = causeId, Prior = prior, PriorEvidence = DocumentWriter.Evidence(priorEvidence) }));
    }

    /// <summary>Removes a base rule (<c>disableRules</c>); it leaves its evidence group.</summary>
    /// <param name="ruleId">The base's rule.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder DisableRule(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return Change(d => (d.DisableRules ??= []).Add(ruleId));
    }

    /// <summary>Replaces a base rule by a criterion rule with new ratios (<c>overrideRules</c>); it keeps its cause and group.</summary>
    /// <param name="ruleId">The base's rule.</param>
    /// <param name="positive">The new LR+.</param>
    /// <param name="negative">The new LR-.</param>
    /// <param name="evidence">The source of the new figures.</param>
    /// <param name="criterion">The new criterion, or null to keep the base rule's (a graded base rule has none: then it is required).</param>
    /// <param name="description">The new description, or null to keep the base rule's.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> or <paramref name="evidence"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder OverrideRule(string ruleId, double positive, double negative, Evidence evidence, Criterion? criterion = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(evidence);
        return Change(d => (d.OverrideRules ??= []).Add(WordedDocument.With(new OverlayRuleDocument
        {
            Id = ruleId,
            Criterion = criterion is null ? null : DocumentWriter.Criterion(criterion),
            Ratio = new RatioDocument { Positive = positive, Negative = negative },
            Evidence = DocumentWriter.Evidence(evidence),
        }, ("description", description))));
    }

    /// <summary>Replaces a base rule by a graded rule with a new table (<c>overrideRules</c> with <c>graded</c>); it keeps its cause and group.</summary>
    /// <param name="ruleId">The base's rule.</param>
    /// <param name="ratiosByCount">The likelihood ratio for each count of parts met, from none to all (null: no figure).</param>
    /// <param name="evidence">The source of the new figures.</param>
    /// <param name="parts">The new parts, or null to keep the base rule's (required when the base rule is not graded).</param>
    /// <param name="description">The new description, or null to keep the base rule's.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/>, <paramref name="ratiosByCount"/> or <paramref name="evidence"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder OverrideGradedRule(string ruleId, IEnumerable<double?> ratiosByCount, Evidence evidence, IEnumerable<Criterion>? parts = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(ratiosByCount);
        ArgumentNullException.ThrowIfNull(evidence);
        return Change(d => (d.OverrideRules ??= []).Add(WordedDocument.With(new OverlayRuleDocument
        {
            Id = ruleId,
            Graded = new GradedDocument { Parts = parts is null ? null : [.. parts.Select(DocumentWriter.Criterion)], Ratios = [.. ratiosByCount] },
            Evidence = DocumentWriter.Evidence(evidence),
        }, ("description", description))));
    }

    /// <summary>Adds a criterion rule to a cause of the base or of this overlay (<c>addRules</c>).</summary>
    /// <param name="causeId">The cause the rule weighs.</param>
    /// <param name="ruleId">The new rule's id.</param>
    /// <param name="criterion">When the rule is met.</param>
    /// <param name="positive">LR+.</param>
    /// <param name="negative">LR-.</param>
    /// <param name="evidence">The source.</param>
    /// <param name="description">What the rule says, or null.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="causeId"/>, <paramref name="ruleId"/>, <paramref name="criterion"/> or <paramref name="evidence"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddRule(string causeId, string ruleId, Criterion criterion, double positive, double negative, Evidence evidence, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(causeId);
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(evidence);
        return Change(d => (d.AddRules ??= []).Add(WordedDocument.With(new OverlayRuleDocument
        {
            Cause = causeId,
            Id = ruleId,
            Criterion = DocumentWriter.Criterion(criterion),
            Ratio = new RatioDocument { Positive = positive, Negative = negative },
            Evidence = DocumentWriter.Evidence(evidence),
        }, ("description", description))));
    }

    /// <summary>Adds a graded rule to a cause of the base or of this overlay (<c>addRules</c> with <c>graded</c>).</summary>
    /// <param name="causeId">The cause the rule weighs.</param>
    /// <param name="ruleId">The new rule's id.</param>
    /// <param name="parts">The parts counted.</param>
    /// <param name="ratiosByCount">The likelihood ratio for each count of parts met, from none to all (null: no figure).</param>
    /// <param name="evidence">The source.</param>
    /// <param name="description">What the rule says, or null.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="description"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddGradedRule(string causeId, string ruleId, IEnumerable<Criterion> parts, IEnumerable<double?> ratiosByCount, Evidence evidence, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(causeId);
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(ratiosByCount);
        ArgumentNullException.ThrowIfNull(evidence);
        return Change(d => (d.AddRules ??= []).Add(WordedDocument.With(new OverlayRuleDocument
        {
            Cause = causeId,
            Id = ruleId,
            Graded = new GradedDocument { Parts = [.. parts.Select(DocumentWriter.Criterion)], Ratios = [.. ratiosByCount] },
            Evidence = DocumentWriter.Evidence(evidence),
        }, ("description", description))));
    }

    /// <summary>Removes a base evidence group (<c>disableGroups</c>): its members count independently again.</summary>
    /// <param name="groupId">The base's group.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder DisableGroup(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        return Change(d => (d.DisableGroups ??= []).Add(groupId));
    }

    /// <summary>Replaces a base evidence group's members (<c>overrideGroups</c>).</summary>
    /// <param name="groupId">The base's group.</param>
    /// <param name="members">The new members, in the order joint members are tried.</param>
    /// <param name="name">The new name, or null to keep the base group's.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupId"/> or <paramref name="members"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder OverrideGroup(string groupId, IEnumerable<EvidenceGroupMember> members, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(members);
        return Change(d => (d.OverrideGroups ??= []).Add(WordedDocument.With(new OverlayGroupDocument { Id = groupId, Members = DocumentWriter.Members(members) }, ("name", name))));
    }

    /// <summary>Adds an evidence group to a cause (<c>addGroups</c>); members may be rules this overlay adds.</summary>
    /// <param name="causeId">The cause whose rules the group holds.</param>
    /// <param name="groupId">The new group's id.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="members">The members, in the order joint members are tried.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddGroup(string causeId, string groupId, string name, IEnumerable<EvidenceGroupMember> members)
    {
        ArgumentNullException.ThrowIfNull(causeId);
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(members);
        return Change(d => (d.AddGroups ??= []).Add(WordedDocument.With(new OverlayGroupDocument { Cause = causeId, Id = groupId, Members = DocumentWriter.Members(members) }, ("name", name))));
    }

    /// <summary>Adds a finding (<c>addFindings</c>), as <see cref="KnowledgeBaseBuilder.AddFinding"/> does.</summary>
    /// <param name="id">The new finding's code.</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">The finding's family.</param>
    /// <param name="region">The body region, for a pain location.</param>
    /// <param name="question">How a clinician asks about or tests for it.</param>
    /// <param name="patientQuestion">The question in plain language, when it is asked of the patient.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddFinding(string id, string name, FindingKind kind, BodyRegion region = BodyRegion.None, string? question = null, string? patientQuestion = null) =>
        Change(_ => additions.AddFinding(id, name, kind, region, question, patientQuestion));

    /// <summary>
    /// Adds a finding that can be present in one sex only (<c>addFindings</c> with <c>"sex"</c>), as the
    /// <see cref="KnowledgeBaseBuilder.AddSexSpecificFinding"/> does.
    /// </summary>
    /// <param name="id">The new finding's code.</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">The finding's family.</param>
    /// <param name="sex">The one sex in which it can be present: <see cref="Sex.Female"/> or <see cref="Sex.Male"/>.</param>
    /// <param name="question">How a clinician asks about or tests for it; null when not given.</param>
    /// <param name="patientQuestion">The question in plain language, when it is asked of the patient; null otherwise.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sex"/> is not <see cref="Sex.Female"/> or <see cref="Sex.Male"/>.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddSexSpecificFinding(string id, string name, FindingKind kind, Sex sex, string? question = null, string? patientQuestion = null) =>
        Change(_ => additions.AddSexSpecificFinding(id, name, kind, sex, question, patientQuestion));

    /// <summary>
    /// Sets how often a finding is present among the clinic's patients, which the interviewer's answer model reads. For
    /// a finding this overlay adds (added before this call) it is the added finding's <c>presentRate</c>, as
    /// <see cref="KnowledgeBaseBuilder.SetPresentRate"/> sets it; for any other code it changes the base's finding
    /// (<c>findingNumbers</c>), which must exist when the overlay is applied (HPK051 otherwise). A value outside 0.01 to
    /// 0.99 is reported when the overlay is applied (HPK025 at <c>$.addFindings[i].presentRate</c> or
    /// <c>$.findingNumbers[i].presentRate</c>); setting one base finding's rate twice is reported then too (HPK052).
    /// </summary>
    /// <param name="findingId">The code of a finding this overlay adds, or of a finding of the base.</param>
    /// <param name="rate">The share of patients in whom the finding is present.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder SetPresentRate(string findingId, double rate)
    {
        ArgumentNullException.ThrowIfNull(findingId);
        if (additions.Findings.Any(f => f.Id == findingId))
        {
            return Change(_ => additions.SetPresentRate(findingId, rate));
        }

        return Change(d =>
        {
            // A second rate for the same base finding starts a second change, which applying reports (HPK052), as a
            // second rewording of one field does.
            var changes = d.FindingNumbers ??= [];
            var change = changes.FindLast(c => c.Id == findingId);
            if (change is null || ((ICodedDocument)change).Numbers[Finding.PresentRateName] is not null)
            {
                change = new FindingNumbersDocument { Id = findingId };
                changes.Add(change);
            }

            ((ICodedDocument)change).Numbers[Finding.PresentRateName] = rate;
        });
    }

    /// <summary>Adds a treatment, workup step or prevention measure (<c>addTreatments</c>), as <see cref="KnowledgeBaseBuilder.AddTreatment"/> does.</summary>
    /// <param name="id">The new treatment's id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">What kind of measure it is.</param>
    /// <param name="evidence">The evidence for it.</param>
    /// <param name="description">How to carry it out.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="name"/> or <paramref name="evidence"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddTreatment(string id, string name, TreatmentKind kind, Evidence evidence, string? description = null) =>
        Change(_ => additions.AddTreatment(id, name, kind, evidence, description));

    /// <summary>Adds a cause (<c>addCauses</c>), described with the same <see cref="CauseBuilder"/> as <see cref="KnowledgeBaseBuilder.AddCause"/>.</summary>
    /// <param name="id">The new cause's id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="configure">Sets the prior, codes, rules, groups and plan.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddCause(string id, string name, Action<CauseBuilder> configure) =>
        Change(_ => additions.AddCause(id, name, configure));

    /// <summary>Recommends a treatment for a cause of the base or of this overlay (<c>addRecommendations</c>).</summary>
    /// <param name="causeId">The cause.</param>
    /// <param name="treatmentId">The treatment, of the base or of this overlay.</param>
    /// <param name="line">Where it stands in the plan.</param>
    /// <param name="note">A note for this cause, or null.</param>
    /// <param name="evidence">The evidence for this treatment in this cause, or null for the treatment's own.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="causeId"/> or <paramref name="treatmentId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddRecommendation(string causeId, string treatmentId, TreatmentLine line = TreatmentLine.FirstLine, string? note = null, Evidence? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(causeId);
        ArgumentNullException.ThrowIfNull(treatmentId);
        return Change(d => (d.AddRecommendations ??= []).Add(DocumentWriter.Recommendation(
            new RecommendationDraft(treatmentId, note, evidence) { Line = line },
            new OverlayRecommendationDocument { Cause = causeId })));
    }

    /// <summary>Adds a red-flag gate (<c>addRedFlags</c>), described with the same <see cref="RedFlagBuilder"/> as <see cref="KnowledgeBaseBuilder.AddRedFlag"/>.</summary>
    /// <param name="id">The new gate's id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="configure">Sets the criterion, urgency, action and source.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder AddRedFlag(string id, string name, Action<RedFlagBuilder> configure) =>
        Change(_ => additions.AddRedFlag(id, name, configure));

    /// <summary>Rewords a base cause (<c>causeText</c>); the clinical content hash does not change.</summary>
    /// <param name="causeId">The base's cause.</param>
    /// <param name="name">The new name, or null to keep it.</param>
    /// <param name="description">The new description, or null to keep it.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="causeId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder CauseText(string causeId, string? name = null, string? description = null) =>
        Text(causeId, d => d.CauseText ??= [], WordedDocument.With(new TextChangeDocument { Id = causeId }, ("name", name), ("description", description)));

    /// <summary>Rewords a base finding (<c>findingText</c>).</summary>
    /// <param name="findingId">The base's finding.</param>
    /// <param name="name">The new name, or null to keep it.</param>
    /// <param name="question">The new clinician question, or null to keep it.</param>
    /// <param name="patientQuestion">The new patient question, or null to keep it.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder FindingText(string findingId, string? name = null, string? question = null, string? patientQuestion = null) =>
        Text(findingId, d => d.FindingText ??= [], WordedDocument.With(new TextChangeDocument { Id = findingId }, ("name", name), ("question", question), ("patientQuestion", patientQuestion)));

    /// <summary>Rewords a base treatment (<c>treatmentText</c>).</summary>
    /// <param name="treatmentId">The base's treatment.</param>
    /// <param name="name">The new name, or null to keep it.</param>
    /// <param name="description">The new description, or null to keep it.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatmentId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder TreatmentText(string treatmentId, string? name = null, string? description = null) =>
        Text(treatmentId, d => d.TreatmentText ??= [], WordedDocument.With(new TextChangeDocument { Id = treatmentId }, ("name", name), ("description", description)));

    /// <summary>Rewords a base red flag (<c>redFlagText</c>).</summary>
    /// <param name="redFlagId">The base's red flag.</param>
    /// <param name="name">The new name, or null to keep it.</param>
    /// <param name="action">The new action, or null to keep it.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="redFlagId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder RedFlagText(string redFlagId, string? name = null, string? action = null) =>
        Text(redFlagId, d => d.RedFlagText ??= [], WordedDocument.With(new TextChangeDocument { Id = redFlagId }, ("name", name), ("action", action)));

    /// <summary>
    /// Rewords one field of a base finding, cause, treatment or red flag, named by its text key: the same change as
    /// <see cref="FindingText"/>, <see cref="CauseText"/>, <see cref="TreatmentText"/> and <see cref="RedFlagText"/>,
    /// for any field the item's kind lets an overlay reword. Several fields of one item go into one text change.
    /// </summary>
    /// <param name="key">The item and field, for example <c>TextKey.FindingPatientQuestion("sym.fever")</c>.</param>
    /// <param name="text">The new text.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The key's section is not findings, causes, treatments or red flags, or names a field an overlay cannot reword.</exception>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlayBuilder Reword(TextKey key, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        EnsureOpen();
        var changes = key.Section switch
        {
            TextKey.FindingsSection => document.FindingText ??= [],
            TextKey.CausesSection => document.CauseText ??= [],
            TextKey.TreatmentsSection => document.TreatmentText ??= [],
            TextKey.RedFlagsSection => document.RedFlagText ??= [],
            _ => throw new ArgumentException($"An overlay rewords findings, causes, treatments and red flags, not section '{key.Section}'.", nameof(key)),
        };
        var kind = Wording.Of(key.Section)!;
        if (!kind.Rewordable.Contains(key.Field) || !TextChangeDocument.Fields.Contains(key.Field))
        {
            throw new ArgumentException($"An overlay cannot reword field '{key.Field}' of a {kind.Noun}; allowed: {string.Join(", ", kind.Rewordable)}.", nameof(key));
        }

        // A field this builder already set for the item starts a second change, which applying reports (HPK052).
        var change = changes.FindLast(c => c.Id == key.Id);
        if (change is null || change.Get(key.Field) is not null)
        {
            change = new TextChangeDocument { Id = key.Id };
            changes.Add(change);
        }

        change.Set(key.Field, text);
        return this;
    }

    /// <summary>Finishes the overlay. The builder refuses changes afterwards.</summary>
    /// <returns>The overlay, to apply with <see cref="KnowledgeBaseOverlay.ApplyTo"/> or <see cref="KnowledgeBaseOverlay.TryApplyTo"/>.</returns>
    /// <exception cref="InvalidOperationException">The overlay has already been built.</exception>
    public KnowledgeBaseOverlay Build()
    {
        EnsureOpen();
        built = true;
        document.AddFindings = additions.Findings.Count == 0 ? null : [.. additions.Findings.Select(DocumentWriter.Finding)];
        document.AddTreatments = additions.Treatments.Count == 0 ? null : [.. additions.Treatments.Select(DocumentWriter.Treatment)];
        document.AddCauses = additions.Causes.Count == 0 ? null : [.. additions.Causes.Select(DocumentWriter.Cause)];
        document.AddRedFlags = additions.RedFlags.Count == 0 ? null : [.. additions.RedFlags.Select(DocumentWriter.RedFlag)];
        return new KnowledgeBaseOverlay(document);
    }

    private KnowledgeBaseOverlayBuilder Text(string id, Func<OverlayDocument, List<TextChangeDocument>> changes, TextChangeDocument change, [CallerArgumentExpression(nameof(id))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(id, parameterName);
        return Change(d => changes(d).Add(change));
    }

    /// <summary>
    /// Makes one change to the overlay's document (or to the scratch builder of its additions) if the builder has not
    /// built the overlay yet, and returns this builder; each caller checks its own arguments first.
    /// </summary>
    private KnowledgeBaseOverlayBuilder Change(Action<OverlayDocument> change)
    {
        EnsureOpen();
        change(document);
        return this;
    }

    private void EnsureOpen()
    {
        if (built)
        {
            throw new InvalidOperationException($"The builder of overlay '{document.Id}' has already built it and refuses changes; start a new builder.");
        }
    }
}
