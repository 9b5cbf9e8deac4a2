namespace HipPain.Rules.Model;

/// <summary>What is known about one finding in a case.</summary>
public enum FindingState
{
    /// <summary>Not asked or not answered. Counts exactly as leaving the finding out of the case.</summary>
    Unknown = 0,

    /// <summary>The finding is present (a positive test, a symptom the patient has).</summary>
    Present = 1,

    /// <summary>The finding was looked for and is absent (a negative test, a symptom denied).</summary>
    Absent = 2,
}
