using HipPain.Rules.Model;

namespace HipPain.Rules.Authoring;

/// <summary>Authoring operations on a built <see cref="KnowledgeBase"/>.</summary>
/// <threadsafety>Stateless; thread-safe. Each call returns a new builder, which is not thread-safe.</threadsafety>
public static class KnowledgeBaseExtensions
{
    /// <summary>A new builder holding a copy of a knowledge base's content, for deriving a customised base.</summary>
    /// <param name="knowledgeBase">The knowledge base to copy.</param>
    /// <returns>An open builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="knowledgeBase"/> is null.</exception>
    public static KnowledgeBaseBuilder ToBuilder(this KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var kb = knowledgeBase;
        var builder = new KnowledgeBaseBuilder(kb.Id, kb.Version, kb.Title).SetTextCulture(kb.TextCulture);
        foreach (var f in kb.Findings)
        {
            // The kind is the builder's required argument; every enumerated field is copied below from Finding.Choices.
            builder.AddFinding(f.Id, f.Name, f.Kind, question: f.Question, patientQuestion: f.PatientQuestion);
        }

        foreach (var t in kb.Treatments)
        {
            // As for findings: the kind is the builder's required argument, and Treatment.Choices is copied below.
            builder.AddTreatment(t.Id, t.Name, t.Kind, t.Evidence, t.Description);
        }

        foreach (var c in kb.Causes)
        {
            builder.AddCause(c.Id, c.Name, b =>
            {
                b.Describe(c.Description).Prior(c.Prior, c.PriorEvidence).Running(c.RunningAdvice.Restriction, c.RunningAdvice.Text);
                foreach (var r in kb.RulesFor(c.Id))
                {
                    _ = r switch
                    {
                        GradedRule g => b.Graded(g.Id, g.Parts, g.RatiosByCount, g.Evidence, g.Description),
                        CriterionRule cr => b.Composite(cr.Id, cr.Criterion, cr.Ratio.Positive, cr.Ratio.Negative, cr.Evidence, cr.Description),
                        _ => throw new NotSupportedException($"Rule type {r.GetType().Name} cannot be copied."),
                    };
                }

                foreach (var g in kb.GroupsFor(c.Id))
                {
                    b.Group(g.Id, g.Name, gb =>
                    {
                        foreach (var m in g.Members)
                        {
                            gb.Member(m.RuleId, m.IsJoint);
                        }
                    });
                }

                foreach (var rec in c.Recommendations)
                {
                    // The line is the builder's argument too; TreatmentRecommendation.Choices is copied below.
                    b.Treat(rec.TreatmentId, rec.Line, rec.Note, rec.Evidence);
                }
            });
        }

        foreach (var flag in kb.RedFlags)
        {
            builder.AddRedFlag(flag.Id, flag.Name, b =>
            {
                b.When(flag.Criterion).Urgency(flag.Urgency).Action(flag.Action)
                    .Running(flag.RunningAdvice.Restriction, flag.RunningAdvice.Text)
                    .Suspect([.. flag.SuspectedCauseIds]).Evidence(flag.Evidence).Screen([.. flag.ScreeningFindingIds]);
                if (flag.AskWhen is { } context)
                {
                    b.AskWhen(context);
                }
            });
        }

        // The plain wording, field by field from the catalogue (Model/Wording.cs), so that a new wording field needs no
        // line here; the calls above already pass the text the builder's methods require.
        CopyWording(Finding.Wording, kb.Findings, builder.Findings);
        CopyWording(Treatment.Wording, kb.Treatments, builder.Treatments);
        CopyWording(Cause.Wording, kb.Causes, builder.Causes);
        CopyWording(DiagnosticRule.Wording, kb.Causes.SelectMany(c => kb.RulesFor(c.Id)), builder.Causes.SelectMany(c => c.Rules));
        CopyWording(EvidenceGroup.Wording, kb.Causes.SelectMany(c => kb.GroupsFor(c.Id)), builder.Causes.SelectMany(c => c.Groups));
        CopyWording(RedFlag.Wording, kb.RedFlags, builder.RedFlags);

        // The clinical codes, numbers and enumerated fields (such as the suspected urgency, a finding's kind and region,
        // a treatment's kind or a recommendation's line), one by one from their declarations (Cause.Codes, Cause.Numbers,
        // Cause.Choices, Finding.Numbers, Finding.Choices, Treatment.Choices, TreatmentRecommendation.Choices), for the same reason.
        foreach (var (finding, draft) in kb.Findings.Zip(builder.Findings))
        {
            foreach (var number in Finding.Numbers)
            {
                draft.Numbers[number.Name] = number.Read(finding);
            }

            CopyChoices(finding, ref draft.Choices);
        }

        foreach (var (treatment, draft) in kb.Treatments.Zip(builder.Treatments))
        {
            CopyChoices(treatment, ref draft.Choices);
        }

        foreach (var (cause, draft) in kb.Causes.Zip(builder.Causes))
        {
            foreach (var code in Cause.Codes)
            {
                draft.Codes[code.Name] = code.Read(cause);
            }

            foreach (var number in Cause.Numbers)
            {
                draft.Numbers[number.Name] = number.Read(cause);
            }

            CopyChoices(cause, ref draft.Choices);
            foreach (var (recommendation, recommendationDraft) in cause.Recommendations.Zip(draft.Recommendations))
            {
                CopyChoices(recommendation, ref recommendationDraft.Choices);
            }
        }

        return builder;
    }

    private static void CopyChoices<T>(T item, ref NamedChoices<T> choices)
    {
        var declarations = choices.Declarations;
        for (var i = 0; i < declarations.Length; i++)
        {
            choices[i] = declarations[i].Read(item);
        }
    }

    private static void CopyWording<T>(WordingKind<T> kind, IEnumerable<T> items, IEnumerable<WordedDraft> drafts)
    {
        foreach (var (item, draft) in items.Zip(drafts))
        {
            foreach (var (field, text) in kind.RewordableOf(item))
            {
                draft.Wording[field] = text;
            }
        }
    }
}
