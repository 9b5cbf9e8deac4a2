using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Tests.Knowledge;

/// <summary>
/// Base 0.27.0: a hip replacement on the painful side (docs/evidence/facts-addendum-55-replaced-hip.md, registered again
/// with the finding's present rate by facts-addendum-56-finding-rates.md). Five causes of the structures the operation
/// removes take LR+ 0.25 (rule R1); iliopsoas, lumbar referred pain and GTPS move to their shares among painful replaced
/// hips (rule R2); septic arthritis keeps Margaretten's 3.1; no gate reads the new rules; and the interviewer's answer
/// model expects the finding in about one patient in a hundred.
/// </summary>
public sealed class ReplacedHipTests
{
    private static readonly KnowledgeBase Kb = BuiltInKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Kb);

    /// <summary>Rule R1: the causes whose structures a replacement removes.</summary>
    private static readonly string[] Removed = ["hip-oa", "fai-syndrome", "labral-tear", "avascular-necrosis", "femoral-neck-stress-fracture"];

    /// <summary>Rule R2: each cause's share among 388 painful hip arthroplasties (Hulin 2025) and the ratio registered for it.</summary>
    private static readonly (string Cause, double Share, double Registered)[] Shares =
    [
        ("iliopsoas", 0.21, 3.06),
        ("lumbar-radicular", 0.146, 2.68),
        ("gtps", 0.13, 0.6),
    ];

    public static TheoryData<string> RemovedCauses => [.. Removed];

    [Theory]
    [MemberData(nameof(RemovedCauses))]
    public void RuleR1_RemovedStructure_IsAnEstimateAtTheBoundWithNothingWhenAbsent(string causeId)
    {
        var rule = FindingAssert.EstimatedRule(Kb, causeId + "/" + Findings.HipProsthesis, 0.25, 1.0, "addendum 55", "Merck Manual");

        Assert.Equal(Sources.MinimumEstimatedPositive, rule.Ratio.Positive);
        Assert.Contains("PA55-4", rule.Evidence.Note!, StringComparison.Ordinal);
        Assert.DoesNotContain(Kb.Groups, g => g.Members.Any(m => m.RuleId == rule.Id));
    }

    [Fact]
    public void RuleR2_EachRatio_RecomputesFromTheSharesAndTheBasesPriors()
    {
        foreach (var (causeId, share, registered) in Shares)
        {
            var prior = Kb.Causes.Single(c => c.Id == causeId).Prior;
            var computed = Math.Round(share / (1 - share) / (prior / (1 - prior)), 2);
            var rule = FindingAssert.EstimatedRule(Kb, causeId + "/" + Findings.HipProsthesis, registered, 1.0, "addendum 55", "Hulin K");

            Assert.True(computed == registered, $"{causeId}: the prior is now {prior}, which gives {computed}, not the registered {registered}; re-derive the rule (facts addendum 55, rule R2).");
            Assert.Equal(computed, rule.Ratio.Positive);
            Assert.Equal(computed, Sources.FromShareInSetting(share, prior));
        }
    }

    [Fact]
    public void FromShareInSetting_AloneKnown_GivesTheShareAsTheProbability()
    {
        // Bayes' rule for one finding: the prior's odds times the ratio are the share's odds.
        var ratio = Sources.FromShareInSetting(0.21, 0.08);
        var odds = 0.08 / 0.92 * ratio;

        Assert.Equal(0.21, odds / (1 + odds), 3);
        Assert.Equal(1.0, Sources.FromShareInSetting(0.2, 0.2));
        Assert.True(Sources.FromShareInSetting(0.1, 0.2) < 1);
    }

    [Fact]
    public void Readers_AreTheNineRulesAndTheProsthesisGate()
    {
        string[] rules = [.. Removed.Concat(Shares.Select(s => s.Cause)).Append("septic-arthritis").Select(c => c + "/" + Findings.HipProsthesis), "septic-arthritis/prosthesis-skin-infection"];

        FindingAssert.OnlyTheseRulesRead(Kb, Findings.HipProsthesis, rules);
        Assert.Equal(3.1, Assert.IsType<CriterionRule>(Kb.Rules.Single(r => r.Id == "septic-arthritis/" + Findings.HipProsthesis)).Ratio.Positive);
        Assert.Equal(["rf.prosthesis-skin-infection"], Kb.RedFlags.Where(f => f.Criterion.FindingIds().Contains(Findings.HipProsthesis)).Select(f => f.Id));
    }

    [Fact]
    public void Triage_GroinPainWithAReplacedHip_MovesTheEightCausesBySection3AndSepticArthritisByItsOwnRule()
    {
        Observation[] pain = [Observation.Present(Findings.Groin)];
        var without = Engine.Triage(PatientCase.Create(67, Sex.Female, pain));
        var with = Engine.Triage(PatientCase.Create(67, Sex.Female, [.. pain, Observation.Present(Findings.HipProsthesis)]));
        var ratios = Removed.ToDictionary(c => c, _ => 0.25);
        foreach (var (causeId, _, registered) in Shares)
        {
            ratios[causeId] = registered;
        }

        ratios["septic-arthritis"] = 3.1;

        FindingAssert.OnlyTheseCausesMove(without, with, ratios);
        Assert.Equal("hip-oa", without.Differential[0].Cause.Id);
        Assert.NotEqual("hip-oa", with.Differential[0].Cause.Id);
    }

    [Fact]
    public void Triage_ReplacementStatedAbsent_MovesNothing()
    {
        Observation[] pain = [Observation.Present(Findings.Groin)];
        var without = Engine.Triage(PatientCase.Create(40, Sex.Male, pain));
        var with = Engine.Triage(PatientCase.Create(40, Sex.Male, [.. pain, Observation.Absent(Findings.HipProsthesis)]));

        FindingAssert.OnlyTheseCausesMove(without, with, new Dictionary<string, double>());
    }

    [Fact]
    public void PresentRate_IsOnePercent_AndTheAnswerModelExpectsTheReplacementRarely()
    {
        var model = new AnswerModel(Kb);

        Assert.Equal(0.01, Kb.Findings.Single(f => f.Id == Findings.HipProsthesis).PresentRate);

        // A cause without a rule on it: the stated rate, not the 0.2 background. A raising cause: its ratio times the rate.
        Assert.Equal(0.01, model.PresentRate("muscle-strain", Findings.HipProsthesis), 12);
        Assert.Equal(3.06 * 0.01, model.PresentRate("iliopsoas", Findings.HipProsthesis), 12);
        Assert.NotEqual(model.BackgroundPresentRate, model.PresentRate("muscle-strain", Findings.HipProsthesis));
        Assert.NotEqual(model.AlarmBackgroundPresentRate, model.PresentRate("muscle-strain", Findings.HipProsthesis));
    }

    [Theory]
    [InlineData(30, Sex.Female, Findings.LateralHip)] // asked about a replacement without the rate (facts addendum 55)
    [InlineData(45, Sex.Male, Findings.LateralHip)] // likewise
    [InlineData(30, Sex.Female, Findings.Groin)]
    [InlineData(67, Sex.Female, Findings.Buttock)]
    public void PatientInterview_RunnerSayingNoToEverything_NeverAsksAboutAReplacement(int age, Sex sex, string painRegion)
    {
        var interviewer = new Interviewer(Engine, new InterviewOptions { Audience = InterviewAudience.Patient });

        var transcript = interviewer.Conduct(PatientCase.Create(age, sex, Observation.Present(painRegion)), _ => FindingState.Absent);

        Assert.DoesNotContain(transcript.Answers, a => a.Question.Finding.Id == Findings.HipProsthesis);
    }

    [Fact]
    public void PatientInterview_ClinicOverlayRaisingTheRate_AsksAboutAReplacementTheBaseDoesNotAsk()
    {
        // The overlay's rate is the base's background rate for a finding without one (0.2): the mechanism, not a figure.
        var clinic = new KnowledgeBaseOverlayBuilder("older-clinic", "1").SetPresentRate(Findings.HipProsthesis, 0.2).Build().ApplyTo(Kb);
        var patient = PatientCase.Create(30, Sex.Female, Observation.Present(Findings.LateralHip));
        static bool AsksAboutAReplacement(TriageEngine engine, PatientCase patient) =>
            new Interviewer(engine, new InterviewOptions { Audience = InterviewAudience.Patient })
                .Conduct(patient, _ => FindingState.Absent)
                .Answers.Any(a => a.Question.Finding.Id == Findings.HipProsthesis);

        Assert.Equal(0.2, clinic.Findings.Single(f => f.Id == Findings.HipProsthesis).PresentRate);
        Assert.False(AsksAboutAReplacement(Engine, patient));
        Assert.True(AsksAboutAReplacement(new TriageEngine(clinic), patient));
    }
}
