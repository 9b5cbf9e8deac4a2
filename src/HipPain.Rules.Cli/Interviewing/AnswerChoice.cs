namespace HipPain.Rules.Cli.Interviewing;

/// <summary>What the person interviewed answered, or asked for.</summary>
internal enum AnswerChoice
{
    /// <summary>Yes: the finding is present.</summary>
    Yes,

    /// <summary>No: the finding is absent.</summary>
    No,

    /// <summary>Don't know: recorded as unknown, and not asked again.</summary>
    DontKnow,

    /// <summary>Take back the previous answer and ask that question again.</summary>
    Back,
}
