using System.Text;
using HipPain.Rules.Authoring;
using HipPain.Rules.Interview;
using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;
using HipPain.Rules.Scoring;
using HipPain.Rules.Serialization;

namespace HipPain.Rules.Tests.Safety.Fuzzing;

/// <summary>
/// The valid documents the fuzzers mutate, made through the public API only (the DI tests and the SharpFuzz
/// harness link this file): a small knowledge base that uses every form of the format, the built-in base, an
/// overlay that uses every change an overlay can make, cases, and a text pack.
/// </summary>
public static class FuzzSeeds
{
    private static readonly Evidence Source = new("Fuzz seed source 2026", EvidenceLevel.CohortStudy, VerificationStatus.VerifiedPrimary, "a note");

    private static readonly Lazy<KnowledgeBase> SmallBase = new(CreateSmallBase);

    /// <summary>The small knowledge base the overlay and case seeds are written for.</summary>
    public static KnowledgeBase Small => SmallBase.Value;

    /// <summary>Knowledge-base documents: the small base (mostly) and the built-in base (one draw in twenty, as it is 40 times larger).</summary>
    public static byte[] KnowledgeBase(Random rng) =>
        rng.Next(20) == 0 ? BuiltInBaseJson.Value : SmallBaseJson.Value;

    /// <summary>Overlay documents for <see cref="Small"/>: the full overlay, and small ones each with a few of its changes.</summary>
    public static byte[] Overlay(Random rng) => Overlays.Value[rng.Next(Overlays.Value.Length)];

    /// <summary>Case documents.</summary>
    public static byte[] Case(Random rng) => Cases.Value[rng.Next(Cases.Value.Length)];

    /// <summary>
    /// Triage-result documents for <see cref="Small"/> (read back on an engine over it): results of the case seeds and
    /// of cases that fire the red flag, leave it undecided and decide the graded rule and the group, with the default
    /// options (the reader replays and verifies a result; see <c>TriageResultJson.Read</c>).
    /// </summary>
    public static byte[] TriageResult(Random rng) => Results.Value[rng.Next(Results.Value.Length)];

    /// <summary>Interview-state documents for <see cref="Small"/>: the states of an interview, step by step, for both audiences.</summary>
    public static byte[] InterviewState(Random rng) => States.Value[rng.Next(States.Value.Length)];

    /// <summary>Text-pack documents: the small base's own wording.</summary>
    public static byte[] TextPack(Random rng) => TextPackJsonBytes.Value;

    /// <summary>
    /// Every seed by kind, for the committed corpus of the SharpFuzz harness; the built-in base is left out, as AFL
    /// works best on small inputs (the CI fuzzers use it).
    /// </summary>
    public static IEnumerable<(string Kind, string Name, byte[] Bytes)> All()
    {
        yield return ("knowledge-base", "small", SmallBaseJson.Value);
        for (var i = 0; i < Overlays.Value.Length; i++)
        {
            yield return ("overlay", $"overlay-{i}", Overlays.Value[i]);
        }

        for (var i = 0; i < Cases.Value.Length; i++)
        {
            yield return ("case", $"case-{i}", Cases.Value[i]);
        }

        yield return ("text-pack", "small", TextPackJsonBytes.Value);
    }

    private static readonly Lazy<byte[]> SmallBaseJson = new(() => Utf8(KnowledgeBaseJson.Write(Small)));

    private static readonly Lazy<byte[]> BuiltInBaseJson = new(() => Utf8(KnowledgeBaseJson.Write(BuiltInKnowledgeBase.Instance)));

    private static readonly Lazy<byte[]> TextPackJsonBytes = new(() => Utf8(TextPackJson.Write(Small.Text)));

    private static readonly Lazy<byte[][]> Overlays = new(() => [.. OverlayTexts().Select(Utf8)]);

    private static readonly Lazy<byte[][]> Cases = new(() =>
    [
        Utf8(CaseJson.Write(PatientCase.Create(34, Sex.Female, Observation.Present("a"), Observation.Absent("b"), Observation.Unknown("c")).WithLabel("fuzz \"seed\" ✓"))),
        Utf8(CaseJson.Write(PatientCase.Create(null, Sex.Unspecified))),
        Utf8(CaseJson.Write(PatientCase.Create(120, Sex.Male, Observation.Present("x.1"), Observation.Present("x.2"), Observation.Absent("x.3"), Observation.Present("a")))),
        """{"$schema":"case.v1.schema.json","formatVersion":1,"age":0,"sex":"female","observations":[{"findingId":"a","state":"unknown"}]}"""u8.ToArray(),
    ]);

    private static readonly Lazy<byte[][]> Results = new(() =>
    {
        var engine = new TriageEngine(Small);
        PatientCase[] cases =
        [
            PatientCase.Create(34, Sex.Female, Observation.Present("a"), Observation.Absent("b"), Observation.Unknown("c")),
            PatientCase.Create(52, Sex.Female, Observation.Present("e"), Observation.Absent("a"), Observation.Present("b")).WithLabel("red flag fired"),
            PatientCase.Create(null, Sex.Unspecified, Observation.Present("d")),
            PatientCase.Create(17, Sex.Male, Observation.Absent("e"), Observation.Present("a"), Observation.Present("b"), Observation.Absent("c"), Observation.Present("d")),
        ];
        return [.. cases.Select(c => Utf8(TriageResultJson.Write(engine.Triage(c))))];
    });

    private static readonly Lazy<byte[][]> States = new(() =>
    {
        var states = new List<byte[]>();
        foreach (var audience in new[] { InterviewAudience.Clinician, InterviewAudience.Patient })
        {
            var interviewer = new Interviewer(new TriageEngine(Small), new InterviewOptions { Audience = audience });
            var step = interviewer.Start(PatientCase.Create(41, Sex.Female, Observation.Present("a")).WithLabel("interview \"seed\""));
            states.Add(Utf8(InterviewStateJson.Write(step.State)));
            for (var answer = 0; answer < 3 && !step.IsFinished; answer++)
            {
                step = interviewer.Answer(step, answer == 1 ? FindingState.Absent : FindingState.Present);
                states.Add(Utf8(InterviewStateJson.Write(step.State)));
            }
        }

        return [.. states];
    });

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static KnowledgeBase CreateSmallBase() => new KnowledgeBaseBuilder("fuzz-base", "1.0.0", "Fuzz seed base")
        .AddFinding("a", "Finding A", FindingKind.PainLocation, BodyRegion.LateralHip, "Where is the pain?", "Does it hurt on the side of the hip?")
        .AddFinding("b", "Finding B", FindingKind.Examination)
        .AddFinding("c", "Finding C", FindingKind.History, question: "Any change in mileage?")
        .AddFinding("d", "Finding D", FindingKind.Symptom)
        .AddFinding("e", "Finding E", FindingKind.Investigation)
        .AddTreatment("tx.rest", "Relative rest", TreatmentKind.SelfCare, Source, "Reduce load.")
        .AddTreatment("tx.mri", "MRI", TreatmentKind.Imaging, Source)
        .AddTreatment("tx.avoid", "Running through pain", TreatmentKind.SelfCare, Source)
        .AddCause("common", "A common cause", c => c
            .Describe("Common and benign.").Codes("M70.6", "202855006").Prior(0.3, Source)
            .Finding("a", 3.0, 0.2, Source)
            .Composite("common/cluster", Criterion.AtLeast(2, Criterion.Present("b"), Criterion.Absent("c"), Criterion.Present("d")), 4.5, 0.4, Source, "Two of three")
            .Age(18, 60, 1.3, 0.8, Source)
            .Sex(Sex.Female, 1.5, 0.7, Source)
            .Treat("tx.rest").Treat("tx.mri", TreatmentLine.SecondLine, "if no better").Avoid("tx.avoid", "it delays healing")
            .Running(RunningRestriction.ReduceLoad, "Run less.")
            .Graded("common/graded", [Criterion.Absent("a"), Criterion.AgeBetween(40, null), Criterion.SexIs(Sex.Male)], [0.6, null, 1.8, 3.2], Source, "Graded count")
            .Group("common/loading", "Loading tests", g => g.Member("common/graded", joint: true).Member("common/a")))
        .AddCause("serious", "A serious cause", c => c
            .Prior(0.02, Source).SuspectedUrgency(Urgency.Urgent)
            .Composite("serious/both", Criterion.AllOf(Criterion.Present("e"), Criterion.AnyOf(Criterion.Present("b"), Criterion.AgeBetween(null, 20))), 8.0, 1.0, Source)
            .Finding("c", 2.0, 0.6, Source)
            .Treat("tx.mri"))
        .AddRedFlag("rf.serious", "Possible serious cause", r => r
            .When(Criterion.AllOf(Criterion.Present("e"), Criterion.SexIs(Sex.Female)))
            .Urgency(Urgency.Urgent).Action("Image within days.").Running(RunningRestriction.StopRunning, "Stop running.")
            .Suspect("serious").Evidence(Source))
        .Build();

    private static IEnumerable<string> OverlayTexts()
    {
        const string evidence = """{"citation":"Clinic audit","level":"cohortStudy","status":"estimated","note":"n"}""";
        string[] changes =
        [
            """
            "priors":[{"cause":"common","prior":0.25,"priorEvidence":EVIDENCE}]
            """,
            """
            "findingNumbers":[{"id":"a","presentRate":0.3}]
            """,
            """
            "addFindings":[{"id":"f.new","name":"New finding","kind":"symptom","region":"buttock","question":"Q?","patientQuestion":"PQ?"}]
            """,
            """
            "addTreatments":[{"id":"tx.new","name":"New treatment","kind":"physiotherapy","description":"D","evidence":EVIDENCE}]
            """,
            """
            "addCauses":[{"id":"new-cause","name":"New cause","prior":0.05,"priorEvidence":EVIDENCE,"suspectedUrgency":"routine",
              "rules":[{"id":"new-cause/d","criterion":{"present":"d"},"ratio":{"positive":2,"negative":0.5},"evidence":EVIDENCE}],
              "recommendations":[{"treatmentId":"tx.rest"}]}]
            """,
            """
            "addRules":[{"id":"common/e","cause":"common","criterion":{"absent":"e"},"ratio":{"positive":1.2,"negative":0.9},"evidence":EVIDENCE,"description":"E absent"},
              {"id":"serious/graded","cause":"serious","graded":{"parts":[{"present":"a"},{"absent":"d"}],"ratios":[null,1.4,2.5]},"evidence":EVIDENCE}],
            "addGroups":[{"id":"serious/group","cause":"serious","name":"New group","members":[{"rule":"serious/graded","joint":true},{"rule":"serious/both"}]}]
            """,
            """
            "overrideRules":[{"id":"common/a","cause":"common","ratio":{"positive":2.5,"negative":0.3},"evidence":EVIDENCE},
              {"id":"common/graded","cause":"common","graded":{"ratios":[0.5,1.1,null,4]},"evidence":EVIDENCE}]
            """,
            """
            "disableRules":["serious/c"]
            """,
            """
            "overrideGroups":[{"id":"common/loading","name":"Renamed group","members":[{"rule":"common/a"},{"rule":"common/graded","joint":true}]}]
            """,
            """
            "addRecommendations":[{"cause":"serious","treatmentId":"tx.rest","line":"secondLine","note":"after imaging"}]
            """,
            """
            "addRedFlags":[{"id":"rf.new","name":"New flag","criterion":{"atLeast":2,"of":[{"present":"a"},{"present":"b"},{"age":{"minimum":70}}]},"urgency":"emergency","action":"Refer now.","suspects":["serious"],"evidence":EVIDENCE}]
            """,
            """
            "causeText":[{"id":"common","name":"Renamed cause","description":"New description"}],
            "findingText":[{"id":"a","name":"Renamed finding","question":"New question?"}],
            "treatmentText":[{"id":"tx.rest","description":"New description"}],
            "redFlagText":[{"id":"rf.serious","action":"New action"}]
            """,
        ];
        const string head = """{"$schema":"overlay.v1.schema.json","formatVersion":1,"id":"fuzz-overlay","version":"1","title":"Fuzz overlay","appliesTo":{"id":"fuzz-base","version":"1.0.0"},""";
        yield return head + string.Join(",", changes.Select(c => c.Trim().Replace("EVIDENCE", evidence, StringComparison.Ordinal))) + "}";
        for (var i = 0; i < changes.Length; i++)
        {
            yield return head + changes[i].Trim().Replace("EVIDENCE", evidence, StringComparison.Ordinal) + "}";
        }

        // Valid alone, not with the others: without its group, the graded rule and common/a would both read finding a.
        yield return head + "\"disableGroups\":[\"common/loading\"],\"disableRules\":[\"common/graded\"]}";
    }
}
