using System.Security.Cryptography;
using System.Text;

namespace HipPain.Rules.Fhir;

/// <summary>FHIR ids and deterministic urn:uuid references.</summary>
internal static class FhirIds
{
    /// <summary>A FHIR id (<c>[A-Za-z0-9\-\.]{1,64}</c>) from any text: other characters become '-', long ones are cut and suffixed with a hash.</summary>
    public static string From(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray();
        var id = new string(chars);
        if (id.Length == 0)
        {
            return "x";
        }

        if (id.Length <= 64)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        return id[..51] + "-" + hash;
    }

    /// <summary>A name-based UUID (version 8, from SHA-256 of the parts): the same parts always give the same id.</summary>
    public static string Uuid(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        var guid = bytes.AsSpan(0, 16).ToArray();
        guid[6] = (byte)((guid[6] & 0x0F) | 0x80);
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        return new Guid(guid, bigEndian: true).ToString();
    }

    /// <summary>A urn:uuid reference for a Bundle's fullUrl.</summary>
    public static string Urn(string uuid) => "urn:uuid:" + uuid;
}
