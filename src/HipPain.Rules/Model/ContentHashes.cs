using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HipPain.Rules.Model;

/// <summary>
/// The one form of a content hash (<see cref="KnowledgeBase.ContentHash"/>, <see cref="TextPack.ContentHash"/>):
/// <c>sha256:</c> and the lowercase hex SHA-256 of the UTF-8 bytes of a canonical text that each type writes.
/// </summary>
internal static class ContentHashes
{
    /// <summary>The content hash of <paramref name="canonicalText"/>.</summary>
    public static string Of(StringBuilder canonicalText) =>
        "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText.ToString()))).ToLower(CultureInfo.InvariantCulture);
}
