using HipPain.Rules.Authoring;
using HipPain.Rules.Interview;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;
using HipPain.Rules.Validation;

namespace HipPain.Rules.Tests.ModelTests;

/// <summary>
/// A one-sex finding (<see cref="Finding.Sex"/>, such as a pregnancy): written and read in JSON, hashed, refused as
/// present for the other sex (HPC008), never read by a gate (HPK026) and never asked of the other sex.
/// </summary>
public sealed class OneSexFindingTests
{
    private static readonly Evidence Source = new("Test source 2024", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary);

    /// <summary>A base whose finding "p" can be present in women only and raises cause "c" (LR+ 4, LR- 0.9).</summary>
    private static KnowledgeBaseBuilder Base(bool oneSex = true)
    {
        var builder = new KnowledgeBaseBuilder("kb", "1")
            .AddFinding("a", "Finding A", FindingKind.Symptom, question: "A?", patientQuestion: "A?");
        builder = oneSex
            ? builder.AddSexSpecificFinding("p", "Pregnant", FindingKind.RiskFactor, Sex.Female, "Pregnant?", "Are you pregnant?")
            : builder.AddFinding("p", "Pregnant", FindingKind.RiskFactor, question: "Pregnant?", patientQuestion: "Are you pregnant?");
        return builder
            .AddTreatment("tx", "Exercise", TreatmentKind.Physiotherapy, Source)
            .AddCause("c", "Cause C", c => c.Prior(0.3, Source).Finding("p", 4, 0.9, Source).Finding("a", 2, 0.5, Source).Treat("tx"))
            .AddCause("d", "Cause D", c => c.Prior(0.3, Source).Finding("a", 0.5, 1.5, Source).Treat("tx"));
    }

    [Fact]
    public void AddSexSpecificFinding_SexUnspecified_ThrowsNamingTheFinding()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KnowledgeBaseBuilder("kb", "1").AddSexSpecificFinding("p", "Pregnant", FindingKind.RiskFactor, Sex.Unspecified));

        Assert.Equal("sex", ex.ParamName);
        Assert.Contains("Finding 'p'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OneSexFinding_KeepsItsSexAndOthersStayUnspecified()
    {
        var kb = Base().Build();

        Assert.Equal(Sex.Female, kb.Findings.Single(f => f.Id == "p").Sex);
        Assert.Equal(Sex.Unspecified, kb.Findings.Single(f => f.Id == "a").Sex);
    }

    [Fact]
    public void Json_OneSexFinding_WrittenAsSexAndReadBackWithTheSameHash()
    {
        var kb = Base().Build();

        var json = KnowledgeBaseJson.Write(kb);
        var read = KnowledgeBaseJson.Read(json);

        Assert.Contains("\"sex\": \"female\"", json, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"sex\""));
        Assert.Equal(Sex.Female, read.Findings.Single(f => f.Id == "p").Sex);
        Assert.Equal(kb.ContentHash, read.ContentHash);
    }

    [Fact]
    public void Overlay_AddSexSpecificFinding_WrittenReadAndAppliedWithItsSex()
    {
        var overlay = new KnowledgeBaseOverlayBuilder("clinic", "1")
            .AddSexSpecificFinding("hx.testicular-pain", "Testicular pain", FindingKind.Symptom, Sex.Male, patientQuestion: "Do you have pain in a testicle?")
            .Build();

        var json = OverlayJson.Write(overlay);
        var applied = OverlayJson.Read(json).ApplyTo(Base().Build());

        Assert.Contains("\"sex\": \"male\"", json, StringComparison.Ordinal);
        Assert.Equal(Sex.Male, applied.Findings.Single(f => f.Id == "hx.testicular-pain").Sex);
        Assert.Equal(Sex.Female, applied.Findings.Single(f => f.Id == "p").Sex);
    }

    [Fact]
    public void ContentHash_OneSexFinding_DiffersFromTheSameFindingForAnyone()
    {
        Assert.NotEqual(Base(oneSex: false).Build().ContentHash, Base().Build().ContentHash);
    }

    [Theory]
    [InlineData(Sex.Male, FindingState.Present, true)]
    [InlineData(Sex.Male, FindingState.Absent, false)]
    [InlineData(Sex.Male, FindingState.Unknown, false)]
    [InlineData(Sex.Female, FindingState.Present, false)]
    [InlineData(Sex.Unspecified, FindingState.Present, false)]
    public void Validate_OneSexFindingOfTheOtherSex_RefusedOnlyWhenPresent(Sex sex, FindingState state, bool refused)
    {
        var engine = new TriageEngine(Base().Build());

        var problems = engine.Validate(PatientCase.Create(30, sex, Observation.Present("a"), new Observation("p", state)));

        if (refused)
        {
            var problem = Assert.Single(problems);
            Assert.Equal(ErrorCodes.CaseFindingSexMismatch, problem.Code);
            Assert.Equal("$.observations[1].state", problem.Path);
            Assert.Equal("Finding 'p' can be present only in a female patient, and this case's sex ($.sex) is male; give it as absent or unknown, or correct the sex.", problem.Message);
            Assert.Throws<CaseValidationException>(() => engine.Triage(PatientCase.Create(30, sex, new Observation("p", state))));
        }
        else
        {
            Assert.Empty(problems);
        }
    }

    [Fact]
    public void Score_SpanApiOneSexFindingPresentForTheOtherSex_ThrowsNamingTheElementAndTheFinding()
    {
        var engine = new TriageEngine(Base().Build());
        var states = new FindingState[engine.FindingCount];
        states[engine.IndexOfFinding("p")] = FindingState.Present;
        var logOdds = new double[engine.CauseCount];

        var single = Assert.Throws<ArgumentException>(() => engine.Score(states, 30, Sex.Male, logOdds));
        engine.Score(states, 30, Sex.Female, logOdds);
        engine.Score(states, 30, Sex.Unspecified, logOdds);
        var batch = Assert.Throws<ArgumentException>(() => engine.ScoreBatch([.. states, .. states], [30, 31], [Sex.Female, Sex.Male], new double[2 * engine.CauseCount]));

        Assert.Equal("statesByFindingIndex", single.ParamName);
        Assert.StartsWith($"Element {engine.IndexOfFinding("p")} (finding 'p') is Present, but that finding can be present only in a female patient and the sex given is male (HPC008).", single.Message, StringComparison.Ordinal);
        Assert.Equal("statesByCaseThenFinding", batch.ParamName);
        Assert.StartsWith($"Element {engine.FindingCount + engine.IndexOfFinding("p")} (finding 'p')", batch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_OneSexFindingAbsentForTheOtherSex_WeighsItsNegativeRatioAsGiven()
    {
        // The caller said "absent"; the engine weighs what it was given (LR- 0.9), as for any finding.
        var engine = new TriageEngine(Base().Build());

        var unknown = engine.Triage(PatientCase.Create(30, Sex.Male)).Differential.Single(r => r.Cause.Id == "c").LogOdds;
        var absent = engine.Triage(PatientCase.Create(30, Sex.Male, Observation.Absent("p"))).Differential.Single(r => r.Cause.Id == "c").LogOdds;

        Assert.Equal(Math.Log(0.9), absent - unknown, 12);
    }

    [Theory]
    [InlineData(InterviewAudience.Patient)]
    [InlineData(InterviewAudience.Clinician)]
    public void RankQuestions_OneSexFinding_AskedOfThatSexAndOfAnUnknownSexButNeverOfTheOther(InterviewAudience audience)
    {
        var interviewer = new Interviewer(new TriageEngine(Base().Build()), new InterviewOptions { Audience = audience });

        static string[] Asked(Interviewer interviewer, Sex sex) => [.. interviewer.RankQuestions(PatientCase.Create(30, sex)).Select(q => q.Finding.Id)];

        Assert.Contains("p", Asked(interviewer, Sex.Female));
        Assert.Contains("p", Asked(interviewer, Sex.Unspecified));
        Assert.DoesNotContain("p", Asked(interviewer, Sex.Male));
        Assert.Contains("a", Asked(interviewer, Sex.Male));
    }

    [Fact]
    public void Validate_GateReadingAOneSexFinding_ReportsHPK026AtTheCriterionAndTheContext()
    {
        var builder = Base().AddRedFlag("rf", "Flag", f => f
            .When(Criterion.AllOf(Criterion.Present("p"), Criterion.Present("a")))
            .AskWhen(Criterion.Present("p"))
            .Urgency(Urgency.Urgent)
            .Action("Act")
            .Suspect("c")
            .Evidence(Source));

        var problems = builder.Validate().Where(p => p.Code == ErrorCodes.RedFlagReadsOneSexFinding).ToArray();

        Assert.Equal(["$.redFlags[0].criterion", "$.redFlags[0].askWhen"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Equal(
            "Red flag 'rf' reads finding 'p', which can be present only in a female patient; a gate must be decidable for every patient and a one-sex finding is never asked of the other sex, so read a finding anyone can have, with Criterion.SexIs(...) for the sex.",
            p.Message));
    }

    [Fact]
    public void Read_SexNotAllowed_RefusedAtItsPathNamingTheAllowedValues()
    {
        var json = KnowledgeBaseJson.Write(Base().Build()).Replace("\"sex\": \"female\"", "\"sex\": \"unspecified\"", StringComparison.Ordinal);

        var ex = Assert.ThrowsAny<Exception>(() => KnowledgeBaseJson.Read(json));

        Assert.Contains("female, male", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sex", ex.Message, StringComparison.Ordinal);
    }
}
