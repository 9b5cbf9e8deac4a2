namespace HipPain.Rules.DependencyInjection;

/// <summary>
/// The stable codes of configuration problems that only the DI package can have (<c>HPD</c>). A problem inside a
/// pack or overlay file keeps the code its reader gives (<c>HPJ</c>, <c>HPK</c>, <c>HPT</c>), with the file named in
/// its path; these codes cover the rest. Codes never change meaning once released.
/// </summary>
public static class HipPainRulesErrorCodes
{
    /// <summary>No base knowledge base is configured: neither <c>UseKnowledgeBase</c> nor <c>UseKnowledgeBaseFile</c> was called.</summary>
    public const string NoKnowledgeBase = "HPD001";

    /// <summary>Both a knowledge-base delegate (or instance) and a knowledge-base file are configured; choose one base.</summary>
    public const string TwoKnowledgeBases = "HPD002";

    /// <summary>A knowledge-base or overlay file cannot be opened or read: it does not exist, access is denied, or its path is invalid.</summary>
    public const string FileUnreadable = "HPD003";

    /// <summary>A configure delegate or the knowledge-base delegate threw, or the knowledge-base delegate returned null.</summary>
    public const string DelegateFailed = "HPD004";

    /// <summary>A setting is outside its allowed range (the engine's, the interviewer's, the JSON limits or the content root).</summary>
    public const string OptionOutOfRange = "HPD005";
}
