using HipPain.Rules.Knowledge;
using HipPain.Rules.Model;

namespace HipPain.Rules.Benchmarks;

/// <summary>How much of the built-in base a benchmark case answers.</summary>
public enum CaseSize
{
    /// <summary>Two findings, no age or sex.</summary>
    Small,

    /// <summary>The console sample's default case: age and four findings.</summary>
    Typical,

    /// <summary>Age, sex and every second finding of the base answered (present or absent).</summary>
    Large,
}

/// <summary>The cases the built-in-base benchmarks score.</summary>
public static class BenchmarkCases
{
    /// <summary>The console sample's default case ("lateral-hip-runner").</summary>
    public static PatientCase Typical { get; } = PatientCase.Create(
        34,
        Sex.Unspecified,
        Observation.Present("loc.lateral-hip"),
        Observation.Present("tim.night-pain"),
        Observation.Present("tim.lying-on-side"),
        Observation.Present("exam.gt-tenderness"));

    public static PatientCase Small { get; } = PatientCase.Create(null, Sex.Unspecified, Observation.Present("loc.groin"), Observation.Absent("sym.clicking"));

    public static PatientCase Large { get; } = new(
        41,
        Sex.Female,
        BuiltInKnowledgeBase.Instance.Findings
            .Where((_, i) => i % 2 == 0)
            .Select((f, i) => new Observation(f.Id, i % 3 == 0 ? FindingState.Present : FindingState.Absent)));

    public static PatientCase Of(CaseSize size) => size switch
    {
        CaseSize.Small => Small,
        CaseSize.Typical => Typical,
        _ => Large,
    };
}
