using System.Collections.Immutable;
using HipPain.Rules.Model;

namespace HipPain.Rules.Scoring;

/// <summary>Builds the care plan for the leading causes, shaped by urgency.</summary>
internal static class CarePlanner
{
    public static CarePlan Plan(
        KnowledgeBase knowledgeBase,
        ImmutableArray<RankedCause> differential,
        ImmutableArray<RedFlagOutcome> redFlags,
        Urgency urgency,
        int leadingCount)
    {
        var fired = redFlags.Where(r => r.Status == RedFlagStatus.Fired).Select(r => r.RedFlag).ToList();
        var flagged = new HashSet<string>(fired.SelectMany(f => f.SuspectedCauseIds), StringComparer.Ordinal);

        // Causes named by fired flags come first, then the top of the differential.
        var leading = differential.Where(r => flagged.Contains(r.Cause.Id))
            .Concat(differential.Take(leadingCount))
            .Select(r => r.Cause)
            .Distinct()
            .ToList();

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var order = new List<Entry>();
        foreach (var cause in leading)
        {
            foreach (var rec in cause.Recommendations)
            {
                if (!entries.TryGetValue(rec.TreatmentId, out var entry))
                {
                    entry = new Entry(GetTreatment(knowledgeBase, rec.TreatmentId));
                    entries.Add(rec.TreatmentId, entry);
                    order.Add(entry);
                }

                entry.Add(cause, rec);
            }
        }

        var urgentMode = urgency >= Urgency.Urgent;
        var firedNames = string.Join(", ", fired.Select(f => f.Name));
        var workup = ImmutableArray.CreateBuilder<PlanItem>();
        var treatments = ImmutableArray.CreateBuilder<PlanItem>();
        var deferred = ImmutableArray.CreateBuilder<PlanItem>();
        var avoid = ImmutableArray.CreateBuilder<PlanItem>();
        var prevention = ImmutableArray.CreateBuilder<PlanItem>();
        foreach (var entry in order)
        {
            if (entry.AvoidedBy.Count > 0)
            {
                var notes = entry.AvoidedBy.Select(a => $"Avoid for {a.Cause.Name}{(a.Note is null ? "" : ": " + a.Note)}")
                    .Concat(entry.RecommendedBy.Select(r => $"Would otherwise be offered for {r.Cause.Name}"));
                var causes = entry.AvoidedBy.Select(a => (a.Cause.Id, a.Evidence)).Concat(entry.RecommendedBy.Select(r => (r.Cause.Id, r.Evidence))).DistinctBy(c => c.Id).ToList();
                avoid.Add(new PlanItem(entry.Treatment, TreatmentLine.Avoid, [.. causes.Select(c => c.Id)], [.. causes.Select(c => c.Evidence)], [.. notes]));
                continue;
            }

            var item = entry.ToItem();
            if (entry.Treatment.IsWorkup)
            {
                workup.Add(item);
            }
            else if (entry.Treatment.Kind == TreatmentKind.Prevention)
            {
                prevention.Add(item);
            }
            else if (urgentMode && !entry.RecommendedBy.Any(r => flagged.Contains(r.Cause.Id)))
            {
                deferred.Add(new PlanItem(item.Treatment, item.Line, item.CauseIds, item.CauseEvidence, item.Notes.Add($"Deferred until the red flag is cleared: {firedNames}.")));
            }
            else
            {
                treatments.Add(item);
            }
        }

        var actions = fired.OrderByDescending(f => f.Urgency).Select(f => $"{f.Urgency}: {f.Action}").ToImmutableArray();
        var running = fired.Select(f => f.RunningAdvice)
            .Append(differential[0].Cause.RunningAdvice)
            .Aggregate((best, next) => next.Restriction > best.Restriction ? next : best);
        return new CarePlan(urgency, actions, running, workup.ToImmutable(), treatments.ToImmutable(), deferred.ToImmutable(), avoid.ToImmutable(), prevention.ToImmutable());
    }

    private static Treatment GetTreatment(KnowledgeBase knowledgeBase, string id) =>
        knowledgeBase.TryGetTreatment(id, out var treatment)
            ? treatment
            : throw new InvalidOperationException($"Knowledge base '{knowledgeBase.Id}' lost treatment '{id}' after validation.");

    private sealed class Entry(Treatment treatment)
    {
        public Treatment Treatment { get; } = treatment;

        public List<(Cause Cause, string? Note, TreatmentLine Line, Evidence Evidence)> RecommendedBy { get; } = [];

        public List<(Cause Cause, string? Note, Evidence Evidence)> AvoidedBy { get; } = [];

        public void Add(Cause cause, TreatmentRecommendation rec)
        {
            if (rec.Line == TreatmentLine.Avoid)
            {
                AvoidedBy.Add((cause, rec.Note, rec.EvidenceWith(Treatment)));
            }
            else
            {
                RecommendedBy.Add((cause, rec.Note, rec.Line, rec.EvidenceWith(Treatment)));
            }
        }

        public PlanItem ToItem()
        {
            var causes = RecommendedBy.DistinctBy(r => r.Cause.Id).ToList();
            return new(
                Treatment,
                RecommendedBy.Min(r => r.Line),
                [.. causes.Select(r => r.Cause.Id)],
                [.. causes.Select(r => r.Evidence)],
                [.. RecommendedBy.Where(r => r.Note is not null).Select(r => $"{r.Cause.Name}: {r.Note}")]);
        }
    }
}
