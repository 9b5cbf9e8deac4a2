using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// Issue 15 item 2: each criterion is compiled once. The engine's program holds one root per rule, one per red flag and
/// one per red flag's AskWhen context (the scoring tables, the explanation, the gates' order and the interviewer all
/// read those); a second compile of anything would add roots and fail here.
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
    public void Contexts_BuiltInBase_TheInterviewerReadsTheEngineRoots()
    {
        var kb = BuiltInKnowledgeBase.Instance;
        var engine = new TriageEngine(kb);
        var model = new InterviewModel(engine, new InterviewOptions());

        Assert.True(kb.RedFlags.Any(f => f.AskWhen is not null), "the built-in base has red flags with an AskWhen context");
        Assert.Equal(
            kb.RedFlags.Select(f => f.AskWhen is not null),
            model.ContextRoots.Select(root => root >= 0));
        Assert.Equal(engine.Compiled.RedFlags.Select(f => f.ContextRoot), model.ContextRoots);
        Assert.Same(engine.Compiled.Program, model.Program);
    }

    private static void AssertCompiledOnce(KnowledgeBase kb)
    {
        var compiled = new TriageEngine(kb).Compiled;
        var contexts = compiled.RedFlags.Where(f => f.ContextRoot >= 0).Select(f => f.ContextRoot);
        var roots = compiled.Tables.RuleRoot.Concat(compiled.RedFlags.Select(f => f.Root)).Concat(contexts).ToArray();

        Assert.Equal(kb.Rules.Length + kb.RedFlags.Length + kb.RedFlags.Count(f => f.AskWhen is not null), compiled.Program.RootCount);
        Assert.Equal(roots.Length, roots.Distinct().Count());
        Assert.Equal(compiled.Tables.RuleRoot, compiled.Rules.Select(r => r.Root));
    }
}
