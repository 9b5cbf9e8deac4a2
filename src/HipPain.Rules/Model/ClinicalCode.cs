namespace HipPain.Rules.Model;

/// <summary>
/// One optional clinical code of an item kind, such as a cause's ICD-10 code: plain text that is clinical content (in
/// the content hash, never in a text pack). Each kind declares its codes once, beside its model type
/// (<see cref="Cause.Codes"/>); the builder's drafts, the JSON documents, the reader, the writer, <c>ToBuilder</c>, the
/// JSON size bound and the content hash read that list, so a new code needs no line in any of them.
/// </summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
/// <param name="Name">The code's name in JSON documents, for example <c>icd10</c>.</param>
/// <param name="Read">Reads the code from the model.</param>
/// <param name="InItemHashLine">
/// True for the codes format version 1 hashes inside the item's own line (a cause's <c>icd10</c> and <c>snomedCt</c>); any
/// other code adds a line of its own, and only when it is set, so that existing hashes stay as they are.
/// </param>
internal sealed record ClinicalCode<T>(string Name, Func<T, string?> Read, bool InItemHashLine = false);

/// <summary>
/// The clinical codes of one item by name: the store of a builder's draft and of a JSON document, so that both copy
/// codes one by one from the declaration without naming each.
/// </summary>
internal sealed class ClinicalCodes
{
    private readonly Dictionary<string, string?> codes = new(StringComparer.Ordinal);

    /// <summary>The code of that name; null when the item has none.</summary>
    public string? this[string name]
    {
        get => codes.GetValueOrDefault(name);
        set => codes[name] = value;
    }

    /// <summary>Every code that is set, with its value.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values =>
        codes.Where(c => c.Value is not null).Select(c => KeyValuePair.Create(c.Key, c.Value!));
}
