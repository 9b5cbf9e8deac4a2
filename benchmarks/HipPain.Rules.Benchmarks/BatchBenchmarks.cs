using BenchmarkDotNet.Attributes;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Benchmarks;

/// <summary>
/// Batch scoring (issue 16, item 4): <see cref="TriageEngine.ScoreBatch"/> over <see cref="CaseCount"/> generated
/// cases, split into one contiguous slice per thread. The reported time is per case
/// (<see cref="OperationsPerInvokeAttribute"/>): cases per second per core = 1 / (time per case × <see cref="Threads"/>);
/// equal figures in both rows mean the work scales with cores.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BatchBenchmarks
{
    /// <summary>The number of cases each run scores.</summary>
    public const int DefaultCaseCount = 1_000_000;

    /// <summary>The seed of the case generator: the same cases in every run.</summary>
    public const int Seed = 20261129;

    /// <summary>Cases per <see cref="TriageEngine.ScoreBatch"/> call: each thread reuses one log-odds buffer of this many cases.</summary>
    private const int Chunk = 1024;

    private readonly TriageEngine engine = new(BuiltInKnowledgeBase.Instance);
    private FindingState[] states = [];
    private int?[] ages = [];
    private Sex[] sexes = [];

    /// <summary>The threads that score, each its own slice: 1, then every core of the machine.</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; } = 1;

    /// <summary>How many cases are generated and scored; <see cref="DefaultCaseCount"/> unless a test makes it smaller.</summary>
    public int CaseCount { get; set; } = DefaultCaseCount;

    /// <summary>1 and <see cref="Environment.ProcessorCount"/> (just 1 on a one-core machine).</summary>
    public static IEnumerable<int> ThreadCounts() => new[] { 1, Environment.ProcessorCount }.Distinct();

    /// <summary>Generates the cases once (see <see cref="Generate"/>).</summary>
    [GlobalSetup]
    public void Setup() => (states, ages, sexes) = Generate(engine, CaseCount, Seed);

    /// <summary>Scores every case: each thread calls <see cref="TriageEngine.ScoreBatch"/> on its slice, a chunk at a time.</summary>
    /// <returns>The sum over threads of the last log-odds each wrote, so that the work cannot be removed.</returns>
    [Benchmark(OperationsPerInvoke = DefaultCaseCount)]
    public double ScoreBatch()
    {
        var threads = Threads;
        var perThread = new double[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var first = (int)((long)CaseCount * t / threads);
            var end = (int)((long)CaseCount * (t + 1) / threads);
            perThread[t] = ScoreSlice(first, end);
        });

        return perThread.Sum();
    }

    /// <summary>Scores cases [<paramref name="first"/>, <paramref name="end"/>) into one reused buffer; returns the last log-odds written.</summary>
    private double ScoreSlice(int first, int end)
    {
        var (findings, causes) = (engine.FindingCount, engine.CauseCount);
        var logOdds = new double[Chunk * causes];
        var last = 0.0;
        for (var k = first; k < end; k += Chunk)
        {
            var count = Math.Min(Chunk, end - k);
            var output = logOdds.AsSpan(0, count * causes);
            engine.ScoreBatch(states.AsSpan(k * findings, count * findings), ages.AsSpan(k, count), sexes.AsSpan(k, count), output);
            last = output[^1];
        }

        return last;
    }

    /// <summary>
    /// Generates cases deterministically from a seed: each answers 2 to 12 findings of the base (each Present or Absent
    /// with equal chance, the rest Unknown), gives an age from 10 to 79 in nine cases of ten, and a sex (Unspecified,
    /// Female or Male) with equal chance. A one-sex finding (such as a pregnancy) drawn present for the other sex is
    /// given as absent, which <see cref="TriageEngine.ScoreBatch"/> requires; no draw changes.
    /// </summary>
    /// <returns>The states (case by case), ages and sexes, in the layout <see cref="TriageEngine.ScoreBatch"/> reads.</returns>
    public static (FindingState[] States, int?[] Ages, Sex[] Sexes) Generate(TriageEngine engine, int caseCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var random = new Random(seed);
        var findings = engine.FindingCount;
        var states = new FindingState[(long)caseCount * findings];
        var ages = new int?[caseCount];
        var sexes = new Sex[caseCount];
        for (var k = 0; k < caseCount; k++)
        {
            var answered = random.Next(2, 13);
            for (var i = 0; i < answered; i++)
            {
                states[((long)k * findings) + random.Next(findings)] = random.Next(2) == 0 ? FindingState.Present : FindingState.Absent;
            }

            ages[k] = random.Next(10) == 0 ? null : random.Next(10, 80);
            sexes[k] = (Sex)random.Next(3);
        }

        var vocabulary = engine.KnowledgeBase.Findings;
        for (var f = 0; f < findings; f++)
        {
            if (vocabulary[f].Sex == Sex.Unspecified)
            {
                continue;
            }

            for (var k = 0; k < caseCount; k++)
            {
                var at = ((long)k * findings) + f;
                if (states[at] == FindingState.Present && sexes[k] != Sex.Unspecified && sexes[k] != vocabulary[f].Sex)
                {
                    states[at] = FindingState.Absent;
                }
            }
        }

        return (states, ages, sexes);
    }
}
