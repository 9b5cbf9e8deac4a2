using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Interview;

/// <summary>
/// The interviewer's view of an engine's compiled knowledge base: for each finding, the rules and red-flag gates
/// that read it, so that the effect of one answer is found by re-evaluating only those. The priors, log
/// likelihood ratios and criteria are the engine's own compiled ones (tests hold the interviewer's scores equal
/// to the engine's).
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
        Rules = [.. compiled.Causes.SelectMany((cause, c) => cause.Rules.Select(r => new ModelRule(c, r.Root, r.LogPositive, r.LogNegative, [.. r.Findings.Select(f => f.Index)])))];
        RulesByFinding = ReadersByFinding(Rules.Select(r => r.Findings));
        Gates = [.. compiled.RedFlags.Select(g => g.Flag)];
        GateRoots = [.. compiled.RedFlags.Select(g => g.Root)];
        GateUrgencies = compiled.RedFlagUrgencies;
        GateFindings = [.. compiled.RedFlags.Select(g => g.Findings.Select(f => f.Index).ToArray())];
        GatesByFinding = ReadersByFinding(GateFindings);
        Patient = options.Audience == InterviewAudience.Patient;
        GateScreens = [.. Gates.Select(g => g.ScreeningFindingIds.Select(id => FindingIndex[id]).ToHashSet())];
    }

    public KnowledgeBase KnowledgeBase { get; }

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

    public ModelRule[] Rules { get; }

    public int[][] RulesByFinding { get; }

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

    /// <summary>Evaluates a compiled criterion in the model's three-valued form.</summary>
    public bool? Evaluate(int root, FindingState[] states, int age, Sex sex) =>
        CriterionProgram.ToNullable(Program.Evaluate(root, states, age, sex));

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

/// <summary>A rule with its cause resolved to an index, its criterion root in the engine's program, its ratios in log space and the distinct findings it reads.</summary>
internal readonly record struct ModelRule(int Cause, int Root, double LogPositive, double LogNegative, int[] Findings);
