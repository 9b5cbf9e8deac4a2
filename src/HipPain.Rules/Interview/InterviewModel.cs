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
        Compiled = compiled;
        KnowledgeBase = compiled.Source;
        Options = options;
        Program = compiled.Program;
        Answers = new AnswerModel(KnowledgeBase, options.BackgroundPresentRate, options.AlarmBackgroundPresentRate);
        FindingIndex = compiled.FindingIndex;
        var causeCount = KnowledgeBase.Causes.Length;
        RatesByFinding = new double[KnowledgeBase.Findings.Length * causeCount];
        for (var f = 0; f < KnowledgeBase.Findings.Length; f++)
        {
            for (var c = 0; c < causeCount; c++)
            {
                RatesByFinding[(f * causeCount) + c] = Answers.Rate(c, f);
            }
        }

        Costs = [.. KnowledgeBase.Findings.Select(f => options.CostOf(f.Kind))];
        NotAskable = [.. KnowledgeBase.Findings.Select(f => options.Audience == InterviewAudience.Patient && !f.IsAskedOfPatient)];
        FindingSex = compiled.FindingSex;
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
        GateScreened = [.. Gates.Select(g => g.Urgency >= options.RedFlagUrgency)];

        // Slots: one per (gate, finding it reads), gate by gate, so that per-case facts about a gate's findings fit one array.
        GateSlotStart = new int[Gates.Length + 1];
        for (var g = 0; g < Gates.Length; g++)
        {
            GateSlotStart[g + 1] = GateSlotStart[g] + GateFindings[g].Length;
        }

        var slotsByFinding = new List<int>?[KnowledgeBase.Findings.Length];
        SlotInScreen = new bool[GateSlotStart[Gates.Length]];
        SlotInContext = new bool[GateSlotStart[Gates.Length]];
        for (var g = 0; g < Gates.Length; g++)
        {
            var context = Gates[g].AskWhen?.FindingIds() ?? [];
            for (var i = 0; i < GateFindings[g].Length; i++)
            {
                var finding = GateFindings[g][i];
                (slotsByFinding[finding] ??= []).Add(GateSlotStart[g] + i);
                SlotInScreen[GateSlotStart[g] + i] = GateScreens[g].Contains(finding);
                SlotInContext[GateSlotStart[g] + i] = context.Contains(KnowledgeBase.Findings[finding].Id);
            }
        }

        GateSlotsByFinding = [.. slotsByFinding.Select(s => s?.ToArray() ?? [])];

        // The gates' contexts, compiled once with the engine's program, which orders the result's gates by them too.
        ContextRoots = [.. compiled.RedFlags.Select(g => g.ContextRoot)];
    }

    /// <summary>The engine's compiled base, which the model reads (and checks cases against) rather than compiling its own.</summary>
    public CompiledKnowledgeBase Compiled { get; }

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

    /// <summary>The answer model's rates finding by finding: <c>RatesByFinding[f * causes + c]</c> is <c>Answers.Rate(c, f)</c>.</summary>
    public double[] RatesByFinding { get; }

    public double[] Costs { get; }

    /// <summary>For each finding, true when the interview's audience cannot be asked it (a patient, an examination test).</summary>
    public bool[] NotAskable { get; }

    /// <summary>Each finding's <see cref="Finding.Sex"/> (the engine's compiled copy): a one-sex finding is not asked of a patient of the other sex.</summary>
    public Sex[] FindingSex { get; }

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

    /// <summary>For each finding, the gates that read it, in gate order.</summary>
    public int[][] GatesByFinding { get; }

    /// <summary>By gate: true when its urgency is at or above <see cref="InterviewOptions.RedFlagUrgency"/>, so that its questions are red-flag questions.</summary>
    public bool[] GateScreened { get; }

    /// <summary>By gate: its first slot (see <see cref="GateSlotsByFinding"/>); length gates + 1.</summary>
    public int[] GateSlotStart { get; }

    /// <summary>
    /// For each finding, parallel to <see cref="GatesByFinding"/>: its slot in each gate that reads it, that is
    /// <c>GateSlotStart[g] + i</c> where the finding is <c>GateFindings[g][i]</c>.
    /// </summary>
    public int[][] GateSlotsByFinding { get; }

    /// <summary>By slot: true when the slot's finding is in its gate's universal patient screen.</summary>
    public bool[] SlotInScreen { get; }

    /// <summary>By slot: true when the slot's finding is also read by its gate's context (<see cref="RedFlag.AskWhen"/>).</summary>
    public bool[] SlotInContext { get; }

    /// <summary>By gate: the root of its context (<see cref="RedFlag.AskWhen"/>) in <see cref="Program"/>, or -1 when it has none.</summary>
    public int[] ContextRoots { get; }

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

