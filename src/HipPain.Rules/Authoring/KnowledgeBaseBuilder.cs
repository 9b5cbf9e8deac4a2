using System.Collections.Immutable;
using HipPain.Rules.Model;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Authoring;

/// <summary>
/// Writes a knowledge base in C#: findings, treatments, causes with their rules and plans, and red-flag
/// gates. <see cref="Build"/> validates the whole base, reports every problem at once with stable codes,
/// and returns an immutable <see cref="KnowledgeBase"/>. After a successful build the builder refuses changes.
/// </summary>
/// <example>
/// <code>
/// var kb = new KnowledgeBaseBuilder("my-clinic", "1.0.0")
///     .AddFinding("loc.lateral-hip", "Lateral hip pain", FindingKind.PainLocation, BodyRegion.LateralHip)
///     .AddTreatment("tx.education", "Load-management education", TreatmentKind.SelfCare, evidence)
///     .AddCause("gtps", "Greater trochanteric pain syndrome", c => c
///         .Prior(0.3, priorEvidence)
///         .Finding("loc.lateral-hip", 3.0, 0.2, evidence)
///         .Treat("tx.education"))
///     .Build();
/// </code>
/// </example>
/// <threadsafety>Not thread-safe; build on one thread, then share the immutable result.</threadsafety>
public sealed class KnowledgeBaseBuilder
{
    private readonly List<FindingDraft> findings = [];
    private readonly List<TreatmentDraft> treatments = [];
    private readonly List<CauseDraft> causes = [];
    private readonly List<RedFlagDraft> redFlags = [];
    private bool built;

    /// <summary>Starts an empty knowledge base.</summary>
    /// <param name="id">The knowledge base's stable id; results are stamped with it.</param>
    /// <param name="version">The knowledge base's version; results are stamped with it.</param>
    /// <param name="title">An optional display title.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="version"/> is null.</exception>
    public KnowledgeBaseBuilder(string id, string version, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        Id = id;
        Version = version;
        Title = title;
    }

    /// <summary>The knowledge base's id.</summary>
    public string Id { get; private set; }

    /// <summary>The knowledge base's version.</summary>
    public string Version { get; private set; }

    /// <summary>The display title, or null.</summary>
    public string? Title { get; private set; }

    /// <summary>The language the base's wording is written in, as a culture name; default <c>en</c>.</summary>
    public string TextCulture { get; private set; } = "en";

    /// <summary>
    /// The largest JSON form this builder accepts (HPK018), as <see cref="JsonSizeBound"/> bounds it; by default
    /// <see cref="KnowledgeBaseLimits.MaximumJsonBytes"/>. Raised only through <see cref="AllowJsonBytes"/>, which is internal.
    /// </summary>
    internal long MaximumJsonBytes { get; private set; } = KnowledgeBaseLimits.MaximumJsonBytes;

    /// <summary>The bases an overlay derived this one from (set through <see cref="FromDocument"/>).</summary>
    internal ImmutableArray<KnowledgeBaseStamp> DerivedFrom { get; private set; } = [];

    internal IReadOnlyList<FindingDraft> Findings => findings;

    internal IReadOnlyList<TreatmentDraft> Treatments => treatments;

    internal IReadOnlyList<CauseDraft> Causes => causes;

    internal IReadOnlyList<RedFlagDraft> RedFlags => redFlags;

    /// <summary>Changes the id, version and title, for example when a clinic derives its own base.</summary>
    /// <param name="id">The new id.</param>
    /// <param name="version">The new version.</param>
    /// <param name="title">The new title, or null.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="version"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder SetIdentity(string id, string version, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        EnsureOpen();
        Id = id;
        Version = version;
        Title = title;
        return this;
    }

    /// <summary>Says which language the base's names, questions and descriptions are written in (the default text pack's culture).</summary>
    /// <param name="culture">A culture name such as <c>en</c> or <c>es-MX</c> (checked when the base is built, code HPK012).</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder SetTextCulture(string culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        EnsureOpen();
        TextCulture = culture;
        return this;
    }

    /// <summary>Adds a finding to the vocabulary.</summary>
    /// <param name="id">The stable code cases use, for example <c>exam.single-leg-stance</c>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">The finding's family.</param>
    /// <param name="region">The body region, for a pain location.</param>
    /// <param name="question">How a clinician asks about or tests for it.</param>
    /// <param name="patientQuestion">The question in plain language for the patient, when it is asked of the patient.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder AddFinding(string id, string name, FindingKind kind, BodyRegion region = BodyRegion.None, string? question = null, string? patientQuestion = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(name);
        Add(new FindingDraft(id, name, question, patientQuestion) { Kind = kind, Region = region });
        return this;
    }

    /// <summary>
    /// Adds a finding that can be present in one sex only (<see cref="Finding.Sex"/>), such as a pregnancy: a case of the
    /// other sex may not give it as present, and an interview does not ask it of that patient.
    /// </summary>
    /// <param name="id">The stable code cases use, for example <c>rf.pregnancy-postpartum</c>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">The finding's family.</param>
    /// <param name="sex">The one sex in which it can be present: <see cref="Sex.Female"/> or <see cref="Sex.Male"/>.</param>
    /// <param name="question">How a clinician asks about or tests for it; null when not given.</param>
    /// <param name="patientQuestion">The question in plain language for the patient; null when it is not asked of the patient.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sex"/> is not <see cref="Sex.Female"/> or <see cref="Sex.Male"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder AddSexSpecificFinding(string id, string name, FindingKind kind, Sex sex, string? question = null, string? patientQuestion = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(name);
        if (sex is not (Sex.Female or Sex.Male))
        {
            throw new ArgumentOutOfRangeException(nameof(sex), sex, $"Finding '{id}': a one-sex finding names Female or Male; use AddFinding for a finding anyone can have.");
        }

        var draft = new FindingDraft(id, name, question, patientQuestion) { Kind = kind, Sex = sex };
        Add(draft);
        return this;
    }

    /// <summary>
    /// Sets how often a finding already added is present among the patients the base is for
    /// (<see cref="Finding.PresentRate"/>): a share from 0.01 to 0.99, read only by the interviewer's answer model, where a
    /// source gives it. A value outside that range is reported when the base is built (HPK025, at the finding's
    /// <c>presentRate</c>), as a prior's is; setting it again replaces it.
    /// </summary>
    /// <param name="findingId">The code of a finding this builder has added.</param>
    /// <param name="rate">The share of patients in whom the finding is present.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findingId"/> is null.</exception>
    /// <exception cref="ArgumentException">This builder has no finding <paramref name="findingId"/>; add it first.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder SetPresentRate(string findingId, double rate)
    {
        ArgumentNullException.ThrowIfNull(findingId);
        EnsureOpen();
        var draft = Findings.LastOrDefault(f => string.Equals(f.Id, findingId, StringComparison.Ordinal))
            ?? throw new ArgumentException($"No finding '{findingId}' has been added; call AddFinding before SetPresentRate.", nameof(findingId));
        draft.Numbers[Finding.PresentRateName] = rate;
        return this;
    }

    /// <summary>Adds a treatment, workup step or prevention measure.</summary>
    /// <param name="id">The stable id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">What kind of measure it is.</param>
    /// <param name="evidence">The evidence for it, with its level.</param>
    /// <param name="description">How to carry it out.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="name"/> or <paramref name="evidence"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder AddTreatment(string id, string name, TreatmentKind kind, Evidence evidence, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(evidence);
        Add(new TreatmentDraft(id, name, evidence, description) { Kind = kind });
        return this;
    }

    /// <summary>Adds a cause and describes it.</summary>
    /// <param name="id">The stable id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="configure">Sets the prior, codes, rules and plan.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder AddCause(string id, string name, Action<CauseBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Describe(new CauseDraft(id, name), Add, draft => configure(new CauseBuilder(draft, this)));
    }

    /// <summary>Adds a red-flag gate and describes it.</summary>
    /// <param name="id">The stable id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="configure">Sets the criterion, urgency, action and source.</param>
    /// <returns>This builder, so calls chain.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBaseBuilder AddRedFlag(string id, string name, Action<RedFlagBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Describe(new RedFlagDraft(id, name), Add, draft => configure(new RedFlagBuilder(draft, this)));
    }

    /// <summary>Checks the whole knowledge base without building it.</summary>
    /// <returns>Every problem found, in a stable order; empty when the base is valid.</returns>
    public ImmutableArray<ValidationProblem> Validate() => KnowledgeBaseValidator.Validate(this);

    /// <summary>Validates and builds the knowledge base. The builder refuses changes afterwards.</summary>
    /// <returns>The immutable knowledge base.</returns>
    /// <exception cref="KnowledgeBaseValidationException">The base has problems; the exception lists every one.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public KnowledgeBase Build()
    {
        if (!TryBuild(out var knowledgeBase, out var problems))
        {
            throw new KnowledgeBaseValidationException(Id, problems);
        }

        return knowledgeBase;
    }

    /// <summary>Validates and builds the knowledge base without throwing on problems.</summary>
    /// <param name="knowledgeBase">The knowledge base, or null when there are problems.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns>True when the base was built.</returns>
    /// <exception cref="InvalidOperationException">The builder has already built its knowledge base.</exception>
    public bool TryBuild([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnowledgeBase? knowledgeBase, out ImmutableArray<ValidationProblem> problems)
    {
        EnsureOpen();
        problems = Validate();
        if (!problems.IsEmpty)
        {
            knowledgeBase = null;
            return false;
        }

        knowledgeBase = DraftConversion.ToKnowledgeBase(this);
        built = true;
        return true;
    }

    // The seam for readers of documents (a knowledge-base JSON document, an overlay): they map each item to a draft,
    // with the path it came from, and hand it over here; the builder's lists stay its own.

    /// <summary>
    /// Raises the JSON size bound of this builder, for the scaling benchmarks' generated bases (10,000 findings with two
    /// rules each) and their tests only. Deliberately not public: the 4 MiB bound is the control against a hostile pack
    /// (docs/safety/hazard-log.md), every reader, overlay and public builder keeps it, and a base built past it cannot be
    /// read back from JSON with the reader's default limits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumBytes"/> is below <see cref="KnowledgeBaseLimits.MaximumJsonBytes"/>.</exception>
    internal KnowledgeBaseBuilder AllowJsonBytes(long maximumBytes)
    {
        EnsureOpen();
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumBytes, KnowledgeBaseLimits.MaximumJsonBytes);
        MaximumJsonBytes = maximumBytes;
        return this;
    }

    /// <summary>Marks the builder as made from a document (its drafts carry the document's paths): the result derives from <paramref name="derivedFrom"/>.</summary>
    internal KnowledgeBaseBuilder FromDocument(ImmutableArray<KnowledgeBaseStamp> derivedFrom)
    {
        EnsureOpen();
        DerivedFrom = derivedFrom;
        return this;
    }

    /// <summary>Adds a finding mapped from a document.</summary>
    internal void Add(FindingDraft draft)
    {
        EnsureOpen();
        findings.Add(draft);
    }

    /// <summary>Adds a treatment mapped from a document.</summary>
    internal void Add(TreatmentDraft draft)
    {
        EnsureOpen();
        treatments.Add(draft);
    }

    /// <summary>Adds a cause mapped from a document.</summary>
    internal void Add(CauseDraft draft)
    {
        EnsureOpen();
        causes.Add(draft);
    }

    /// <summary>Adds a red flag mapped from a document.</summary>
    internal void Add(RedFlagDraft draft)
    {
        EnsureOpen();
        redFlags.Add(draft);
    }

    /// <summary>Replaces the likelihood ratios of one criterion rule; used by tests.</summary>
    internal void ReplaceRatio(string ruleId, double positive, double negative)
    {
        var rule = FindRule(ruleId);
        rule.Positive = positive;
        rule.Negative = negative;
    }

    /// <summary>Replaces the table of one graded rule; used by tests.</summary>
    internal void ReplaceGradedRatios(string ruleId, IEnumerable<double?> ratiosByCount)
    {
        var rule = FindRule(ruleId);
        rule.RatiosByCount!.Clear();
        rule.RatiosByCount.AddRange(ratiosByCount);
    }

    /// <summary>Removes one rule, and its membership of any group (a group left empty goes too); used by tests.</summary>
    internal void RemoveRule(string ruleId)
    {
        var rule = FindRule(ruleId);
        foreach (var cause in Causes)
        {
            cause.Rules.Remove(rule);
            foreach (var group in cause.Groups)
            {
                group.Members.RemoveAll(m => m.RuleId == ruleId);
            }

            cause.Groups.RemoveAll(g => g.Members.Count == 0);
        }
    }

    /// <summary>
    /// The one way a public <c>Add</c> with a describing callback adds its item: the open check and the item's place in
    /// its list first (<paramref name="add"/>, one of the <c>Add</c> overloads above), then the callback on the item's
    /// own builder.
    /// </summary>
    private KnowledgeBaseBuilder Describe<TDraft>(TDraft draft, Action<TDraft> add, Action<TDraft> describe)
    {
        add(draft);
        describe(draft);
        return this;
    }

    private RuleDraft FindRule(string ruleId)
    {
        EnsureOpen();
        return Causes.SelectMany(c => c.Rules).FirstOrDefault(r => r.Id == ruleId)
            ?? throw new KeyNotFoundException($"Knowledge base '{Id}' has no rule '{ruleId}'.");
    }

    internal void EnsureOpen()
    {
        if (built)
        {
            throw new InvalidOperationException(
                $"The builder of knowledge base '{Id}' has already built it and refuses changes; start a new builder (or call knowledgeBase.ToBuilder()).");
        }
    }
}
