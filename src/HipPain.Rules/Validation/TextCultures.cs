namespace HipPain.Rules.Validation;

/// <summary>Checks culture names the way text packs use them: a BCP 47 language tag of letters, digits and hyphens.</summary>
internal static class TextCultures
{
    public static bool IsValid(string? culture) =>
        culture is { Length: >= 2 and <= 35 }
        && char.IsAsciiLetter(culture[0])
        && culture.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && !culture.EndsWith('-')
        && !culture.Contains("--", StringComparison.Ordinal);
}
