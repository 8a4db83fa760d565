using Sandik.Storage.Identity;

namespace Sandik.Storage.Calls;

/// <summary>A call-centre operator's hold on a ballot box, until a time.</summary>
public sealed record StoredCallClaim(string Box, string Operator, DateTimeOffset Until);

/// <summary>
/// Which operator is phoning which box, in the store's database, so that operators on every node of a cluster see the
/// same holds. A claim is taken in one statement that succeeds only when the box is free, its hold has run out, or the
/// same operator holds it, so two operators claiming at once cannot both win. Thread-safe: every call opens its own
/// pooled connection.
/// </summary>
public sealed class CallClaimStore(string connectionString)
{
    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS call_claims (
            election TEXT NOT NULL, box TEXT NOT NULL, operator TEXT NOT NULL, held_until BIGINT NOT NULL,
            PRIMARY KEY (election, box))
        """,
    ];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(Schema, ct);

    /// <summary>Holds a box for an operator until <paramref name="until"/> unless another operator's hold is still in force at <paramref name="now"/>.</summary>
    /// <returns>Whether it was taken, and the hold in force afterwards (the other operator's when not).</returns>
    public async Task<(bool Taken, StoredCallClaim Claim)> TryClaimAsync(string election, string box, string operatorName, DateTimeOffset until,
        DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using (var upsert = connection.Command(
            "INSERT INTO call_claims (election, box, operator, held_until) VALUES (@election, @box, @operator, @until) " +
            "ON CONFLICT (election, box) DO UPDATE SET operator = excluded.operator, held_until = excluded.held_until " +
            "WHERE call_claims.held_until <= @now OR call_claims.operator = excluded.operator")
            .With("@election", election).With("@box", box).With("@operator", operatorName).With("@until", until.ToUnixTimeMilliseconds())
            .With("@now", now.ToUnixTimeMilliseconds()))
        {
            if (await upsert.ExecuteNonQueryAsync(ct) == 1) return (true, new StoredCallClaim(box, operatorName, until));
        }
        await using var read = connection.Command("SELECT operator, held_until FROM call_claims WHERE election = @election AND box = @box")
            .With("@election", election).With("@box", box);
        await using var reader = await read.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (false, new StoredCallClaim(box, operatorName, now));
        return (false, new StoredCallClaim(box, reader.GetString(0), AccessDatabase.Time(reader, 1)!.Value));
    }

    /// <summary>Lets a box go: the operator's own hold only.</summary>
    public async Task ReleaseAsync(string election, string box, string operatorName, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var delete = connection.Command("DELETE FROM call_claims WHERE election = @election AND box = @box AND operator = @operator")
            .With("@election", election).With("@box", box).With("@operator", operatorName);
        await delete.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The holds in force at <paramref name="now"/>. Holds that ran out stay as rows (at most one per box) until the box
    /// is claimed again: reading, which every node does every few seconds, never writes.
    /// </summary>
    public async Task<IReadOnlyList<StoredCallClaim>> LiveAsync(string election, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var read = connection.Command("SELECT box, operator, held_until FROM call_claims WHERE election = @election AND held_until > @now")
            .With("@election", election).With("@now", now.ToUnixTimeMilliseconds());
        await using var reader = await read.ExecuteReaderAsync(ct);
        var claims = new List<StoredCallClaim>();
        while (await reader.ReadAsync(ct)) claims.Add(new StoredCallClaim(reader.GetString(0), reader.GetString(1), AccessDatabase.Time(reader, 2)!.Value));
        return claims;
    }
}
