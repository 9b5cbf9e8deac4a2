using HipPain.Rules.Interview;
using HipPain.Rules.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace HipPain.Rules.DependencyInjection.Tests;

public sealed class InterviewerRegistrationTests
{
    [Fact]
    public void Resolve_Interviewer_OverTheRegisteredEngineWithTheConfiguredOptions()
    {
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.UseKnowledgeBase(TestBases.Create());
                o.Interview.Audience = InterviewAudience.Patient;
            })
            .BuildServiceProvider();

        var interviewer = provider.GetRequiredService<Interviewer>();

        Assert.Same(provider.GetRequiredService<TriageEngine>(), interviewer.Engine);
        Assert.Same(interviewer, provider.GetRequiredService<IKnowledgeBaseProvider>().Current.Interviewer);
        Assert.Equal(InterviewAudience.Patient, interviewer.Audience);
        Assert.Equal(InterviewAudience.Patient, interviewer.Start(TestBases.LateralHip).Audience);
    }

    [Fact]
    public void Swap_NewBase_SnapshotInterviewerFollowsWithTheSameOptions()
    {
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.UseKnowledgeBase(TestBases.Create());
                o.Interview.Audience = InterviewAudience.Patient;
            })
            .BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        var registered = provider.GetRequiredService<Interviewer>();

        var swapped = rules.Swap(TestBases.Create("next", 0.6));

        Assert.Same(swapped.Engine, swapped.Interviewer.Engine);
        Assert.Equal("next", swapped.Interviewer.Engine.KnowledgeBase.Id);
        Assert.Equal(InterviewAudience.Patient, swapped.Interviewer.Audience);
        Assert.Same(registered, provider.GetRequiredService<Interviewer>());
        Assert.Equal("base", registered.Engine.KnowledgeBase.Id);
    }

    [Fact]
    public void Reload_ChangedFile_SnapshotInterviewerScoresTheNewBase()
    {
        using var folder = new TestBases.TempFolder();
        var path = folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create()));
        using var provider = new ServiceCollection().AddHipPainRules(o => o.UseKnowledgeBaseFile(path)).BuildServiceProvider();
        var rules = provider.GetRequiredService<IKnowledgeBaseProvider>();
        folder.Write("base.knowledge-base.json", TestBases.Json(TestBases.Create("base", 0.45)));

        var after = rules.Reload();

        var step = after.Interviewer.Start(TestBases.LateralHip);
        Assert.Equal(after.KnowledgeBase.ContentHash, step.Result.KnowledgeBaseHash);
        Assert.Same(after.Engine, after.Interviewer.Engine);
    }

    [Fact]
    public void Resolve_InterviewOptionOutOfRange_HPD005NamingTheSetting()
    {
        using var provider = new ServiceCollection()
            .AddHipPainRules(o =>
            {
                o.UseKnowledgeBase(TestBases.Create());
                o.Interview.MaximumQuestions = 0;
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<HipPainRulesOptionsException>(() => provider.GetRequiredService<Interviewer>());

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(
            ("HPD005", "$.Interview.MaximumQuestions", "Interview.MaximumQuestions is 0; MaximumQuestions must be between 1 and 1000."),
            (problem.Code, problem.Path, problem.Message));
    }
}
