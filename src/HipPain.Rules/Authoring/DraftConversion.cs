using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

/// <summary>Copies a validated builder's drafts into the immutable model (the one place drafts become model objects).</summary>
internal static class DraftConversion
{
    /// <summary>The knowledge base a builder describes; the builder must have passed validation.</summary>
    public static KnowledgeBase ToKnowledgeBase(KnowledgeBaseBuilder builder)
    {
        // Findings, treatments, causes and red flags read their plain wording from the draft's by field name, and causes
        // their clinical codes, numbers and enumerated fields (findings their numbers and enumerated fields, treatments and
        // recommendations their enumerated fields), so that a new wording field, code, number or enumerated field needs no argument here.
        var findings = builder.Findings.Select(f => new Finding(f.Id, field => f.Wording[field], number => f.Numbers[number], f.Choices)).ToImmutableArray();
        var treatments = builder.Treatments.Select(t => new Treatment(t.Id, field => t.Wording[field], t.Choices, t.Evidence)).ToImmutableArray();
        var causes = builder.Causes.Select(c => new Cause(
            c.Id,
            field => c.Wording[field],
            code => c.Codes[code],
            number => c.Numbers[number],
            c.Choices,
            c.Prior!.Value,
            c.PriorEvidence!,
            [.. c.Recommendations.Select(r => new TreatmentRecommendation(r.TreatmentId, r.Choices, r.Note, r.Evidence))],
            c.RunningAdvice ?? DefaultRunningAdvice(c.SuspectedUrgency))).ToImmutableArray();
        var rules = builder.Causes.SelectMany(c => c.Rules.Select(r => r.IsGraded
            ? (DiagnosticRule)new GradedRule(r.Id, c.Id, [.. r.Parts!], [.. r.RatiosByCount!], r.Evidence, r.Description)
            : new CriterionRule(r.Id, c.Id, r.Criterion!, new LikelihoodRatio(r.Positive, r.Negative, r.Evidence), r.Description))).ToImmutableArray();
        var groups = builder.Causes.SelectMany(c => c.Groups.Select(g => new EvidenceGroup(
            g.Id,
            c.Id,
            g.Name,
            [.. g.Members.Select(m => new EvidenceGroupMember(m.RuleId, m.IsJoint))]))).ToImmutableArray();
        var flags = builder.RedFlags.Select(f => new RedFlag(
            f.Id,
            field => f.Wording[field],
            f.Criterion!,
            f.Urgency!.Value,
            f.RunningAdvice ?? DefaultRunningAdvice(f.Urgency!.Value),
            [.. f.SuspectedCauseIds],
            f.Evidence!,
            f.AskWhen,
            [.. f.ScreeningFindingIds])).ToImmutableArray();
        return new KnowledgeBase(builder.Id, builder.Version, builder.Title, builder.TextCulture, builder.DerivedFrom, findings, treatments, causes, rules, groups, flags);
    }

    public static RunningAdvice DefaultRunningAdvice(Urgency urgency) => urgency >= Urgency.Urgent
        ? new RunningAdvice(RunningRestriction.StopRunning, "Stop running until a clinician has excluded a serious cause.")
        : new RunningAdvice(RunningRestriction.ReduceLoad, "Reduce running to a level that does not provoke pain until reviewed.");
}
