using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// Issue 15 item 2: each criterion is compiled once. The engine's program holds one root per rule and one per red flag
/// (the scoring tables, the explanation, the gates and the interviewer all read those), and the interviewer's own
/// program holds only the red flags' AskWhen contexts; a second compile of anything would add roots and fail here.
/// </summary>
public sealed class CriterionCompiledOnceTests
{
    [Fact]
    public void Program_BuiltInBase_OneRootPerRuleAndRedFlag()
    {
        AssertCompiledOnce(BuiltInKnowledgeBase.Instance);
    }

    [Fact]
    public void Program_RandomBases_OneRootPerRuleAndRedFlag()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            AssertCompiledOnce(RandomWorlds.MakeWorld(seed).KnowledgeBase);
        }
    }

    [Fact]
    public void Contexts_BuiltInBase_OnlyTheAskWhenContexts()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var engine = new TriageEngine(kb);
        var model = new InterviewModel(engine, new InterviewOptions());

        var withContext = kb.RedFlags.Count(f => f.AskWhen is not null);
        Assert.True(withContext > 0, "the built-in base has red flags with an AskWhen context");
        Assert.Equal(withContext, model.Contexts.RootCount);
        Assert.Equal(
            kb.RedFlags.Select(f => f.AskWhen is not null),
            model.ContextRoots.Select(root => root >= 0));
        Assert.Same(engine.Compiled.Program, model.Program);
    }

    private static void AssertCompiledOnce(KnowledgeBase kb)
    {
        var compiled = new TriageEngine(kb).Compiled;
        var roots = compiled.Tables.RuleRoot.Concat(compiled.RedFlags.Select(f => f.Root)).ToArray();

        Assert.Equal(kb.Rules.Length + kb.RedFlags.Length, compiled.Program.RootCount);
        Assert.Equal(roots.Length, roots.Distinct().Count());
        Assert.Equal(compiled.Tables.RuleRoot, compiled.Rules.Select(r => r.Root));
    }
}
