using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Maps authoring drafts to JSON documents, writing every value explicitly so a round trip is exact: a built base is
/// written from its builder copy (<see cref="KnowledgeBaseExtensions.ToBuilder"/>), and an overlay's C# items (drafts,
/// not yet validated) become the documents a JSON overlay would hold.
/// </summary>
internal static class DocumentWriter
{
    /// <summary>
    /// The document of a built knowledge base. The content goes through the same draft mapping as an overlay's C#
    /// items (the base's builder copy), so the shape of a finding, cause, rule or red flag is written in one place.
    /// </summary>
    public static KnowledgeBaseDocument KnowledgeBase(KnowledgeBase knowledgeBase)
    {
        var drafts = knowledgeBase.ToBuilder();
        return new()
        {
            FormatVersion = JsonDocumentReader.FormatVersion,
            Id = knowledgeBase.Id,
            Version = knowledgeBase.Version,
            Title = knowledgeBase.Title,
            TextCulture = knowledgeBase.TextCulture == "en" ? null : knowledgeBase.TextCulture,
            DerivedFrom = knowledgeBase.DerivedFrom.IsEmpty ? null : [.. knowledgeBase.DerivedFrom.Select(d => new StampDocument { Id = d.Id, Version = d.Version, Hash = d.ContentHash })],
            Findings = [.. drafts.Findings.Select(Finding)],
            Treatments = [.. drafts.Treatments.Select(Treatment)],
            Causes = [.. drafts.Causes.Select(Cause)],
            RedFlags = [.. drafts.RedFlags.Select(RedFlag)],
        };
    }

    public static CaseDocument Case(PatientCase patientCase) => new()
    {
        FormatVersion = JsonDocumentReader.FormatVersion,
        Label = patientCase.Label,
        Age = patientCase.Age,
        Sex = JsonEnum<Sex>.Name(patientCase.Sex),
        Observations = [.. patientCase.Observations.Select(o => new ObservationDocument { FindingId = o.FindingId, State = JsonEnum<FindingState>.Name(o.State) })],
    };

    public static CriterionDocument Criterion(Criterion criterion) => criterion switch
    {
        FindingCriterion { Expected: FindingState.Absent } f => new() { Absent = f.FindingId },
        FindingCriterion f => new() { Present = f.FindingId },
        CountCriterion c when c.Minimum == c.Parts.Length => new() { AllOf = [.. c.Parts.Select(Criterion)] },
        CountCriterion c when c.Minimum == 1 => new() { AnyOf = [.. c.Parts.Select(Criterion)] },
        CountCriterion c => new() { AtLeast = c.Minimum, Of = [.. c.Parts.Select(Criterion)] },
        AgeCriterion a => new() { Age = new AgeDocument { Minimum = a.Minimum, Maximum = a.Maximum } },
        SexCriterion s => new() { Sex = JsonEnum<Sex>.Name(s.Sex) },
        _ => throw new NotSupportedException($"Criterion type {criterion.GetType().Name} has no JSON form."),
    };

    public static EvidenceDocument Evidence(Evidence evidence) => new()
    {
        Citation = evidence.Citation,
        Level = JsonEnum<EvidenceLevel>.Name(evidence.Level),
        Status = JsonEnum<VerificationStatus>.Name(evidence.Status),
        Note = evidence.Note,
    };

    private static RunningDocument Running(RunningAdvice advice) => new()
    {
        Restriction = JsonEnum<RunningRestriction>.Name(advice.Restriction),
        Text = advice.Text,
    };

    // Drafts: a built base's copy, or a C# overlay's added items. An overlay's drafts may be incomplete (no prior, no
    // action): each gap is written as a missing property, which applying the overlay reports with the JSON overlay's
    // code and path.
    public static FindingDocument Finding(FindingDraft finding) => Coded(new NamedTexts([]), finding.Numbers, finding.Choices, Worded(finding, new FindingDocument
    {
        Id = finding.Id,
    }));

    public static TreatmentDocument Treatment(TreatmentDraft treatment) => Chosen(treatment.Choices, Worded(treatment, new TreatmentDocument
    {
        Id = treatment.Id,
        Evidence = Evidence(treatment.Evidence),
    }));

    public static CauseDocument Cause(CauseDraft cause) => Coded(cause.Codes, cause.Numbers, cause.Choices, Worded(cause, new CauseDocument
    {
        Id = cause.Id,
        Prior = cause.Prior,
        PriorEvidence = cause.PriorEvidence is null ? null : Evidence(cause.PriorEvidence),
        Running = cause.RunningAdvice is null ? null : Running(cause.RunningAdvice),
        Rules = [.. cause.Rules.Select(Rule)],
        Groups = cause.Groups.Count == 0 ? null : [.. cause.Groups.Select(g => Worded(g, new GroupDocument { Id = g.Id, Members = Members(g.Members.Select(m => new EvidenceGroupMember(m.RuleId, m.IsJoint))) }))],
        Recommendations = [.. cause.Recommendations.Select(r => Recommendation(r, new RecommendationDocument()))],
    }));

    public static RuleDocument Rule(RuleDraft rule) => Worded(rule, rule.IsGraded
        ? new RuleDocument
        {
            Id = rule.Id,
            Graded = new GradedDocument { Parts = [.. rule.Parts!.Select(Criterion)], Ratios = [.. rule.RatiosByCount!] },
            Evidence = Evidence(rule.Evidence),
        }
        : new RuleDocument
        {
            Id = rule.Id,
            Criterion = Criterion(rule.Criterion!),
            Ratio = new RatioDocument { Positive = rule.Positive, Negative = rule.Negative },
            Evidence = Evidence(rule.Evidence),
        });

    public static RedFlagDocument RedFlag(RedFlagDraft flag) => Worded(flag, new RedFlagDocument
    {
        Id = flag.Id,
        Criterion = flag.Criterion is null ? null : Criterion(flag.Criterion),
        Urgency = flag.Urgency is { } urgency ? JsonEnum<Urgency>.Name(urgency) : null,
        Running = flag.RunningAdvice is null ? null : Running(flag.RunningAdvice),
        Suspects = [.. flag.SuspectedCauseIds],
        Evidence = flag.Evidence is null ? null : Evidence(flag.Evidence),
        AskWhen = flag.AskWhen is null ? null : Criterion(flag.AskWhen),
        Screen = flag.ScreeningFindingIds.Count == 0 ? null : [.. flag.ScreeningFindingIds],
    });

    /// <summary>
    /// Copies every wording field of the draft into the document, by field name (Model/Wording.cs), so that a new
    /// wording field needs only its document property.
    /// </summary>
    private static T Worded<T>(WordedDraft draft, T document)
        where T : WordedDocument
    {
        foreach (var (field, text) in draft.Wording.Texts)
        {
            document.Set(field, text);
        }

        return document;
    }

    /// <summary>
    /// Copies every clinical code, number and enumerated field of a draft into the document, by name
    /// (<see cref="Model.Cause.Codes"/>, <see cref="Model.Cause.Numbers"/>, <see cref="Model.Cause.Choices"/>): an
    /// enumerated field that is set as its value's JSON name.
    /// </summary>
    private static T Coded<T, TItem>(NamedTexts codes, NamedNumbers numbers, in NamedChoices<TItem> choices, T document)
        where T : ICodedDocument
    {
        Chosen(choices, document);
        foreach (var (name, value) in codes.Texts)
        {
            document.Codes[name] = value;
        }

        foreach (var (name, value) in numbers.Values)
        {
            document.Numbers[name] = value;
        }

        return document;
    }

    /// <summary>
    /// Writes every enumerated field of a draft into the document (<see cref="Model.Cause.Choices"/>,
    /// <see cref="Model.Finding.Choices"/>, <see cref="Model.Treatment.Choices"/>, <see cref="TreatmentRecommendation.Choices"/>),
    /// as its value's JSON name, unless the declaration leaves it out (no value, or the default of a field that omits
    /// it: a finding's <c>region</c> <c>none</c>, a recommendation's <c>line</c> <c>firstLine</c>). A loop by index over
    /// cached names.
    /// </summary>
    private static T Chosen<T, TItem>(in NamedChoices<TItem> choices, T document)
        where T : IChoiceDocument
    {
        var declarations = choices.Declarations;
        for (var i = 0; i < declarations.Length; i++)
        {
            if (choices[i] is { } value && !declarations[i].IsLeftOut(value))
            {
                document.ChoiceNames[i] = declarations[i].NameOf(value);
            }
        }

        return document;
    }

    public static List<GroupMemberDocument> Members(IEnumerable<EvidenceGroupMember> members) =>
        [.. members.Select(m => new GroupMemberDocument { Rule = m.RuleId, Joint = m.IsJoint ? true : null })];

    /// <summary>
    /// Writes a recommendation into <paramref name="document"/> (a cause's, or an overlay's added one, which names its
    /// cause): its treatment, note and evidence, and its enumerated fields (<see cref="TreatmentRecommendation.Choices"/>).
    /// </summary>
    public static T Recommendation<T>(RecommendationDraft recommendation, T document)
        where T : RecommendationDocument
    {
        document.TreatmentId = recommendation.TreatmentId;
        document.Note = recommendation.Note;
        document.Evidence = recommendation.Evidence is null ? null : Evidence(recommendation.Evidence);
        return Chosen(recommendation.Choices, document);
    }
}
