using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Tests.Generators;

namespace HipPain.Rules.Tests.Interview;

/// <summary>
/// Rule R8 (docs/interview.md): among red-flag questions of the same cost and urgency, the questions of gates in their
/// context come first, then the questions that can bring a gate's context about, then the rest. A patient interview
/// asks only questions of the first kind, so the rule orders a clinician's questions.
/// </summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 150)]
public sealed class ContextOrderTests
{
    private static readonly TriageEngine Engine = new(BuiltInKnowledgeBase.Instance);
    private static readonly Interviewer Clinician = new(Engine);

    private static List<string> Ranked(params Observation[] observations) =>
        [.. Clinician.RankQuestions(PatientCase.Create(35, Sex.Male, observations)).Select(q => q.Finding.Id)];

    [Fact]
    public void RankQuestions_ClinicianEmptyCase_FeverThenAFallThenTheHipReplacementBeforeTheSkinOverIt()
    {
        // Base 0.20.0: a fall or blow is in both fall gates' criteria and is the context of the deformity and avulsion
        // gates, so it comes right after fever; the hip replacement still comes before the skin over it.
        var ranked = Ranked();

        Assert.Equal([Findings.Fever, Findings.FallOrTrauma, Findings.HipProsthesis, Findings.SkinInfectionNearHip], ranked.Take(4));
    }

    [Fact]
    public void RankQuestions_ClinicianWithAHipReplacement_AsksTheSkinOverItWithTheInfectionScreen()
    {
        // The prosthesis puts the gate in its context: its skin question joins fever, ahead of the cauda equina
        // questions, whose context (back, buttock or leg symptoms) has not appeared.
        var ranked = Ranked(Observation.Present(Findings.HipProsthesis));

        Assert.Contains(Findings.SkinInfectionNearHip, ranked.Take(2));
        Assert.True(ranked.IndexOf(Findings.SkinInfectionNearHip) < ranked.IndexOf(Findings.SaddleAnaesthesia), string.Join(", ", ranked.Take(8)));
    }

    [Fact]
    public void RankQuestions_ClinicianEmptyCase_WhereItHurtsBeforeTheSignsOnlyAPainfulGroinMakesRedFlags()
    {
        // Groin pain is the femoral-neck gate's context and part of its criterion; a limp is one of its signs.
        var ranked = Ranked();

        Assert.True(ranked.IndexOf(Findings.Groin) < ranked.IndexOf(Findings.Limp), string.Join(", ", ranked.Take(12)));
    }

    [Fact]
    public void RankQuestions_ClinicianWithGroinPain_TheSignsOfTheGateNowInContextComeFirst()
    {
        var ranked = Ranked(Observation.Present(Findings.Groin));
        var question = Clinician.NextQuestion(PatientCase.Create(35, Sex.Male, Observation.Present(Findings.Groin)))!;

        Assert.Equal(ranked[0], question.Finding.Id);
        Assert.True(ranked.IndexOf(Findings.Limp) < ranked.IndexOf(Findings.LowerBack), string.Join(", ", ranked.Take(12)));
    }

    [Property]
    public Property OpenGateContextRank_PatientInterview_EveryRedFlagQuestionIsInContext(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions { Audience = InterviewAudience.Patient }), world.Case);
        var redFlagQuestions = Enumerable.Range(0, world.KnowledgeBase.Findings.Length).Where(f => !analysis.IsClosed(f) && analysis.OpenGateUrgency(f) is not null).ToArray();

        return redFlagQuestions.All(f => analysis.OpenGateContextRank(f) == 2)
            .Label(world.ToString())
            .Classify(redFlagQuestions.Length == 0, "no red-flag question open");
    }

    [Property]
    public Property RankQuestions_Clinician_RedFlagQuestionsOfOneCostAndUrgencyAreInContextRankOrder(World world)
    {
        var engine = new TriageEngine(world.KnowledgeBase);
        var analysis = new CaseAnalysis(new InterviewModel(engine, new InterviewOptions()), world.Case);
        var index = world.KnowledgeBase.Findings.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var ranked = new Interviewer(engine).RankQuestions(world.Case).Where(q => q.IsRedFlagQuestion).ToArray();

        var ordered = ranked.Zip(ranked.Skip(1)).All(pair =>
            pair.First.Cost != pair.Second.Cost
            || analysis.OpenGateUrgency(index[pair.First.Finding.Id]) != analysis.OpenGateUrgency(index[pair.Second.Finding.Id])
            || analysis.OpenGateContextRank(index[pair.First.Finding.Id]) >= analysis.OpenGateContextRank(index[pair.Second.Finding.Id]));
        var mixed = ranked.Select(q => analysis.OpenGateContextRank(index[q.Finding.Id])).Distinct().Count() > 1;
        return ordered.Label(world.ToString()).Classify(mixed, "questions of more than one context rank");
    }
}
