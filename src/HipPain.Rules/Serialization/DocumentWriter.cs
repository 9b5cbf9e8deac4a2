using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Serialization.Documents;

namespace HipPain.Rules.Serialization;

/// <summary>
/// Maps the immutable model to JSON documents, writing every value explicitly so a round trip is exact; and maps an
/// overlay's C# items (authoring drafts, not yet validated) to the documents a JSON overlay would hold.
/// </summary>
internal static class DocumentWriter
{
    public static KnowledgeBaseDocument KnowledgeBase(KnowledgeBase knowledgeBase) => new()
    {
        FormatVersion = JsonDocumentReader.FormatVersion,
        Id = knowledgeBase.Id,
        Version = knowledgeBase.Version,
        Title = knowledgeBase.Title,
        TextCulture = knowledgeBase.TextCulture == "en" ? null : knowledgeBase.TextCulture,
        DerivedFrom = knowledgeBase.DerivedFrom.IsEmpty ? null : [.. knowledgeBase.DerivedFrom.Select(d => new StampDocument { Id = d.Id, Version = d.Version, Hash = d.ContentHash })],
        Findings = [.. knowledgeBase.Findings.Select(Finding)],
        Treatments = [.. knowledgeBase.Treatments.Select(Treatment)],
        Causes = [.. knowledgeBase.Causes.Select(c => Cause(c, knowledgeBase.RulesFor(c.Id), knowledgeBase.GroupsFor(c.Id)))],
        RedFlags = [.. knowledgeBase.RedFlags.Select(RedFlag)],
    };

    public static CaseDocument Case(PatientCase patientCase) => new()
    {
        FormatVersion = JsonDocumentReader.FormatVersion,
        Label = patientCase.Label,
        Age = patientCase.Age,
        Sex = JsonEnum<Sex>.Name(patientCase.Sex),
        Observations = [.. patientCase.Observations.Select(o => new ObservationDocument { FindingId = o.FindingId, State = JsonEnum<FindingState>.Name(o.State) })],
    };

    private static FindingDocument Finding(Finding finding) => new()
    {
        Id = finding.Id,
        Name = finding.Name,
        Kind = JsonEnum<FindingKind>.Name(finding.Kind),
        Region = finding.Region == BodyRegion.None ? null : JsonEnum<BodyRegion>.Name(finding.Region),
        Question = finding.Question,
        PatientQuestion = finding.PatientQuestion,
    };

    private static TreatmentDocument Treatment(Treatment treatment) => new()
    {
        Id = treatment.Id,
        Name = treatment.Name,
        Kind = JsonEnum<TreatmentKind>.Name(treatment.Kind),
        Description = treatment.Description,
        Evidence = Evidence(treatment.Evidence),
    };

    private static CauseDocument Cause(Cause cause, IEnumerable<DiagnosticRule> rules, IReadOnlyCollection<EvidenceGroup> groups) => new()
    {
        Id = cause.Id,
        Name = cause.Name,
        Description = cause.Description,
        Icd10 = cause.Icd10,
        SnomedCt = cause.SnomedCt,
        Prior = cause.Prior,
        PriorEvidence = Evidence(cause.PriorEvidence),
        SuspectedUrgency = JsonEnum<Urgency>.Name(cause.SuspectedUrgency),
        Running = Running(cause.RunningAdvice),
        Rules = [.. rules.Select(Rule)],
        Groups = groups.Count == 0 ? null : [.. groups.Select(Group)],
        Recommendations = [.. cause.Recommendations.Select(r => Recommendation(r.TreatmentId, r.Line, r.Note, r.Evidence))],
    };

    private static RuleDocument Rule(DiagnosticRule rule) => rule switch
    {
        CriterionRule c => new()
        {
            Id = c.Id,
            Criterion = Criterion(c.Criterion),
            Ratio = new RatioDocument { Positive = c.Ratio.Positive, Negative = c.Ratio.Negative },
            Evidence = Evidence(c.Evidence),
            Description = c.Description,
        },
        GradedRule g => new()
        {
            Id = g.Id,
            Graded = new GradedDocument { Parts = [.. g.Parts.Select(Criterion)], Ratios = [.. g.RatiosByCount] },
            Evidence = Evidence(g.Evidence),
            Description = g.Description,
        },
        _ => throw new NotSupportedException($"Rule type {rule.GetType().Name} has no JSON form."),
    };

    private static GroupDocument Group(EvidenceGroup group) => new()
    {
        Id = group.Id,
        Name = group.Name,
        Members = Members(group.Members),
    };

    private static RedFlagDocument RedFlag(RedFlag flag) => new()
    {
        Id = flag.Id,
        Name = flag.Name,
        Criterion = Criterion(flag.Criterion),
        Urgency = JsonEnum<Urgency>.Name(flag.Urgency),
        Action = flag.Action,
        Running = Running(flag.RunningAdvice),
        Suspects = [.. flag.SuspectedCauseIds],
        Evidence = Evidence(flag.Evidence),
        AskWhen = flag.AskWhen is null ? null : Criterion(flag.AskWhen),
        Screen = flag.ScreeningFindingIds.IsEmpty ? null : [.. flag.ScreeningFindingIds],
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

    // Drafts of a C# overlay's added items. Unlike the model they may be incomplete (no prior, no action): each gap is
    // written as a missing property, which applying the overlay reports with the JSON overlay's code and path.
    public static FindingDocument Finding(FindingDraft finding) => new()
    {
        Id = finding.Id,
        Name = finding.Name,
        Kind = JsonEnum<FindingKind>.Name(finding.Kind),
        Region = finding.Region == BodyRegion.None ? null : JsonEnum<BodyRegion>.Name(finding.Region),
        Question = finding.Question,
        PatientQuestion = finding.PatientQuestion,
    };

    public static TreatmentDocument Treatment(TreatmentDraft treatment) => new()
    {
        Id = treatment.Id,
        Name = treatment.Name,
        Kind = JsonEnum<TreatmentKind>.Name(treatment.Kind),
        Description = treatment.Description,
        Evidence = Evidence(treatment.Evidence),
    };

    public static CauseDocument Cause(CauseDraft cause) => new()
    {
        Id = cause.Id,
        Name = cause.Name,
        Description = cause.Description,
        Icd10 = cause.Icd10,
        SnomedCt = cause.SnomedCt,
        Prior = cause.Prior,
        PriorEvidence = cause.PriorEvidence is null ? null : Evidence(cause.PriorEvidence),
        SuspectedUrgency = JsonEnum<Urgency>.Name(cause.SuspectedUrgency),
        Running = cause.RunningAdvice is null ? null : Running(cause.RunningAdvice),
        Rules = [.. cause.Rules.Select(Rule)],
        Groups = cause.Groups.Count == 0 ? null : [.. cause.Groups.Select(g => new GroupDocument { Id = g.Id, Name = g.Name, Members = Members(g.Members.Select(m => new EvidenceGroupMember(m.RuleId, m.IsJoint))) })],
        Recommendations = [.. cause.Recommendations.Select(r => Recommendation(r.TreatmentId, r.Line, r.Note, r.Evidence))],
    };

    public static RuleDocument Rule(RuleDraft rule) => rule.IsGraded
        ? new()
        {
            Id = rule.Id,
            Graded = new GradedDocument { Parts = [.. rule.Parts!.Select(Criterion)], Ratios = [.. rule.RatiosByCount!] },
            Evidence = Evidence(rule.Evidence),
            Description = rule.Description,
        }
        : new()
        {
            Id = rule.Id,
            Criterion = Criterion(rule.Criterion!),
            Ratio = new RatioDocument { Positive = rule.Positive, Negative = rule.Negative },
            Evidence = Evidence(rule.Evidence),
            Description = rule.Description,
        };

    public static RedFlagDocument RedFlag(RedFlagDraft flag) => new()
    {
        Id = flag.Id,
        Name = flag.Name,
        Criterion = flag.Criterion is null ? null : Criterion(flag.Criterion),
        Urgency = flag.Urgency is { } urgency ? JsonEnum<Urgency>.Name(urgency) : null,
        Action = flag.Action,
        Running = flag.RunningAdvice is null ? null : Running(flag.RunningAdvice),
        Suspects = [.. flag.SuspectedCauseIds],
        Evidence = flag.Evidence is null ? null : Evidence(flag.Evidence),
        AskWhen = flag.AskWhen is null ? null : Criterion(flag.AskWhen),
        Screen = flag.ScreeningFindingIds.Count == 0 ? null : [.. flag.ScreeningFindingIds],
    };

    public static List<GroupMemberDocument> Members(IEnumerable<EvidenceGroupMember> members) =>
        [.. members.Select(m => new GroupMemberDocument { Rule = m.RuleId, Joint = m.IsJoint ? true : null })];

    public static RecommendationDocument Recommendation(string treatmentId, TreatmentLine line, string? note, Evidence? evidence) => new()
    {
        TreatmentId = treatmentId,
        Line = line == TreatmentLine.FirstLine ? null : JsonEnum<TreatmentLine>.Name(line),
        Note = note,
        Evidence = evidence is null ? null : Evidence(evidence),
    };
}
