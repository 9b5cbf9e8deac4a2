using System.Collections.Frozen;
using HipPain.Rules.Model;

namespace HipPain.Rules.Interview;

/// <summary>
/// The interviewer's own compiled view of a knowledge base: prior log-odds, log likelihood ratios, and for each
/// finding the rules and red-flag gates that read it, so that the effect of one answer is found by
/// re-evaluating only those. It scores with the same model as <c>TriageEngine</c> (tests hold them equal) but
/// depends only on the public knowledge-base model.
/// </summary>
internal sealed class InterviewModel
{
    public InterviewModel(KnowledgeBase knowledgeBase, InterviewOptions options)
    {
        KnowledgeBase = knowledgeBase;
        Options = options;
        Answers = new AnswerModel(knowledgeBase, options.BackgroundPresentRate, options.AlarmBackgroundPresentRate);
        FindingIndex = knowledgeBase.Findings.Select((f, i) => (f.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var causeIndex = knowledgeBase.Causes.Select((c, i) => (c.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Costs = [.. knowledgeBase.Findings.Select(f => options.CostOf(f.Kind))];
        PriorLogOdds = [.. knowledgeBase.Causes.Select(c => Math.Log(c.Prior / (1 - c.Prior)))];
        var byId = knowledgeBase.Causes.Select((c, i) => (c.Id, i)).OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => p.i).ToArray();
        CauseIdRank = new int[byId.Length];
        for (var rank = 0; rank < byId.Length; rank++)
        {
            CauseIdRank[byId[rank]] = rank;
        }

        Rules = [.. knowledgeBase.Rules.Select(r => new ModelRule(
            causeIndex[r.CauseId],
            IndexedCriterion.From(r.Criterion, FindingIndex),
            Math.Log(r.Ratio.Positive),
            Math.Log(r.Ratio.Negative)))];
        RulesByFinding = ReadersByFinding(knowledgeBase.Rules.Select(r => r.Criterion));
        Gates = [.. knowledgeBase.RedFlags];
        GateCriteria = [.. Gates.Select(g => IndexedCriterion.From(g.Criterion, FindingIndex))];
        GatesByFinding = ReadersByFinding(Gates.Select(g => g.Criterion));
        GateFindings = [.. Gates.Select(g => g.Criterion.FindingIds().Distinct(StringComparer.Ordinal).Select(id => FindingIndex[id]).ToArray())];
    }

    public KnowledgeBase KnowledgeBase { get; }

    public InterviewOptions Options { get; }

    public AnswerModel Answers { get; }

    public FrozenDictionary<string, int> FindingIndex { get; }

    public double[] Costs { get; }

    public double[] PriorLogOdds { get; }

    /// <summary>Each cause's position when the causes are sorted by id (ordinal): the engine's tie-break.</summary>
    public int[] CauseIdRank { get; }

    public ModelRule[] Rules { get; }

    public int[][] RulesByFinding { get; }

    public RedFlag[] Gates { get; }

    public IndexedCriterion[] GateCriteria { get; }

    public int[][] GatesByFinding { get; }

    /// <summary>For each gate, the distinct findings its criterion reads.</summary>
    public int[][] GateFindings { get; }

    private int[][] ReadersByFinding(IEnumerable<Criterion> criteria)
    {
        var readers = new List<int>[KnowledgeBase.Findings.Length];
        var index = 0;
        foreach (var criterion in criteria)
        {
            foreach (var id in criterion.FindingIds().Distinct(StringComparer.Ordinal))
            {
                (readers[FindingIndex[id]] ??= []).Add(index);
            }

            index++;
        }

        return [.. readers.Select(r => r?.ToArray() ?? [])];
    }
}

/// <summary>A rule with its cause resolved to an index and its ratios in log space.</summary>
internal readonly record struct ModelRule(int Cause, IndexedCriterion Criterion, double LogPositive, double LogNegative);
