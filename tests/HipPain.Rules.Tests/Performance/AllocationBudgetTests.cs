using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Samples.Console;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Performance;

/// <summary>
/// The CI smoke check of issue 16, item 6: the managed bytes allocated per call on the typical case, counted with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> after a warm-up, must stay within the budgets of
/// docs/benchmarks.md. Bytes, not time: the count is the same on a loaded machine as on an idle one.
/// </summary>
public sealed class AllocationBudgetTests(ITestOutputHelper output)
{
    /// <summary>The budget of one <see cref="TriageEngine.Triage"/> of the typical case, in bytes (docs/benchmarks.md).</summary>
    public const long TriageBytesPerCase = 4096;

    /// <summary>The budget of one <see cref="Interviewer.NextQuestion"/> on the typical case, in bytes (docs/benchmarks.md).</summary>
    public const long NextQuestionBytesPerCase = 2048;

    private const int Calls = 200;

    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    /// <summary>The typical case of the benchmarks (BenchmarkCases.Typical): the console sample's default case.</summary>
    private static readonly PatientCase Typical = BundledCases.Find(BundledCases.DefaultName)!;

    [Fact]
    public void Triage_TypicalCase_AllocatesWithinBudget()
    {
        var perCase = MeanBytesPerCall(() => Engine.Triage(Typical));
        output.WriteLine($"Triage, typical case: {perCase:0} B per case (budget {TriageBytesPerCase} B)");

        Assert.True(perCase <= TriageBytesPerCase, $"Triage of the typical case allocated {perCase:0} B per case; the budget is {TriageBytesPerCase} B.");
    }

    [Fact]
    public void NextQuestion_TypicalCase_AllocatesWithinBudget()
    {
        var interviewer = new Interviewer(Engine);

        var perCase = MeanBytesPerCall(() => interviewer.NextQuestion(Typical));
        output.WriteLine($"NextQuestion, typical case: {perCase:0} B per call (budget {NextQuestionBytesPerCase} B)");

        Assert.True(perCase <= NextQuestionBytesPerCase, $"NextQuestion on the typical case allocated {perCase:0} B per call; the budget is {NextQuestionBytesPerCase} B.");
    }

    /// <summary>The mean bytes allocated on this thread per call, after 20 calls of warm-up.</summary>
    private static double MeanBytesPerCall(Func<object?> call)
    {
        object? last = null;
        for (var i = 0; i < 20; i++)
        {
            last = call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            last = call();
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(last);
        return (double)bytes / Calls;
    }
}
