using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sandik.Storage.Keys;

/// <summary>
/// The API keys of the sources, in the same database as the elections (SQLite or PostgreSQL; the SQL is common to
/// both). Thread-safe: every call opens its own pooled connection.
/// </summary>
public sealed class ApiKeyStore(string connectionString)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL,
            secret_hash TEXT NOT NULL,
            label TEXT NULL,
            created_at BIGINT NOT NULL,
            revoked_at BIGINT NULL)
        """;

    private readonly bool _postgres = connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await Execute(connection, Schema, ct);
    }

    public async Task SaveAsync(ApiKey key, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys (id, source_id, secret_hash, label, created_at, revoked_at) VALUES (@id, @source, @hash, @label, @created, NULL)";
        Add(command, "id", key.Id);
        Add(command, "source", key.SourceId);
        Add(command, "hash", key.SecretHash);
        Add(command, "label", key.Label);
        Add(command, "created", key.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Revokes a key at once; false when no active key has that id.</summary>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL";
        Add(command, "id", id);
        Add(command, "at", at.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, source_id, secret_hash, created_at, revoked_at, label FROM api_keys ORDER BY created_at, id";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(new ApiKey(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return keys;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = _postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task Execute(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
