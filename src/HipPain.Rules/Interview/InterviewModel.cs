using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Interview;

/// <summary>
/// The interviewer's view of an engine's compiled knowledge base: the engine's scoring tables (priors, rules,
/// evidence groups, graded rules, and for each finding the scoring units that read it) and, for each finding, the
/// red-flag gates that read it, so that the effect of one answer is found by re-evaluating only those. Nothing is
/// compiled twice and nothing is scored another way (tests hold the interviewer's scores equal to the engine's).
/// </summary>
internal sealed class InterviewModel
{
    public InterviewModel(TriageEngine engine, InterviewOptions options)
    {
        var compiled = engine.Compiled;
        KnowledgeBase = compiled.Source;
        Options = options;
        Program = compiled.Program;
        Answers = new AnswerModel(KnowledgeBase, options.BackgroundPresentRate, options.AlarmBackgroundPresentRate);
        FindingIndex = compiled.FindingIndex;
        Costs = [.. KnowledgeBase.Findings.Select(f => options.CostOf(f.Kind))];
        NotAskable = [.. KnowledgeBase.Findings.Select(f => options.Audience == InterviewAudience.Patient && !f.IsAskedOfPatient)];
        PriorLogOdds = compiled.Tables.PriorLogOdds;
        CauseIdRank = compiled.Tables.CauseIdOrder;
        Tables = compiled.Tables;
        Gates = [.. compiled.RedFlags.Select(g => g.Flag)];
        GateRoots = [.. compiled.RedFlags.Select(g => g.Root)];
        GateUrgencies = compiled.RedFlagUrgencies;
        GateFindings = [.. compiled.RedFlags.Select(g => g.Findings.Select(f => f.Index).ToArray())];
        GatesByFinding = ReadersByFinding(GateFindings);
        Patient = options.Audience == InterviewAudience.Patient;
        GateScreens = [.. Gates.Select(g => g.ScreeningFindingIds.Select(id => FindingIndex[id]).ToHashSet())];
    }

    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>
    /// Analyses given back for reuse, one slot per processor (<see cref="CaseAnalysis.Rent"/>). Held by the model rather
    /// than by each thread, so that they do not keep a replaced knowledge base alive.
    /// </summary>
    public CaseAnalysis?[] Spares { get; } = new CaseAnalysis?[Math.Max(2, Environment.ProcessorCount)];

    public InterviewOptions Options { get; }

    public AnswerModel Answers { get; }

    /// <summary>The engine's compiled criteria (rules and gates).</summary>
    public CriterionProgram Program { get; }

    public IReadOnlyDictionary<string, int> FindingIndex { get; }

    public double[] Costs { get; }

    /// <summary>For each finding, true when the interview's audience cannot be asked it (a patient, an examination test).</summary>
    public bool[] NotAskable { get; }

    /// <summary>Each cause's prior log-odds, by cause index. Shared with the engine: never written.</summary>
    public double[] PriorLogOdds { get; }

    /// <summary>Each cause's position when the causes are sorted by id (ordinal): the engine's tie-break. Shared with the engine: never written.</summary>
    public int[] CauseIdRank { get; }

    /// <summary>The engine's scoring tables: the interviewer scores every hypothetical answer through them.</summary>
    public ScoringTables Tables { get; }

    public RedFlag[] Gates { get; }

    /// <summary>Each gate's criterion root in <see cref="Program"/>.</summary>
    public int[] GateRoots { get; }

    /// <summary>Each gate's urgency, as the engine's <see cref="UrgencyRule"/> reads it. Shared with the engine: never written.</summary>
    public Urgency[] GateUrgencies { get; }

    /// <summary>True for a patient interview: gates' contexts and screens decide when their questions are asked.</summary>
    public bool Patient { get; }

    /// <summary>For each gate, the findings of its universal patient screen.</summary>
    public HashSet<int>[] GateScreens { get; }

    /// <summary>For each gate, the distinct findings its criterion reads.</summary>
    public int[][] GateFindings { get; }

    public int[][] GatesByFinding { get; }

    private int[][] ReadersByFinding(IEnumerable<int[]> findingsRead)
    {
        var readers = new List<int>[KnowledgeBase.Findings.Length];
        var index = 0;
        foreach (var findings in findingsRead)
        {
            foreach (var finding in findings)
            {
                (readers[finding] ??= []).Add(index);
            }

            index++;
        }

        return [.. readers.Select(r => r?.ToArray() ?? [])];
    }
}

