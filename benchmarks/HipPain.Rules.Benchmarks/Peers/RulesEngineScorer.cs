using System.Globalization;
using System.Text.Json;
using HipPain.Rules.Model;
using RulesEngine.Models;

namespace HipPain.Rules.Benchmarks.Peers;

/// <summary>The input every generated RulesEngine expression reads as <c>input1</c>.</summary>
public sealed class RulesEngineCase
{
    /// <summary>Finding states by finding index: 0 unknown, 1 present, 2 absent.</summary>
    public required int[] S { get; init; }

    /// <summary>Age in years, or -1 when not given.</summary>
    public required int Age { get; init; }

    /// <summary>Sex: 0 unspecified, 1 female, 2 male.</summary>
    public required int Sex { get; init; }
}

/// <summary>
/// The knowledge base's rules as a Microsoft RulesEngine 6 workflow: one JSON rule per rule outcome (met,
/// not met, or a graded rule's stretch of equal entries) with a lambda expression generated from the criterion.
/// RulesEngine decides which rules succeed; the log likelihood ratios of the successful ones are added to the
/// priors, each evidence group counted once (<see cref="PeerRules.Aggregate"/>), and the causes ranked.
/// </summary>
public sealed class RulesEngineScorer
{
    /// <summary>The workflow's name.</summary>
    public const string WorkflowName = "hippain";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly KnowledgeBase knowledgeBase;
    private readonly Dictionary<string, int> findingIndex;
    private readonly PeerOutcome[] outcomes;
    private readonly double[] priorLogOdds;
    private readonly RulesEngine.RulesEngine engine;

    /// <summary>Generates the workflow and compiles it with RulesEngine.</summary>
    /// <param name="knowledgeBase">The base whose rules the workflow holds.</param>
    /// <param name="tuned">
    /// <see langword="false"/>: the documented pattern (default settings but exceptions thrown);
    /// <see langword="true"/>: the settings an expert would choose for pure evaluation (no actions executed, no
    /// formatted error messages, no scoped parameters, FastExpressionCompiler), as in the independent re-run that
    /// issue 16 cites.
    /// </param>
    public RulesEngineScorer(KnowledgeBase knowledgeBase, bool tuned = false)
    {
        this.knowledgeBase = knowledgeBase;
        findingIndex = PeerRules.FindingIndex(knowledgeBase);
        outcomes = PeerRules.Outcomes(knowledgeBase);
        priorLogOdds = PeerRules.PriorLogOdds(knowledgeBase);
        WorkflowJson = GenerateWorkflowJson();
        var settings = tuned
            ? new ReSettings
            {
                EnableExceptionAsErrorMessage = false,
                AutoExecuteActions = false,
                EnableFormattedErrorMessage = false,
                EnableScopedParams = false,
                UseFastExpressionCompiler = true,
            }
            : new ReSettings { EnableExceptionAsErrorMessage = false };
        engine = new RulesEngine.RulesEngine([WorkflowJson], settings);
        IsTuned = tuned;
    }

    /// <summary>Whether the expert settings are on (see the constructor).</summary>
    public bool IsTuned { get; }

    /// <summary>The generated workflow, as RulesEngine reads it.</summary>
    public string WorkflowJson { get; }

    /// <summary>How many RulesEngine rules the workflow has.</summary>
    public int RuleCount => outcomes.Length;

    public async Task<PeerResult> ScoreAsync(PatientCase patientCase)
    {
        var input = new RulesEngineCase
        {
            S = PeerRules.EncodeStates(knowledgeBase, findingIndex, patientCase),
            Age = patientCase.Age ?? -1,
            Sex = (int)patientCase.Sex,
        };
        var results = await engine.ExecuteAllRulesAsync(WorkflowName, input).ConfigureAwait(false);
        var fired = new bool[outcomes.Length];
        for (var k = 0; k < outcomes.Length; k++)
        {
            var result = results[k];
            if (!string.Equals(result.Rule.RuleName, outcomes[k].Name, StringComparison.Ordinal) || !string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine result {k} is '{result.Rule.RuleName}' ({result.ExceptionMessage}); expected '{outcomes[k].Name}'.");
            }

            fired[k] = result.IsSuccess;
        }

        return PeerRules.Aggregate(knowledgeBase, priorLogOdds, outcomes, fired);
    }

    private string GenerateWorkflowJson()
    {
        var workflow = new
        {
            WorkflowName,
            Rules = outcomes.Select(o => new
            {
                RuleName = o.Name,
                SuccessEvent = o.LogRatio.ToString("R", CultureInfo.InvariantCulture),
                RuleExpressionType = "LambdaExpression",
                Expression = o.Criterion is null ? Graded(o) : o.WhenMet ? Met(o.Criterion) : NotMet(o.Criterion),
            }),
        };
        return JsonSerializer.Serialize(workflow, Indented);
    }

    /// <summary>A graded outcome: at least MinimumMet parts met and at least MinimumNotMet definitely not met.</summary>
    private string Graded(PeerOutcome outcome) =>
        $"({string.Join(" + ", outcome.Parts.Select(p => $"iif({Met(p)}, 1, 0)"))}) >= {outcome.MinimumMet}"
        + $" && ({string.Join(" + ", outcome.Parts.Select(p => $"iif({NotMet(p)}, 1, 0)"))}) >= {outcome.MinimumNotMet}";

    private string Met(Criterion criterion) => criterion switch
    {
        FindingCriterion f => $"input1.S[{findingIndex[f.FindingId]}] == {(int)f.Expected}",
        AgeCriterion a => $"(input1.Age >= 0 && {AgeBand(a)})",
        SexCriterion s => $"input1.Sex == {(int)s.Sex}",
        CountCriterion c => $"({string.Join(" + ", c.Parts.Select(p => $"iif({Met(p)}, 1, 0)"))}) >= {c.Minimum}",
        _ => throw new NotSupportedException(criterion.GetType().Name),
    };

    private string NotMet(Criterion criterion) => criterion switch
    {
        FindingCriterion f => $"input1.S[{findingIndex[f.FindingId]}] == {3 - (int)f.Expected}",
        AgeCriterion a => $"(input1.Age >= 0 && !({AgeBand(a)}))",
        SexCriterion s => $"(input1.Sex != 0 && input1.Sex != {(int)s.Sex})",
        CountCriterion c => $"({string.Join(" + ", c.Parts.Select(p => $"iif({NotMet(p)}, 1, 0)"))}) > {c.Parts.Length - c.Minimum}",
        _ => throw new NotSupportedException(criterion.GetType().Name),
    };

    private static string AgeBand(AgeCriterion a) => (a.Minimum, a.Maximum) switch
    {
        (int min, int max) => $"input1.Age >= {min} && input1.Age <= {max}",
        (int min, null) => $"input1.Age >= {min}",
        (null, int max) => $"input1.Age <= {max}",
        _ => "true",
    };
}
