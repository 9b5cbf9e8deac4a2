namespace HipPain.Rules.Model;

/// <summary>The family a finding belongs to; it orders how a clinician gathers findings.</summary>
public enum FindingKind
{
    /// <summary>Where the pain is felt (see <see cref="BodyRegion"/>).</summary>
    PainLocation = 0,

    /// <summary>What the pain is like: aching, sharp, burning, deep, throbbing.</summary>
    PainQuality = 1,

    /// <summary>When the pain comes and what makes it worse or better: night pain, lying on the side, rest, stairs.</summary>
    Timing = 2,

    /// <summary>Other symptoms: clicking, swelling, fever, stiffness, weight loss.</summary>
    Symptom = 3,

    /// <summary>History: a recent injury, a family history, a training change, previous illnesses.</summary>
    History = 4,

    /// <summary>A risk factor: low energy availability, steroid or alcohol use, a prior stress fracture.</summary>
    RiskFactor = 5,

    /// <summary>A finding on examination: gait, weight bearing, range of motion, a special test.</summary>
    Examination = 6,

    /// <summary>A result of imaging or a laboratory test.</summary>
    Investigation = 7,
}
