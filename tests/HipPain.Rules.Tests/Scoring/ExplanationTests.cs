using HipPain.Rules.Authoring;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;

namespace HipPain.Rules.Tests.Scoring;

/// <summary>
/// What a ranked cause's explanation says: which members of an evidence group count and which they stand for, the
/// labels and order of the contributions, the pending rules, and the text forms a clinic shows.
/// </summary>
public sealed class ExplanationTests
{
    private static readonly Evidence Source = new("Explanation test source 2025", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    /// <summary>
    /// The first cause's group is the base's first (its members are the first in the scoring tables): s1 (5, 0.2),
    /// s2 (3, 0.5), a neutral n1 (1, 1), s3 (2, 0.3) and s4 (4, 0.3). The second cause has a group whose joint composite comes last,
    /// ungrouped rules of every label kind, and two rules of equal weight whose ids sort against authoring order.
    /// </summary>
    private static readonly TriageEngine Engine = new(Base());

    private static KnowledgeBase Base() => new KnowledgeBaseBuilder("explain", "1")
        .AddFinding("s1", "Sign one", FindingKind.Examination)
        .AddFinding("s2", "Sign two", FindingKind.Examination)
        .AddFinding("n1", "Neutral sign", FindingKind.Examination)
        .AddFinding("s3", "Sign three", FindingKind.Examination)
        .AddFinding("s4", "Sign four", FindingKind.Examination)
        .AddFinding("j1", "Joint part one", FindingKind.Examination)
        .AddFinding("j2", "Joint part two", FindingKind.Examination)
        .AddFinding("m1", "Member one", FindingKind.Examination)
        .AddFinding("p", "Part p", FindingKind.Symptom)
        .AddFinding("q", "Part q", FindingKind.Symptom)
        .AddFinding("r", "Part r", FindingKind.Symptom)
        .AddFinding("zz", "Last by id", FindingKind.Symptom)
        .AddFinding("aa", "First by id", FindingKind.Symptom)
        .AddFinding("g1", "Graded one", FindingKind.Symptom)
        .AddFinding("g2", "Graded two", FindingKind.Symptom)
        .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
        .AddCause("grouped", "Grouped", c => c.Prior(0.5, Source).Treat("tx")
            .Group("grouped/signs", "Signs", g => g
                .Finding("s1", 5, 0.2, Source)
                .Finding("s2", 3, 0.5, Source)
                .Finding("n1", 1, 1, Source)
                .Finding("s3", 2, 0.3, Source)
                .Finding("s4", 4, 0.3, Source)))
        .AddCause("mixed", "Mixed", c => c.Prior(0.2, Source).Treat("tx")
            .Group("mixed/cluster", "Cluster", g => g
                .Finding("m1", 4, 0.5, Source)
                .Composite("mixed/joint", Criterion.AllOf("j1", "j2"), 6, 0.1, Source, "Joint cluster", joint: true))
            .Composite("mixed/three", Criterion.AllOf("p", "q", "r"), 8, 0.4, Source, "Three parts")
            .Finding("zz", 2, 0.5, Source)
            .Finding("aa", 2, 0.5, Source)
            .Sex(Sex.Female, 1.5, 0.8, Source)
            .Age(30, 50, 1.2, 0.9, Source)
            .Graded("mixed/graded", [Criterion.Present("g1"), Criterion.Present("g2")], [0.5, 1.5, 3], Source))
        .Build();

    private static RankedCause Cause(string id, int? age, Sex sex, params Observation[] observations) =>
        Engine.Triage(PatientCase.Create(age, sex, observations)).Differential.Single(r => r.Cause.Id == id);

    [Fact]
    public void Group_MembersForAndAgainst_StrongestOfEachCountsTheForOneStandingForTheNeutralToo()
    {
        var grouped = Cause("grouped", null, Sex.Unspecified, Observation.Present("s1"), Observation.Present("s2"), Observation.Present("n1"), Observation.Absent("s3"));

        Assert.Equal(Math.Log(5) + Math.Log(0.3), grouped.LogOdds, 12);
        Assert.Equal(["grouped/s1", "grouped/s3"], grouped.Contributions.Select(c => c.Rule.Id));
        var forCause = grouped.Contributions[0];
        Assert.Equal(("Sign one: present", 5.0, true), (forCause.Label, forCause.Factor, forCause.CriterionMet));
        Assert.Equal(["grouped/s2", "grouped/n1"], forCause.Subsumed.Select(s => s.Rule.Id));
        Assert.Equal([3.0, 1.0], forCause.Subsumed.Select(s => s.Factor));
        var against = grouped.Contributions[1];
        Assert.Equal(("Sign three: absent", 0.3, false), (against.Label, against.Factor, against.CriterionMet));
        Assert.Empty(against.Subsumed);
        Assert.Equal(["grouped/s1"], grouped.For.Select(c => c.Rule.Id));
        Assert.Equal(["grouped/s3"], grouped.Against.Select(c => c.Rule.Id));
    }

    [Fact]
    public void Group_OnlyMembersAgainst_TheStrongestAgainstCountsAndStandsForTheOthersAndTheNeutral()
    {
        var grouped = Cause("grouped", null, Sex.Unspecified, Observation.Absent("s2"), Observation.Present("n1"), Observation.Absent("s3"));

        Assert.Equal(Math.Log(0.3), grouped.LogOdds, 12);
        var counted = Assert.Single(grouped.Contributions);
        Assert.Equal("grouped/s3", counted.Rule.Id);
        Assert.Equal(["grouped/s2", "grouped/n1"], counted.Subsumed.Select(s => s.Rule.Id));
        Assert.Empty(grouped.For);
    }

    [Fact]
    public void Group_TwoMembersEquallyStrongAgainst_TheFirstInOrderCounts()
    {
        var grouped = Cause("grouped", null, Sex.Unspecified, Observation.Absent("s4"), Observation.Absent("s3"));

        var counted = Assert.Single(grouped.Contributions);
        Assert.Equal("grouped/s3", counted.Rule.Id);
        Assert.Equal(["grouped/s4"], counted.Subsumed.Select(s => s.Rule.Id));
    }

    [Fact]
    public void Group_OnlyNeutralMembersDecided_TheFirstCountsWithNothingElse()
    {
        var grouped = Cause("grouped", null, Sex.Unspecified, Observation.Present("n1"));

        Assert.Equal(0.0, grouped.LogOdds, 12);
        var counted = Assert.Single(grouped.Contributions);
        Assert.Equal(("grouped/n1", ContributionDirection.Neutral), (counted.Rule.Id, counted.Direction));
        Assert.Empty(counted.Subsumed);
        Assert.Empty(grouped.For);
        Assert.Empty(grouped.Against);
    }

    [Fact]
    public void Group_JointMemberLastDecided_ItCountsAloneStandingForTheEarlierMember()
    {
        var mixed = Cause("mixed", null, Sex.Unspecified, Observation.Present("m1"), Observation.Present("j1"), Observation.Present("j2"));

        var counted = mixed.Contributions.Single(c => c.Group is not null);
        Assert.Equal(("mixed/joint", "Joint cluster: met", 6.0), (counted.Rule.Id, counted.Label, counted.Factor));
        Assert.Equal(["mixed/m1"], counted.Subsumed.Select(s => s.Rule.Id));
        Assert.Equal(Math.Log(0.2 / 0.8) + Math.Log(6), mixed.LogOdds, 12);
    }

    [Fact]
    public void Contributions_EqualWeight_OrderedByRuleIdAndLargerWeightsFirst()
    {
        // zz (authored first) and aa weigh ln 2 each way; the three-part composite (ln 0.4) outweighs both.
        var mixed = Cause("mixed", null, Sex.Unspecified, Observation.Present("zz"), Observation.Absent("aa"), Observation.Absent("p"));

        Assert.Equal(["mixed/three", "mixed/aa", "mixed/zz"], mixed.Contributions.Select(c => c.Rule.Id));
        Assert.Equal(["Three parts: not met", "First by id: absent", "Last by id: present"], mixed.Contributions.Select(c => c.Label));
        Assert.Equal([0.4, 0.5, 2.0], mixed.Contributions.Select(c => c.Factor));
    }

    [Fact]
    public void Contributions_AgeSexAndGradedRules_LabelledWithTheirConditionAndCount()
    {
        // A new engine, not the shared one: labels are made when a base is compiled, which a mutation run must reach.
        var mixed = new TriageEngine(Base()).Triage(PatientCase.Create(40, Sex.Female, Observation.Present("g1"), Observation.Absent("g2"), Observation.Present("p"), Observation.Present("q"), Observation.Present("r")))
            .Differential.Single(r => r.Cause.Id == "mixed");

        var labels = mixed.Contributions.ToDictionary(c => c.Rule.Id, c => c.Label);
        Assert.Equal("Three parts: met", labels["mixed/three"]);
        Assert.Equal("graded(present(g1), present(g2)): 1 of 2 met", labels["mixed/graded"]);
        var sex = mixed.Contributions.Single(c => c.Label.StartsWith("Sex", StringComparison.Ordinal));
        var age = mixed.Contributions.Single(c => c.Label.StartsWith("Age", StringComparison.Ordinal));
        Assert.Equal(("Sex female: met", 1.5), (sex.Label, sex.Factor));
        Assert.Equal(("Age 30..50: met", 1.2), (age.Label, age.Factor));
    }

    [Fact]
    public void Pending_CompositePartlyAnswered_ListedWithItsMissingFindingsAndNotCounted()
    {
        var mixed = Cause("mixed", null, Sex.Unspecified, Observation.Present("p"));

        Assert.Empty(mixed.Contributions);
        Assert.Equal(Math.Log(0.2 / 0.8), mixed.LogOdds, 12);
        var pending = Assert.Single(mixed.Pending);
        Assert.Equal(("mixed/three", "Three parts"), (pending.Rule.Id, pending.Label));
        Assert.Equal(["q", "r"], pending.MissingFindingIds);
        Assert.Equal("Three parts (needs q, r)", pending.ToString());
    }

    [Fact]
    public void ToString_GroupedContribution_NamesFactorLogOddsCitationGroupAndWhatItStandsFor()
    {
        var grouped = Cause("grouped", null, Sex.Unspecified, Observation.Present("s1"), Observation.Present("s2"), Observation.Present("n1"));

        Assert.Equal(
            "Sign one: present: x5 (+1.609 log-odds) [Explanation test source 2025] for group grouped/signs, standing for grouped/s2, grouped/n1",
            grouped.Contributions[0].ToString());
        Assert.Equal("Sign two: present: x3 (+1.099 log-odds) [Explanation test source 2025] for group grouped/signs", grouped.Contributions[0].Subsumed[0].ToString());
    }

    [Fact]
    public void ToString_UngroupedContribution_NoGroupPart()
    {
        var mixed = Cause("mixed", null, Sex.Unspecified, Observation.Present("zz"));

        Assert.Equal("Last by id: present: x2 (+0.693 log-odds) [Explanation test source 2025]", Assert.Single(mixed.Contributions).ToString());
    }

    [Fact]
    public void Pending_JointMemberFirstInTheTablesDecided_NoOtherMemberPending()
    {
        // The group's joint composite is the first member of the base's first group; its other member is half answered.
        var engine = new TriageEngine(new KnowledgeBaseBuilder("joint-first", "1")
            .AddFinding("j1", "Joint part one", FindingKind.Examination)
            .AddFinding("j2", "Joint part two", FindingKind.Examination)
            .AddFinding("p", "Part p", FindingKind.Symptom)
            .AddFinding("q", "Part q", FindingKind.Symptom)
            .AddTreatment("tx", "Treatment", TreatmentKind.Physiotherapy, Source)
            .AddCause("only", "Only", c => c.Prior(0.3, Source).Treat("tx")
                .Group("only/cluster", "Cluster", g => g
                    .Composite("only/joint", Criterion.AllOf("j1", "j2"), 6, 0.1, Source, "Joint cluster", joint: true)
                    .Composite("only/pair", Criterion.AllOf("p", "q"), 3, 0.5, Source, "Pair")))
            .Build());

        var decided = engine.Triage(PatientCase.Create(null, Sex.Unspecified, Observation.Present("j1"), Observation.Present("j2"), Observation.Present("p"))).Leading;
        var open = engine.Triage(PatientCase.Create(null, Sex.Unspecified, Observation.Present("j1"), Observation.Present("p"))).Leading;

        Assert.Equal("only/joint", Assert.Single(decided.Contributions).Rule.Id);
        Assert.Empty(decided.Pending);
        Assert.Equal(["only/joint", "only/pair"], open.Pending.Select(p => p.Rule.Id));
    }

    [Fact]
    public void ToString_GroupedContributionStandingForNothing_NoStandingForPart()
    {
        var grouped = Cause("grouped", null, Sex.Unspecified, Observation.Absent("s3"));

        Assert.Equal("Sign three: absent: x0.3 (-1.204 log-odds) [Explanation test source 2025] for group grouped/signs", Assert.Single(grouped.Contributions).ToString());
    }
}
