namespace Sandik.Storage.Identity;

/// <summary>
/// Who issued each source API key from the web (keys issued on the command line have no row here): disabling a
/// user revokes the keys they issued. Thread-safe.
/// </summary>
public sealed class KeyIssuerStore(string connectionString)
{
    private static readonly string[] Schema =
    [
        "CREATE TABLE IF NOT EXISTS api_key_issuers (key_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, issued_at BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS api_key_issuers_by_user ON api_key_issuers (user_id)",
    ];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(Schema, ct);

    public async Task RecordAsync(string keyId, string userId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command("INSERT INTO api_key_issuers (key_id, user_id, issued_at) VALUES (@key, @user, @at)")
            .With("@key", keyId).With("@user", userId).With("@at", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The ids of every key a user issued, revoked or not.</summary>
    public async Task<IReadOnlyList<string>> KeysIssuedByAsync(string userId, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command("SELECT key_id FROM api_key_issuers WHERE user_id = @user ORDER BY key_id").With("@user", userId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<string>();
        while (await reader.ReadAsync(ct)) keys.Add(reader.GetString(0));
        return keys;
    }
}
