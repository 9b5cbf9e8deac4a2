using System.Globalization;
using System.Text;
using HipPain.Rules.Model;

namespace HipPain.Rules.Tests.Docs;

/// <summary>Renders the generated part of <c>docs/knowledge-base.md</c> from a knowledge base.</summary>
internal static class KnowledgeBaseDocument
{
    /// <summary>The document's path relative to the repository root.</summary>
    public const string RelativePath = "docs/knowledge-base.md";

    /// <summary>Renders every cause, rule, finding, red flag, treatment and source as markdown.</summary>
    /// <param name="kb">The knowledge base.</param>
    public static string Render(KnowledgeBase kb)
    {
        var md = new StringBuilder();
        var rulesByCause = kb.Causes.ToDictionary(c => c.Id, c => kb.RulesFor(c.Id), StringComparer.Ordinal);
        var allEvidence = kb.Rules.Select(r => r.Evidence)
            .Concat(kb.Causes.Select(c => c.PriorEvidence))
            .Concat(kb.RedFlags.Select(f => f.Evidence))
            .Concat(kb.Treatments.Select(t => t.Evidence))
            .ToList();

        Line(md, $"## Contents of `{kb.Id}` version {kb.Version}");
        Line(md);
        Line(md, $"Content hash `{kb.ContentHash}`.");
        Line(md);
        Line(md, "| Item | Count |");
        Line(md, "|---|---|");
        Line(md, $"| Causes | {kb.Causes.Length} |");
        Line(md, $"| Findings | {kb.Findings.Length} |");
        Line(md, $"| Rules (likelihood-ratio weights) | {kb.Rules.Length} |");
        Line(md, $"| of which not single-finding (clinical criteria, clusters, age and sex modifiers) | {kb.Rules.Count(r => !r.IsSingleFinding)} |");
        Line(md, $"| of which graded (one likelihood ratio per number of parts met) | {kb.Rules.Count(r => r is GradedRule)} |");
        Line(md, $"| Evidence groups (related rules counted once) | {kb.Groups.Length} |");
        Line(md, $"| Red-flag gates | {kb.RedFlags.Length} |");
        Line(md, $"| Treatments, workup steps and prevention measures | {kb.Treatments.Length} |");
        Line(md);
        Line(md, "Weights by verification status:");
        Line(md);
        Line(md, "| Status | Rules | Priors |");
        Line(md, "|---|---|---|");
        foreach (var status in Enum.GetValues<VerificationStatus>())
        {
            Line(md, $"| {status} | {kb.Rules.Count(r => r.Evidence.Status == status)} | {kb.Causes.Count(c => c.PriorEvidence.Status == status)} |");
        }

        Line(md);
        Line(md, "### Causes at a glance");
        Line(md);
        Line(md, "| Cause | Id | Prior | Urgency when suspected | ICD-10 | SNOMED CT | Rules |");
        Line(md, "|---|---|---|---|---|---|---|");
        foreach (var c in kb.Causes)
        {
            Line(md, $"| [{Cell(c.Name)}](#{c.Id}) | `{c.Id}` | {Percent(c.Prior)} | {c.SuspectedUrgency} | {c.Icd10 ?? "-"} | {c.SnomedCt ?? "-"} | {rulesByCause[c.Id].Length} |");
        }

        Line(md);
        Line(md, "## Causes");
        foreach (var c in kb.Causes)
        {
            Line(md);
            Line(md, $"### {c.Id}");
            Line(md);
            Line(md, $"**{Cell(c.Name)}.** {c.Description}");
            Line(md);
            Line(md, $"- Prior: {Percent(c.Prior)}. {EvidenceText(c.PriorEvidence)}");
            Line(md, $"- Urgency when suspected: {c.SuspectedUrgency}.");
            Line(md, $"- Running advice: {c.RunningAdvice.Restriction}. {c.RunningAdvice.Text}");
            Line(md);
            Line(md, "| Rule | Criterion | LR+ | LR- | Source | Level | Status | Note |");
            Line(md, "|---|---|---|---|---|---|---|---|");
            foreach (var r in rulesByCause[c.Id])
            {
                var label = r.Description is null ? $"`{r.Id}`" : $"`{r.Id}`: {Cell(r.Description)}";
                var e = r.Evidence;
                var (criterion, positive, negative) = r switch
                {
                    CriterionRule cr => (Describe(kb, cr.Criterion), Number(cr.Ratio.Positive), Number(cr.Ratio.Negative)),
                    GradedRule g => ("number met of (" + string.Join("; ", g.Parts.Select(p => Describe(kb, p))) + ")", "by number met: " + string.Join(" / ", g.RatiosByCount.Select(v => v is double d ? Number(d) : "no figure")), "-"),
                    _ => (r.Id, "-", "-"),
                };
                Line(md, $"| {label} | {Cell(criterion)} | {positive} | {negative} | {Cell(e.Citation)} | {e.Level} | {e.Status} | {Cell(e.Note ?? string.Empty)} |");
            }

            if (!kb.GroupsFor(c.Id).IsEmpty)
            {
                Line(md);
                Line(md, "Evidence groups (each counts once: its joint figure when decided, else its strongest member for plus its strongest against):");
                Line(md);
                Line(md, "| Group | Name | Members |");
                Line(md, "|---|---|---|");
                foreach (var g in kb.GroupsFor(c.Id))
                {
                    Line(md, $"| `{g.Id}` | {Cell(g.Name)} | {string.Join(", ", g.Members.Select(m => $"`{m.RuleId}`" + (m.IsJoint ? " (joint)" : string.Empty)))} |");
                }
            }

            Line(md);
            Line(md, "| Plan | Line | Kind | Evidence for this cause | Note |");
            Line(md, "|---|---|---|---|---|");
            foreach (var rec in c.Recommendations)
            {
                kb.TryGetTreatment(rec.TreatmentId, out var t);
                var evidence = rec.Evidence is { } own ? $"{own.Level}: {Cell(own.Citation)}" : $"{t!.Evidence.Level} (the treatment's)";
                Line(md, $"| {Cell(t!.Name)} (`{t.Id}`) | {rec.Line} | {t.Kind} | {evidence} | {Cell(rec.Note ?? string.Empty)} |");
            }
        }

        Line(md);
        Line(md, "## Red flags");
        Line(md);
        Line(md, "Evaluated on every case independently of the ranking; the case's urgency is the highest urgency of the gates that fire.");
        Line(md);
        Line(md, "| Red flag | Fires when | Urgency | Action | Running | Suspects | Source |");
        Line(md, "|---|---|---|---|---|---|---|");
        foreach (var f in kb.RedFlags)
        {
            Line(md, $"| `{f.Id}`: {Cell(f.Name)} | {Cell(Describe(kb, f.Criterion))} | {f.Urgency} | {Cell(f.Action)} | {f.RunningAdvice.Restriction}: {Cell(f.RunningAdvice.Text)} | {(f.SuspectedCauseIds.IsEmpty ? "-" : string.Join(", ", f.SuspectedCauseIds))} | {Cell(EvidenceText(f.Evidence))} |");
        }

        Line(md);
        Line(md, "## Findings");
        Line(md);
        Line(md, "| Code | Finding | Kind | Region | How to ask or test | Used by |");
        Line(md, "|---|---|---|---|---|---|");
        foreach (var f in kb.Findings)
        {
            var users = kb.Rules.Where(r => r.FindingIds().Contains(f.Id)).Select(r => r.CauseId)
                .Concat(kb.RedFlags.Where(r => r.Criterion.FindingIds().Contains(f.Id)).Select(r => r.Id))
                .Distinct(StringComparer.Ordinal);
            Line(md, $"| `{f.Id}` | {Cell(f.Name)} | {f.Kind}{(f.Sex == Sex.Unspecified ? string.Empty : $" ({f.Sex.ToString().ToLowerInvariant()} only)")}{(f.PresentRate is { } rate ? string.Create(CultureInfo.InvariantCulture, $"; present in {rate:0.##%} of patients (answer model)") : string.Empty)} | {(f.Region == BodyRegion.None ? "-" : f.Region.ToString())} | {Cell(f.Question ?? string.Empty)} | {string.Join(", ", users)} |");
        }

        Line(md);
        Line(md, "## Treatments, workup and prevention");
        Line(md);
        Line(md, "| Id | Treatment | Kind | Evidence level | Status | Source | Note | Offered for | Avoided for |");
        Line(md, "|---|---|---|---|---|---|---|---|---|");
        foreach (var t in kb.Treatments)
        {
            var offered = kb.Causes.Where(c => c.Recommendations.Any(r => r.TreatmentId == t.Id && r.Line != TreatmentLine.Avoid)).Select(c => c.Id);
            var avoided = kb.Causes.Where(c => c.Recommendations.Any(r => r.TreatmentId == t.Id && r.Line == TreatmentLine.Avoid)).Select(c => c.Id);
            Line(md, $"| `{t.Id}` | {Cell(t.Name)} | {t.Kind} | {t.Evidence.Level} | {t.Evidence.Status} | {Cell(t.Evidence.Citation)} | {Cell(t.Evidence.Note ?? t.Description ?? string.Empty)} | {string.Join(", ", offered)} | {string.Join(", ", avoided)} |");
        }

        Line(md);
        Line(md, "## Sources");
        Line(md);
        Line(md, "Every citation the base uses, with how many weights, priors, gates and treatments cite it.");
        Line(md);
        Line(md, "| Citation | Uses |");
        Line(md, "|---|---|");
        foreach (var group in allEvidence.GroupBy(e => e.Citation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line(md, $"| {Cell(group.Key)} | {group.Count()} |");
        }

        return md.ToString();
    }

    private static string Describe(KnowledgeBase kb, Criterion criterion) => criterion switch
    {
        FindingCriterion f => (f.Expected == FindingState.Absent ? "absent: " : string.Empty) + NameOf(kb, f.FindingId),
        CountCriterion c when c.Minimum == c.Parts.Length && c.Parts.Length > 1 => "all of (" + string.Join("; ", c.Parts.Select(p => Describe(kb, p))) + ")",
        CountCriterion c when c.Minimum == 1 && c.Parts.Length > 1 => "any of (" + string.Join("; ", c.Parts.Select(p => Describe(kb, p))) + ")",
        CountCriterion c when c.Parts.Length == 1 => Describe(kb, c.Parts[0]),
        CountCriterion c => string.Create(CultureInfo.InvariantCulture, $"at least {c.Minimum} of (") + string.Join("; ", c.Parts.Select(p => Describe(kb, p))) + ")",
        AgeCriterion a => a.Maximum is null ? $"age {a.Minimum} or over" : a.Minimum is null ? $"age {a.Maximum} or under" : $"age {a.Minimum}-{a.Maximum}",
        SexCriterion s => $"sex {s.Sex.ToString().ToLowerInvariant()}",
        _ => criterion.ToString(),
    };

    private static string NameOf(KnowledgeBase kb, string findingId) =>
        kb.TryGetFinding(findingId, out var f) ? $"{f.Name} (`{f.Id}`)" : $"`{findingId}`";

    private static string EvidenceText(Evidence e) =>
        $"{e.Citation} [{e.Level}; {e.Status}]" + (e.Note is null ? string.Empty : " " + e.Note);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Line(StringBuilder md, FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static void Line(StringBuilder md) => md.Append('\n');
}
