using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sandik.Storage.Identity;

/// <summary>
/// Connections for the access-control tables (users, key issuers, data-protection keys, the audit trail), which live
/// in the same database as the elections. The connection string is read the way <see cref="ElectionStores.Open"/>
/// reads it, so both always agree on which database is meant.
/// </summary>
internal sealed class AccessDatabase
{
    private readonly string _connectionString;

    public AccessDatabase(string connectionString)
    {
        var text = connectionString?.Trim() ?? "";
        if (!text.Contains('='))
        {
            _connectionString = $"Data Source={text}";
            return;
        }
        var keys = new DbConnectionStringBuilder { ConnectionString = text }.Keys.Cast<string>().Select(k => k.ToLowerInvariant()).ToHashSet();
        IsPostgres = keys.Contains("host") || keys.Contains("server");
        _connectionString = text;
    }

    public bool IsPostgres { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Runs schema statements in one transaction; on PostgreSQL behind a lock, so that nodes starting together do not race.</summary>
    public async Task CreateAsync(IEnumerable<string> statements, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (IsPostgres)
        {
            await using var lockSchema = connection.Command("SELECT pg_advisory_xact_lock(7401, 1)", transaction);
            await lockSchema.ExecuteNonQueryAsync(ct);
        }
        foreach (var sql in statements)
        {
            await using var command = connection.Command(sql, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public static long? Millis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset? Time(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    public static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
