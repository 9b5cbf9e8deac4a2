namespace HipPain.Rules.Model;

/// <summary>
/// One optional clinical code of an item kind, such as a cause's ICD-10 code: plain text that is clinical content (in
/// the content hash, never in a text pack). Each kind declares its codes once, beside its model type
/// (<see cref="Cause.Codes"/>); the builder's drafts, the JSON documents, the reader, the writer, <c>ToBuilder</c>, the
/// JSON size bound and the content hash read that list, so a new code needs no line in any of them. A code with a
/// <see cref="Target"/> is a reference: its text must be the id of an item of that kind in the same base (the
/// validator reports any other as that kind's unknown-item error at the field's path, and the schema gives it the id
/// pattern).
/// </summary>
/// <typeparam name="T">The model type that holds it.</typeparam>
/// <param name="Name">The code's name in JSON documents, for example <c>icd10</c>.</param>
/// <param name="Read">Reads the code from the model.</param>
/// <param name="InItemHashLine">
/// True for the codes format version 1 hashes inside the item's own line (a cause's <c>icd10</c> and <c>snomedCt</c>); any
/// other code adds a line of its own, and only when it is set, so that existing hashes stay as they are.
/// </param>
/// <param name="Target">The kind of item a reference names; null for plain text such as a classification code.</param>
internal sealed record ClinicalCode<T>(string Name, Func<T, string?> Read, bool InItemHashLine = false, ItemKind? Target = null);

/// <summary>The kinds of item a reference field (<see cref="ClinicalCode{T}.Target"/>) can name.</summary>
internal enum ItemKind
{
    /// <summary>A finding (<c>$.findings</c>); an unknown id is HPK003.</summary>
    Finding,

    /// <summary>A treatment (<c>$.treatments</c>); an unknown id is HPK008.</summary>
    Treatment,

    /// <summary>A cause (<c>$.causes</c>); an unknown id is HPK002.</summary>
    Cause,
}
