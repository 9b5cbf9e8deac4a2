using HipPain.Rules.Model;

namespace HipPain.Rules.Samples.Console;

/// <summary>Cases bundled with the sample, picked by name with <c>--case</c>.</summary>
public static class BundledCases
{
    /// <summary>The case the sample triages when no name is given.</summary>
    public const string DefaultName = "lateral-hip-runner";

    /// <summary>Every bundled case by name, with a one-line description.</summary>
    public static IReadOnlyList<(string Name, string Description, PatientCase Case)> All { get; } =
    [
        (DefaultName, "34-year-old runner: lateral hip pain, worse at night lying on that side, tender over the greater trochanter",
            Make(34, Sex.Unspecified, "loc.lateral-hip", "tim.night-pain", "tim.lying-on-side", "exam.gt-tenderness")),
        ("groin-stress-fracture", "24-year-old female marathoner: groin pain now on walking, mileage up, missed periods, painful hop",
            Make(24, Sex.Female, "loc.groin", "tim.weight-bearing-pain", "hx.training-increase", "rf.low-energy-availability", "exam.hop-test")),
        ("hot-hip", "45-year-old runner: fever, hot swollen hip, cannot bear weight",
            Make(45, Sex.Male, "sym.fever", "exam.hot-swollen-joint", "exam.cannot-bear-weight", "loc.groin")),
        ("itb-runner", "29-year-old runner: outer thigh to knee pain after 5 km, worse downhill, positive Noble test",
            Make(29, Sex.Male, "loc.lateral-thigh-knee", "tim.set-distance-onset", "tim.downhill", "exam.noble")),
        ("older-runner-groin", "58-year-old runner: groin and front-of-thigh pain, family history of arthritis, stiff hip",
            Make(58, Sex.Female, "loc.groin", "loc.anterior-thigh", "hx.family-arthritis", "exam.rom-restricted")),
        ("sitting-buttock", "38-year-old runner: deep buttock pain sitting, positive modified bent-knee stretch",
            Make(38, Sex.Female, "loc.buttock", "tim.sitting", "exam.modified-bent-knee-stretch")),
        ("clicking-groin", "27-year-old runner: groin pain with clicking, painful FADIR",
            Make(27, Sex.Male, "loc.groin", "sym.clicking", "exam.fadir")),
        ("sprint-groin", "22-year-old track runner: sudden groin pain in a sprint, tender adductor, painful resisted adduction",
            Make(22, Sex.Male, "loc.groin", "tim.sudden-onset", "hx.recent-sports-injury", "exam.adductor-tenderness", "exam.resisted-adduction-pain")),
    ];

    /// <summary>Finds a bundled case by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The case, or null when no case has that name.</returns>
    public static PatientCase? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).Case;

    private static PatientCase Make(int age, Sex sex, params string[] present) =>
        new(age, sex, present.Select(Observation.Present));
}
