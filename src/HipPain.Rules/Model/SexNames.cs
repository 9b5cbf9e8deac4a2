namespace HipPain.Rules.Model;

/// <summary>A <see cref="Sex"/> as messages write it: its JSON name in lower case (<c>female</c>, <c>male</c>, <c>unspecified</c>).</summary>
internal static class SexNames
{
    /// <summary>The lower-case name of <paramref name="sex"/>.</summary>
    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        _ => "unspecified",
    };
}
