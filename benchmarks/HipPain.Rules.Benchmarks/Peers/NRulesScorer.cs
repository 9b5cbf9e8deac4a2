using System.Linq.Expressions;
using HipPain.Rules.Model;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace HipPain.Rules.Benchmarks.Peers;

/// <summary>The fact every generated NRules rule matches: one case, with a slot per rule outcome that its action sets.</summary>
public sealed class NRulesCase(int[] states, int age, int sex, int outcomeCount)
{
    /// <summary>Finding states by finding index: 0 unknown, 1 present, 2 absent.</summary>
    public int[] S { get; } = states;

    /// <summary>Age in years, or -1 when not given.</summary>
    public int Age { get; } = age;

    /// <summary>Sex: 0 unspecified, 1 female, 2 male.</summary>
    public int Sex { get; } = sex;

    /// <summary>Which rule outcomes fired.</summary>
    public bool[] Fired { get; } = new bool[outcomeCount];

    /// <summary>The action of outcome <paramref name="outcome"/>'s rule.</summary>
    public void Record(int outcome) => Fired[outcome] = true;
}

/// <summary>
/// The knowledge base's rules as NRules 1.0 rules, generated from the model with the rule-model builder: one
/// rule per rule outcome (met, not met, or a graded rule's stretch of equal entries), its condition an
/// expression tree over the case fact, its action recording the outcome. The Rete network decides which rules
/// fire; the log likelihood ratios of the fired ones are added to the priors, each evidence group counted once
/// (<see cref="PeerRules.Aggregate"/>), and the causes ranked.
/// </summary>
public sealed class NRulesScorer
{
    private static readonly System.Reflection.MethodInfo RecordMethod = typeof(NRulesCase).GetMethod(nameof(NRulesCase.Record))!;

    private readonly KnowledgeBase knowledgeBase;
    private readonly Dictionary<string, int> findingIndex;
    private readonly PeerOutcome[] outcomes;
    private readonly double[] priorLogOdds;
    private readonly ISessionFactory factory;
    private readonly ISession? reused;

    /// <summary>Generates the rules and compiles them into a Rete network.</summary>
    /// <param name="knowledgeBase">The base whose rules are generated.</param>
    /// <param name="reuseSession">
    /// <see langword="false"/>: a new session per case, the documented pattern; <see langword="true"/>: one session
    /// for the scorer's lifetime, each case inserted, fired and retracted, as an expert would tune it. A reused
    /// session is not thread-safe, so neither is the scorer then.
    /// </param>
    public NRulesScorer(KnowledgeBase knowledgeBase, bool reuseSession = false)
    {
        this.knowledgeBase = knowledgeBase;
        findingIndex = PeerRules.FindingIndex(knowledgeBase);
        outcomes = PeerRules.Outcomes(knowledgeBase);
        priorLogOdds = PeerRules.PriorLogOdds(knowledgeBase);
        Rules = [.. outcomes.Select(Define)];
        factory = new RuleCompiler().Compile(Rules);
        reused = reuseSession ? factory.CreateSession() : null;
    }

    /// <summary>The generated rule definitions.</summary>
    public IReadOnlyList<IRuleDefinition> Rules { get; }

    /// <summary>Whether one session is reused for every case (see the constructor).</summary>
    public bool ReusesSession => reused is not null;

    /// <summary>How many facts the reused session holds between cases (0 when every case is retracted).</summary>
    public int FactsHeld => reused?.Query<object>().Count() ?? 0;

    public PeerResult Score(PatientCase patientCase)
    {
        var fact = new NRulesCase(PeerRules.EncodeStates(knowledgeBase, findingIndex, patientCase), patientCase.Age ?? -1, (int)patientCase.Sex, outcomes.Length);
        if (reused is { } session)
        {
            session.Insert(fact);
            session.Fire();
            session.Retract(fact);
        }
        else
        {
            var fresh = factory.CreateSession();
            fresh.Insert(fact);
            fresh.Fire();
        }

        return PeerRules.Aggregate(knowledgeBase, priorLogOdds, outcomes, fact.Fired);
    }

    private IRuleDefinition Define(PeerOutcome outcome, int index)
    {
        var builder = new RuleBuilder();
        builder.Name(outcome.Name);
        var fact = Expression.Parameter(typeof(NRulesCase), "fact");
        var pattern = builder.LeftHandSide().Pattern(typeof(NRulesCase), fact.Name!);
        var condition = outcome.Criterion is null
            ? Expression.AndAlso(
                Expression.GreaterThanOrEqual(Count(outcome.Parts.Select(p => Met(p, fact))), Expression.Constant(outcome.MinimumMet)),
                Expression.GreaterThanOrEqual(Count(outcome.Parts.Select(p => NotMet(p, fact))), Expression.Constant(outcome.MinimumNotMet)))
            : outcome.WhenMet ? Met(outcome.Criterion, fact) : NotMet(outcome.Criterion, fact);
        pattern.Condition(Expression.Lambda<Func<NRulesCase, bool>>(condition, fact));
        var context = Expression.Parameter(typeof(IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda<Action<IContext, NRulesCase>>(Expression.Call(fact, RecordMethod, Expression.Constant(index)), context, fact));
        return builder.Build();
    }

    private BinaryExpression Met(Criterion criterion, ParameterExpression fact) => criterion switch
    {
        FindingCriterion f => StateIs(fact, f.FindingId, (int)f.Expected),
        AgeCriterion a => Expression.AndAlso(AgeKnown(fact), AgeBand(a, fact)),
        SexCriterion s => Expression.Equal(Expression.Property(fact, nameof(NRulesCase.Sex)), Expression.Constant((int)s.Sex)),
        CountCriterion c => Expression.GreaterThanOrEqual(Count(c.Parts.Select(p => Met(p, fact))), Expression.Constant(c.Minimum)),
        _ => throw new NotSupportedException(criterion.GetType().Name),
    };

    private BinaryExpression NotMet(Criterion criterion, ParameterExpression fact) => criterion switch
    {
        FindingCriterion f => StateIs(fact, f.FindingId, 3 - (int)f.Expected),
        AgeCriterion a => Expression.AndAlso(AgeKnown(fact), Expression.Not(AgeBand(a, fact))),
        SexCriterion s => Expression.AndAlso(
            Expression.NotEqual(Expression.Property(fact, nameof(NRulesCase.Sex)), Expression.Constant(0)),
            Expression.NotEqual(Expression.Property(fact, nameof(NRulesCase.Sex)), Expression.Constant((int)s.Sex))),
        CountCriterion c => Expression.GreaterThan(Count(c.Parts.Select(p => NotMet(p, fact))), Expression.Constant(c.Parts.Length - c.Minimum)),
        _ => throw new NotSupportedException(criterion.GetType().Name),
    };

    private BinaryExpression StateIs(ParameterExpression fact, string findingId, int state) =>
        Expression.Equal(Expression.ArrayIndex(Expression.Property(fact, nameof(NRulesCase.S)), Expression.Constant(findingIndex[findingId])), Expression.Constant(state));

    private static BinaryExpression AgeKnown(ParameterExpression fact) =>
        Expression.GreaterThanOrEqual(Expression.Property(fact, nameof(NRulesCase.Age)), Expression.Constant(0));

    private static Expression AgeBand(AgeCriterion a, ParameterExpression fact)
    {
        var age = Expression.Property(fact, nameof(NRulesCase.Age));
        Expression band = Expression.Constant(true);
        if (a.Minimum is int min)
        {
            band = Expression.AndAlso(band, Expression.GreaterThanOrEqual(age, Expression.Constant(min)));
        }

        if (a.Maximum is int max)
        {
            band = Expression.AndAlso(band, Expression.LessThanOrEqual(age, Expression.Constant(max)));
        }

        return band;
    }

    private static Expression Count(IEnumerable<Expression> parts) =>
        parts.Select(p => (Expression)Expression.Condition(p, Expression.Constant(1), Expression.Constant(0))).Aggregate(Expression.Add);
}
