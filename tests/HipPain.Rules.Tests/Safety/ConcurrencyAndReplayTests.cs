using System.Text.Json.Serialization;
using System.Text.Json;
using HipPain.Rules.Authoring;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Tests.Generators;
using HipPain.Rules.TestKit;

namespace HipPain.Rules.Tests.Safety;

/// <summary>
/// Issue 17: scoring on 16 threads equals scoring serially, and a result replayed from its knowledge-base hash and
/// its case is identical. Sizing, to keep CI time small: the bulk is 100,000 random cases over the built-in base,
/// each scored and ranked through the span API by every one of 16 threads (1.6 million scorings, each compared
/// bitwise with the serial run: a few seconds on 2 cores); the full <c>Triage</c> is compared on a sample of
/// 16 threads × 64 cases (1,024 results, every public property of each compared, about 3 ms a result to compare).
/// </summary>
public sealed class ConcurrencyAndReplayTests
{
    public const int Cases = 100_000;

    public const int Threads = 16;

    public const int TriageSamplePerThread = 64;

    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);

    /// <summary>
    /// Every public property of a result, as JSON written by reflection (in the test only), so that a property added
    /// later is compared too: equal text means an equal result, doubles bitwise. The knowledge the result refers to
    /// (causes, rules, red flags, treatments, evidence) is written as its id: it is the knowledge base's, whose content
    /// hash the replay compares.
    /// </summary>
    internal static string Fingerprint(TriageResult result) => JsonSerializer.Serialize(result, FingerprintOptions);

    private static readonly JsonSerializerOptions FingerprintOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        MaxDepth = 64,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        Converters =
        {
            new JsonStringEnumConverter(),
            new IdOnly<Cause>(c => "cause " + c.Id),
            new IdOnly<DiagnosticRule>(r => "rule " + r.Id),
            new IdOnly<RedFlag>(f => "red flag " + f.Id),
            new IdOnly<Treatment>(t => "treatment " + t.Id),
            new IdOnly<Evidence>(e => "evidence " + e.Citation),
        },
    };

    private sealed class IdOnly<T>(Func<T, string> id) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(id(value));
    }

    [Fact]
    public void ScoreAndRank_16ThreadsEach100000Cases_BitwiseEqualToSerial()
    {
        var (findings, causes) = (Engine.FindingCount, Engine.CauseCount);
        var states = new FindingState[Cases * findings];
        var ages = new int?[Cases];
        var sexes = new Sex[Cases];
        var rng = new Random(17);
        for (var k = 0; k < Cases; k++)
        {
            ages[k] = rng.Next(10) == 0 ? null : rng.Next(0, 121);
            sexes[k] = (Sex)rng.Next(3);
            for (var f = 0; f < findings; f++)
            {
                var state = rng.Next(4) switch { 0 => FindingState.Present, 1 => FindingState.Absent, _ => FindingState.Unknown };
                var onlySex = Engine.KnowledgeBase.Findings[f].Sex;

                // A one-sex finding of the other sex can only be absent (the span API refuses it present); no draw changes.
                states[(k * findings) + f] = state == FindingState.Present && onlySex != Sex.Unspecified && sexes[k] != Sex.Unspecified && sexes[k] != onlySex ? FindingState.Absent : state;
            }
        }

        var serialOdds = new double[Cases * causes];
        var serialRanks = new int[Cases * causes];
        Engine.ScoreBatch(states, ages, sexes, serialOdds);
        for (var k = 0; k < Cases; k++)
        {
            Engine.Rank(serialOdds.AsSpan(k * causes, causes), serialRanks.AsSpan(k * causes, causes));
        }

        var mismatches = new int[Threads];
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var odds = new double[causes];
            var ranks = new int[causes];
            for (var i = 0; i < Cases; i++)
            {
                // Each thread walks every case from its own starting point, so threads score different cases at once.
                var k = (i + (t * (Cases / Threads))) % Cases;
                Engine.Score(states.AsSpan(k * findings, findings), ages[k], sexes[k], odds);
                Engine.Rank(odds, ranks);
                for (var c = 0; c < causes; c++)
                {
                    if (BitConverter.DoubleToInt64Bits(odds[c]) != BitConverter.DoubleToInt64Bits(serialOdds[(k * causes) + c]) || ranks[c] != serialRanks[(k * causes) + c])
                    {
                        mismatches[t]++;
                        break;
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(new int[Threads], mismatches);
    }

    [Fact]
    public void Triage_16ThreadsOnASample_EveryPropertyEqualToSerial()
    {
        var rng = new Random(23);
        var cases = Enumerable.Range(0, Threads * TriageSamplePerThread).Select(_ => RandomWorlds.RandomCase(rng, BuiltInKnowledgeBase.Instance)).ToArray();
        var serial = cases.Select(c => Fingerprint(Engine.Triage(c))).ToArray();
        var parallel = new string[cases.Length];

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < cases.Length / Threads; i++)
            {
                var k = (t * TriageSamplePerThread) + ((i * 7) % TriageSamplePerThread);
                parallel[k] = Fingerprint(Engine.Triage(cases[k]));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Replay_FromTheKnowledgeBaseHashAndTheCase_GivesTheIdenticalResult()
    {
        // What a clinic keeps: every knowledge base it ran, as JSON by content hash, and each result's hash and case.
        var overlay = OverlayJson.Read(File.ReadAllText(Path.Combine(Repository.Root, "samples", "packs", "endurance-clinic.overlay.json")));
        var bases = new[] { BuiltInKnowledgeBase.Instance, overlay.ApplyTo(BuiltInKnowledgeBase.Instance) }
            .Concat(Enumerable.Range(0, 20).Select(seed => RandomWorlds.MakeWorld(seed).KnowledgeBase))
            .ToArray();
        var archive = bases.ToDictionary(kb => kb.ContentHash, KnowledgeBaseJson.Write);
        var rng = new Random(29);
        var records = bases.SelectMany(kb => Enumerable.Range(0, 10).Select(_ =>
        {
            var result = new TriageEngine(kb).Triage(RandomWorlds.RandomCase(rng, kb));
            return (result.KnowledgeBaseHash, Case: CaseJson.Write(result.Case), Fingerprint: Fingerprint(result));
        })).ToList();

        foreach (var (hash, caseJson, fingerprint) in records)
        {
            var knowledgeBase = KnowledgeBaseJson.Read(archive[hash]);
            var replayed = new TriageEngine(knowledgeBase).Triage(CaseJson.Read(caseJson));

            Assert.Equal(hash, knowledgeBase.ContentHash);
            Assert.Equal(fingerprint, Fingerprint(replayed));
        }

        Assert.Equal(bases.Length * 10, records.Count);
    }

    [Fact]
    public void Fingerprint_CoversTheResult_DiffersWhenOneRatioDiffers()
    {
        var patientCase = PatientCase.Create(34, Sex.Female, Observation.Present(BuiltInKnowledgeBase.Instance.Findings[0].Id));
        var changed = BuiltInKnowledgeBase.Instance.ToBuilder();
        var rule = BuiltInKnowledgeBase.Instance.Rules.OfType<CriterionRule>().First(r => r.Criterion is FindingCriterion f && f.FindingId == BuiltInKnowledgeBase.Instance.Findings[0].Id);
        changed.ReplaceRatio(rule.Id, rule.Ratio.Positive * 1.0000001, rule.Ratio.Negative);

        Assert.NotEqual(Fingerprint(Engine.Triage(patientCase)), Fingerprint(new TriageEngine(changed.Build()).Triage(patientCase)));
        Assert.Contains("\"LogOdds\":", Fingerprint(Engine.Triage(patientCase)), StringComparison.Ordinal);
    }
}
