using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Generators;

/// <summary>
/// The generator behind every property: deterministic per seed, and varied enough that the properties' skipped
/// inputs (a base without rules, a case that names every finding, ...) stay a small share of what they are given.
/// The properties classify each skipped input in FsCheck's report; this test bounds how many there are.
/// </summary>
public sealed class RandomWorldsTests(ITestOutputHelper output)
{
    private const int Seeds = 300;

    [Fact]
    public void MakeWorld_SameSeed_SameBaseAndCase()
    {
        var (a, b) = (RandomWorlds.MakeWorld(42), RandomWorlds.MakeWorld(42));

        Assert.Equal(a.KnowledgeBase.ContentHash, b.KnowledgeBase.ContentHash);
        Assert.Equal(a.Case.Observations, b.Case.Observations);
        Assert.Equal(RandomWorlds.MakeKnowledgeBase(7).KnowledgeBase.ContentHash, RandomWorlds.MakeKnowledgeBase(7).KnowledgeBase.ContentHash);
    }

    [Fact]
    public void MakeWorld_ManySeeds_SkippedInputsStayRare()
    {
        var worlds = Enumerable.Range(0, Seeds).Select(RandomWorlds.MakeWorld).ToList();
        var skipped = new (string Why, int Count, int AtMost)[]
        {
            ("no rule", worlds.Count(w => w.KnowledgeBase.Rules.IsEmpty), Seeds / 10),
            ("every finding named by the case", worlds.Count(w => w.Case.Observations.Length == w.KnowledgeBase.Findings.Length), Seeds / 4),
            ("no evidence group", worlds.Count(w => w.KnowledgeBase.Groups.IsEmpty), Seeds / 2),
            ("no red flag", worlds.Count(w => w.KnowledgeBase.RedFlags.IsEmpty), Seeds / 2),
            ("only one cause", worlds.Count(w => w.KnowledgeBase.Causes.Length == 1), Seeds / 4),
            ("every red flag decided", worlds.Count(w => new TriageEngine(w.KnowledgeBase).Triage(w.Case).UndecidedRedFlags.IsEmpty), Seeds * 3 / 4),
        };
        foreach (var (why, count, atMost) in skipped)
        {
            output.WriteLine($"{why}: {count} of {Seeds} worlds (at most {atMost})");
        }

        Assert.All(skipped, s => Assert.True(s.Count <= s.AtMost, $"{s.Why}: {s.Count} of {Seeds} worlds, more than {s.AtMost}"));
    }

    [Fact]
    public void MakeWorld_ManySeeds_EveryKindOfRuleAndItemIsDrawn()
    {
        var bases = Enumerable.Range(0, Seeds).Select(seed => RandomWorlds.MakeWorld(seed).KnowledgeBase).ToList();
        var rules = bases.SelectMany(kb => kb.Rules).ToList();
        var drawn = new (string What, int Count)[]
        {
            ("single-finding rules", rules.Count(r => r.IsSingleFinding)),
            ("composite rules", rules.Count(r => r is CriterionRule { Criterion: CountCriterion })),
            ("graded rules", rules.Count(r => r is GradedRule)),
            ("age rules", rules.Count(r => r is CriterionRule { Criterion: AgeCriterion })),
            ("sex rules", rules.Count(r => r is CriterionRule { Criterion: SexCriterion })),
            ("joint group members", bases.Sum(kb => kb.Groups.Sum(g => g.Members.Count(m => m.IsJoint)))),
            ("red flags with an age band", bases.Sum(kb => kb.RedFlags.Count(f => ReadsAge(f.Criterion)))),
            ("Emergency red flags", bases.Sum(kb => kb.RedFlags.Count(f => f.Urgency == Urgency.Emergency))),
            ("avoided treatments", bases.Sum(kb => kb.Causes.Sum(c => c.Recommendations.Count(t => t.Line == TreatmentLine.Avoid)))),
            ("findings with a patient question", bases.Sum(kb => kb.Findings.Count(f => f.PatientQuestion is not null))),
        };
        foreach (var (what, count) in drawn)
        {
            output.WriteLine($"{what}: {count} in {Seeds} bases");
        }

        Assert.All(drawn, d => Assert.True(d.Count > 0, $"no {d.What} in {Seeds} bases"));
    }

    [Fact]
    public void MakeWorld_ManySeeds_TheRankingsHardCaseIsDrawn()
    {
        // The ranking property (TriageEnginePropertyTests) checks that every fired gate keeps a cause in the first
        // three; it says something only about worlds where two or more gates fire and name more than three causes.
        var worlds = Enumerable.Range(0, Seeds).Select(RandomWorlds.MakeWorld).ToList();
        var hard = worlds.Count(w =>
        {
            var fired = new TriageEngine(w.KnowledgeBase).Triage(w.Case).FiredRedFlags.Where(f => !f.SuspectedCauseIds.IsEmpty).ToList();
            return fired.Count >= 2 && fired.SelectMany(f => f.SuspectedCauseIds).Distinct(StringComparer.Ordinal).Count() > 3;
        });
        output.WriteLine($"two or more fired gates naming more than three causes: {hard} of {Seeds} worlds");

        Assert.True(hard > 0, $"no world of {Seeds} has two or more fired gates naming more than three causes");
    }

    [Fact]
    public void MakeWorld_ManySeeds_EveryAllowedValueOfEveryDeclaredChoiceIsDrawn()
    {
        var bases = Enumerable.Range(0, Seeds).Select(seed => RandomWorlds.MakeWorld(seed).KnowledgeBase).ToList();
        var drawn = Tally("cause", Cause.Choices, bases.SelectMany(kb => kb.Causes).ToList())
            .Concat(Tally("finding", Finding.Choices, bases.SelectMany(kb => kb.Findings).ToList()))
            .Concat(Tally("treatment", Treatment.Choices, bases.SelectMany(kb => kb.Treatments).ToList()))
            .Concat(Tally("recommendation", TreatmentRecommendation.Choices, bases.SelectMany(kb => kb.Causes.SelectMany(c => c.Recommendations)).ToList()))
            .ToList();
        foreach (var (what, count, of) in drawn)
        {
            output.WriteLine($"{what}: {count} of {of}");
        }

        Assert.Equal(Cause.Choices.Sum(c => c.Values.Length) + Finding.Choices.Sum(c => c.Values.Length) + Treatment.Choices.Sum(c => c.Values.Length) + TreatmentRecommendation.Choices.Sum(c => c.Values.Length), drawn.Count);
        Assert.All(drawn, d => Assert.True(d.Count > 0, $"no {d.What} in {Seeds} bases"));

        static IEnumerable<(string What, int Count, int Of)> Tally<T>(string kind, IEnumerable<ClinicalChoice<T>> declared, IReadOnlyList<T> items) =>
            declared.SelectMany(choice => choice.Values.Select(value => ($"{kind} {choice.Name} {value}", items.Count(i => Equals(choice.Read(i), value)), items.Count)));
    }

    private static bool ReadsAge(Criterion criterion) =>
        criterion is AgeCriterion || (criterion is CountCriterion count && count.Parts.Any(ReadsAge));
}
