namespace HipPain.Rules.Model;

/// <summary>How a figure was checked, following the codes of the reference facts table.</summary>
public enum VerificationStatus
{
    /// <summary>Read in the primary paper's abstract or full text, or the guideline text (<c>V-abs</c>).</summary>
    VerifiedPrimary = 0,

    /// <summary>Read in a secondary source that cites the primary study (<c>V-sec</c>).</summary>
    VerifiedSecondary = 1,

    /// <summary>Computed from published sensitivity and specificity (<c>COMP</c>).</summary>
    Computed = 2,

    /// <summary>Derived from published pre- and post-test probabilities (<c>DERIV</c>).</summary>
    Derived = 3,

    /// <summary>No published figure exists; the value is the maintainers' documented estimate.</summary>
    Estimated = 4,
}
