using System.Runtime.CompilerServices;
using HipPain.Rules.Authoring;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Interview;

/// <summary>
/// The interviewer reuses its case analyses between calls. Those spares used to be kept per thread, so a thread
/// that had interviewed on a knowledge base kept that base alive after the app had swapped it for another.
/// </summary>
public sealed class InterviewerLifetimeTests
{
    [Fact]
    public void NextQuestion_InterviewerDropped_ItsKnowledgeBaseCanBeCollected()
    {
        var knowledgeBase = InterviewOnACopyAndDropIt();

        for (var i = 0; i < 5 && knowledgeBase.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(knowledgeBase.IsAlive, "a knowledge base no longer used by the app is still referenced after an interview on this thread");
    }

    [Fact]
    public void NextQuestion_ManyThreadsOneInterviewer_EveryAnswerEqualsTheSingleThreadedOne()
    {
        var interviewer = new Interviewer(new TriageEngine(BuiltInKnowledgeBase.Instance));
        var cases = Enumerable.Range(0, 40)
            .Select(i => new PatientCase(20 + i, i % 2 == 0 ? Sex.Female : Sex.Male, BuiltInKnowledgeBase.Instance.Findings.Skip(i).Take(i % 7).Select(f => new Observation(f.Id, FindingState.Absent))))
            .ToArray();
        var expected = cases.Select(c => interviewer.NextQuestion(c)?.Finding.Id).ToArray();

        var actual = new string?[cases.Length];
        Parallel.For(0, cases.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i % cases.Length] = interviewer.NextQuestion(cases[i % cases.Length])?.Finding.Id);

        Assert.Equal(expected, actual);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference InterviewOnACopyAndDropIt()
    {
        var copy = BuiltInKnowledgeBase.Instance.ToBuilder().Build();
        var interviewer = new Interviewer(new TriageEngine(copy));
        Assert.NotNull(interviewer.NextQuestion(new PatientCase(30, Sex.Female, [new Observation("loc.groin", FindingState.Present)])));
        Assert.NotNull(interviewer.Step(new PatientCase(30, Sex.Female, [])).Result);
        return new WeakReference(copy);
    }
}
