using System.Security.Cryptography;
using System.Text;

namespace Sandik.Storage.Keys;

/// <summary>
/// A source's API key as stored: never the secret itself, only its SHA-256. The presented key has the form
/// <c>sdk_{id}_{secret}</c>; the id finds the row, the hash proves the secret.
/// </summary>
public sealed record ApiKey(string Id, string SourceId, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Label)
{
    public const string Prefix = "sdk_";

    public bool Active => RevokedAt is null;

    /// <summary>Makes a new key for a source; the returned text is shown once and never stored.</summary>
    public static (ApiKey Key, string Presented) Issue(string sourceId, string? label, DateTimeOffset now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var presented = $"{Prefix}{id}_{secret}";
        return (new ApiKey(id, sourceId, Hash(presented), now, null, label), presented);
    }

    /// <summary>The id part of a presented key, or null when it does not have the key's form.</summary>
    public static string? IdOf(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var end = presented.IndexOf('_', Prefix.Length);
        return end > Prefix.Length ? presented[Prefix.Length..end] : null;
    }

    /// <summary>Whether a presented key is this one (constant-time comparison).</summary>
    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(SecretHash));

    public static string Hash(string presented) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
