namespace Sandik.Storage.Identity;

/// <summary>
/// The keys that sign and encrypt session cookies and form tokens, kept in the shared database so that every node
/// (and a restarted node) accepts the cookies the others issued. Rows are only added; the data-protection system
/// retires old keys by writing revocation entries, never by deleting. Thread-safe.
/// </summary>
public sealed class ProtectionKeyStore(string connectionString)
{
    private static readonly string[] Schema =
        ["CREATE TABLE IF NOT EXISTS data_protection_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL, created_at BIGINT NOT NULL)"];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(Schema, ct);

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command("SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<string>();
        while (await reader.ReadAsync(ct)) keys.Add(reader.GetString(0));
        return keys;
    }

    public async Task AddAsync(string name, string xml, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command("INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at) ON CONFLICT (name) DO NOTHING")
            .With("@name", name).With("@xml", xml).With("@at", at.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }
}
