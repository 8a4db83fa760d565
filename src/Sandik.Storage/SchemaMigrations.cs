using System.Data.Common;
using System.Globalization;

namespace Sandik.Storage;

/// <summary>
/// Brings a database to the latest schema version. Migration <c>n</c> (1-based) takes a database from version
/// <c>n - 1</c> to <c>n</c>; applied versions are recorded in <c>schema_version</c>. Runs in the caller's transaction.
/// </summary>
internal static class SchemaMigrations
{
    public static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> migrations, CancellationToken ct)
    {
        await using (var create = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at text NOT NULL)", transaction))
            await create.ExecuteNonQueryAsync(ct);

        int current;
        await using (var query = connection.Command("SELECT coalesce(max(version), 0) FROM schema_version", transaction))
            current = Convert.ToInt32(await query.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        if (current > migrations.Count)
            throw new InvalidOperationException(
                $"The database has schema version {current}, but this version of Sandik knows only up to {migrations.Count}: upgrade Sandik.");

        for (var version = current + 1; version <= migrations.Count; version++)
        {
            await using (var migrate = connection.Command(migrations[version - 1], transaction))
                await migrate.ExecuteNonQueryAsync(ct);
            await using var record = connection.Command("INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)", transaction)
                .With("@version", version).With("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(ct);
        }
    }
}
