using System.Data.Common;

namespace Sandik.Storage.Identity;

/// <summary>
/// The users table, in the store's database (SQLite or PostgreSQL; the SQL is common to both). There is no delete:
/// users are disabled. Saves are guarded by the concurrency stamp. Thread-safe: every call opens its own pooled connection.
/// </summary>
public sealed class UserAccountStore(string connectionString)
{
    private const string Columns = "id, user_name, normalized_user_name, password_hash, security_stamp, concurrency_stamp, role, scope, " +
        "two_factor_enabled, authenticator_key, access_failed_count, lockout_enabled, lockout_end, created_at, disabled_at";

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS users (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            normalized_user_name TEXT NOT NULL UNIQUE,
            password_hash TEXT NULL,
            security_stamp TEXT NOT NULL,
            concurrency_stamp TEXT NOT NULL,
            role TEXT NOT NULL,
            scope TEXT NOT NULL,
            two_factor_enabled INTEGER NOT NULL,
            authenticator_key TEXT NULL,
            access_failed_count INTEGER NOT NULL,
            lockout_enabled INTEGER NOT NULL,
            lockout_end BIGINT NULL,
            created_at BIGINT NOT NULL,
            disabled_at BIGINT NULL)
        """,
    ];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(Schema, ct);

    public Task<UserAccount?> FindByIdAsync(string id, CancellationToken ct = default) => FindAsync("id", id, ct);

    /// <param name="normalizedName">The name as <c>UserManager</c> normalises it (upper case).</param>
    public Task<UserAccount?> FindByNameAsync(string normalizedName, CancellationToken ct = default) => FindAsync("normalized_user_name", normalizedName, ct);

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM users ORDER BY normalized_user_name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(ct)) users.Add(Read(reader));
        return users;
    }

    /// <returns>False when a user of that name already exists.</returns>
    public async Task<bool> CreateAsync(UserAccount user, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"INSERT INTO users ({Columns}) VALUES (@id, @name, @normalized, @hash, @stamp, @concurrency, " +
            "@role, @scope, @twoFactor, @key, @failed, @lockoutEnabled, @lockoutEnd, @created, @disabled) ON CONFLICT (normalized_user_name) DO NOTHING");
        Bind(command, user, user.ConcurrencyStamp);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Saves a user read earlier; false when someone else saved it in between (its concurrency stamp moved).</summary>
    /// <param name="expectedConcurrencyStamp">The stamp the user had when it was read; the saved row gets <see cref="UserAccount.ConcurrencyStamp"/>.</param>
    public async Task<bool> UpdateAsync(UserAccount user, string expectedConcurrencyStamp, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command("UPDATE users SET user_name = @name, normalized_user_name = @normalized, password_hash = @hash, " +
            "security_stamp = @stamp, concurrency_stamp = @concurrency, role = @role, scope = @scope, two_factor_enabled = @twoFactor, " +
            "authenticator_key = @key, access_failed_count = @failed, lockout_enabled = @lockoutEnabled, lockout_end = @lockoutEnd, " +
            "created_at = @created, disabled_at = @disabled WHERE id = @id AND concurrency_stamp = @expected");
        Bind(command, user, user.ConcurrencyStamp);
        command.With("@expected", expectedConcurrencyStamp);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<UserAccount?> FindAsync(string column, string value, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM users WHERE {column} = @value").With("@value", value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static void Bind(DbCommand command, UserAccount user, string concurrency) => command
        .With("@id", user.Id).With("@name", user.UserName).With("@normalized", user.NormalizedUserName).With("@hash", user.PasswordHash)
        .With("@stamp", user.SecurityStamp).With("@concurrency", concurrency).With("@role", user.Role).With("@scope", user.Scope)
        .With("@twoFactor", user.TwoFactorEnabled ? 1 : 0).With("@key", user.AuthenticatorKey).With("@failed", user.AccessFailedCount)
        .With("@lockoutEnabled", user.LockoutEnabled ? 1 : 0).With("@lockoutEnd", AccessDatabase.Millis(user.LockoutEnd))
        .With("@created", user.CreatedAt.ToUnixTimeMilliseconds()).With("@disabled", AccessDatabase.Millis(user.DisabledAt));

    private static UserAccount Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        UserName = r.GetString(1),
        NormalizedUserName = r.GetString(2),
        PasswordHash = AccessDatabase.Text(r, 3),
        SecurityStamp = r.GetString(4),
        ConcurrencyStamp = r.GetString(5),
        Role = r.GetString(6),
        Scope = r.GetString(7),
        TwoFactorEnabled = Convert.ToInt64(r.GetValue(8)) != 0,
        AuthenticatorKey = AccessDatabase.Text(r, 9),
        AccessFailedCount = Convert.ToInt32(r.GetValue(10)),
        LockoutEnabled = Convert.ToInt64(r.GetValue(11)) != 0,
        LockoutEnd = AccessDatabase.Time(r, 12),
        CreatedAt = AccessDatabase.Time(r, 13)!.Value,
        DisabledAt = AccessDatabase.Time(r, 14),
    };
}
