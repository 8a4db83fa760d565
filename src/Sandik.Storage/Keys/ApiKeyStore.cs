using Sandik.Storage.Identity;

namespace Sandik.Storage.Keys;

/// <summary>
/// The API keys of the sources, in the same database as the elections (SQLite or PostgreSQL; the SQL is common to
/// both). The connection string is read as <see cref="ElectionStores.Open"/> reads it, and the table is created
/// behind the same lock as the other access tables, so that nodes starting together do not race. Thread-safe: every
/// call opens its own pooled connection.
/// </summary>
public sealed class ApiKeyStore(string connectionString)
{
    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS api_keys (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL,
            secret_hash TEXT NOT NULL,
            label TEXT NULL,
            created_at BIGINT NOT NULL,
            revoked_at BIGINT NULL)
        """,
    ];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(Schema, ct);

    public async Task SaveAsync(ApiKey key, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command(
                "INSERT INTO api_keys (id, source_id, secret_hash, label, created_at, revoked_at) VALUES (@id, @source, @hash, @label, @created, NULL)")
            .With("@id", key.Id).With("@source", key.SourceId).With("@hash", key.SecretHash).With("@label", key.Label)
            .With("@created", key.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Revokes a key at once; false when no active key has that id.</summary>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL")
            .With("@id", id).With("@at", at.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM api_keys ORDER BY created_at, id");
        return await ReadAsync(command, ct);
    }

    /// <summary>One key by its id, or null.</summary>
    public async Task<ApiKey?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM api_keys WHERE id = @id").With("@id", id);
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    private const string Columns = "id, source_id, secret_hash, created_at, revoked_at, label";

    private static async Task<List<ApiKey>> ReadAsync(System.Data.Common.DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(new ApiKey(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), AccessDatabase.Time(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return keys;
    }
}
