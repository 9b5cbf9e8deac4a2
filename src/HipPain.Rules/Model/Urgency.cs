namespace HipPain.Rules.Model;

/// <summary>
/// How soon a clinician should act. The levels are ordered: a larger value is more urgent, so
/// <c>Math.Max</c> over levels gives the strictest one. See <c>docs/urgency.md</c> for the definitions.
/// </summary>
public enum Urgency
{
    /// <summary>Self-management with safety-net advice; every red-flag gate was answered and ruled out.</summary>
    SelfCare = 0,

    /// <summary>Clinician review within weeks; conservative care may start. The default when no gate fires but not every gate was ruled out.</summary>
    Routine = 1,

    /// <summary>Specialist review or imaging within days; stop running until it is done.</summary>
    Urgent = 2,

    /// <summary>Same-day emergency department or on-call orthopaedic assessment.</summary>
    Emergency = 3,
}
