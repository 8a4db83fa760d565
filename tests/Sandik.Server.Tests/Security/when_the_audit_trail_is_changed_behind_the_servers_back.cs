using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sandik.Storage.Audit;
using Sandik.Storage.Identity;
using Sandik.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Sandik.Server.Tests.Security;

/// <summary>
/// The audit trail is append-only in the database itself: whoever connects, an UPDATE, DELETE (or, on PostgreSQL,
/// TRUNCATE) is refused and the entry stays. Users live in the same database on both stores.
/// </summary>
public sealed class when_the_audit_trail_is_changed_behind_the_servers_back
{
    [Fact]
    public async Task sqlite_refuses_to_update_or_delete_an_entry()
    {
        var folder = Directory.CreateTempSubdirectory("sandik-audit-").FullName;
        try
        {
            var store = $"Data Source={Path.Combine(folder, "sandik.db")}";
            var trail = await AppendOneAsync(store);

            await using var connection = new SqliteConnection(store);
            await connection.OpenAsync(Ct);
            foreach (var sql in new[] { "UPDATE audit_trail SET reason = 'nothing happened'", "DELETE FROM audit_trail" })
                (await Should.ThrowAsync<SqliteException>(() => Execute(connection, sql))).Message.ShouldContain(AuditTrail.RefusalMessage);

            (await trail.ReadAsync(10, ct: Ct)).Single().Reason.ShouldBe("counted twice");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task postgresql_refuses_to_update_delete_or_truncate_and_keeps_users_too()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var trail = await AppendOneAsync(database.ConnectionString);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        foreach (var sql in new[] { "UPDATE audit_trail SET reason = 'nothing happened'", "DELETE FROM audit_trail", "TRUNCATE audit_trail" })
            (await Should.ThrowAsync<PostgresException>(() => Execute(connection, sql))).MessageText.ShouldBe(AuditTrail.RefusalMessage);
        (await trail.ReadAsync(10, ct: Ct)).Single().Reason.ShouldBe("counted twice");

        var users = new UserAccountStore(database.ConnectionString);
        await users.InitializeAsync(Ct);
        var user = new UserAccount { UserName = "ayşe", NormalizedUserName = "AYŞE", Role = "province-coordinator", Scope = "34", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, Ct)).ShouldBeTrue();
        (await users.CreateAsync(new UserAccount { UserName = "ayşe", NormalizedUserName = "AYŞE", Role = "viewer", CreatedAt = DateTimeOffset.UtcNow }, Ct)).ShouldBeFalse();
        var read = (await users.FindByNameAsync("AYŞE", Ct))!;
        read.Scope.ShouldBe("34");
        var stale = read.ConcurrencyStamp;
        read.DisabledAt = DateTimeOffset.UtcNow;
        read.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        (await users.UpdateAsync(read, stale, Ct)).ShouldBeTrue();
        (await users.UpdateAsync(read, stale, Ct)).ShouldBeFalse("a save based on an old copy is refused");
        (await users.FindByIdAsync(user.Id, Ct))!.Disabled.ShouldBeTrue();
    }

    private static async Task<AuditTrail> AppendOneAsync(string store)
    {
        var trail = new AuditTrail(store);
        await trail.InitializeAsync(Ct);
        await trail.InitializeAsync(Ct);
        var entry = await trail.AppendAsync(new AuditEntry(0, DateTimeOffset.UtcNow, "u1", "ayşe", "box.override", "34/Kadıköy/1001",
            """{"source":"sms"}""", """{"source":"hq-override"}""", "counted twice"), Ct);
        entry.Sequence.ShouldBeGreaterThan(0);
        return trail;
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
