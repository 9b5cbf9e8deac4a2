namespace HipPain.Rules.Model;

/// <summary>The patient's sex, as used by sex-specific likelihood ratios.</summary>
public enum Sex
{
    /// <summary>Not recorded. Sex-specific rules neither add nor subtract evidence.</summary>
    Unspecified = 0,

    /// <summary>Female.</summary>
    Female = 1,

    /// <summary>Male.</summary>
    Male = 2,
}
