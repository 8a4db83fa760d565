using Sandik.Domain.Projection.Golden;
using Sandik.Storage.Identity;

namespace Sandik.Storage.Projection;

/// <summary>
/// The golden-box sample of each election, stored beside it in the same database: once observers are sent to its
/// boxes the sample must not change by accident, so replacing one is explicit. Thread-safe.
/// </summary>
public sealed class GoldenSampleStore(string connectionString)
{
    private static readonly string[] Schema =
    [
        "CREATE TABLE IF NOT EXISTS golden_samples (election_id TEXT PRIMARY KEY, design TEXT NOT NULL, saved_at BIGINT NOT NULL)",
    ];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(Schema, ct);

    /// <summary>Stores the design of its election.</summary>
    /// <param name="replace">Replace a design already stored; without it, an existing design is an error.</param>
    /// <exception cref="InvalidOperationException">The election already has a design and <paramref name="replace"/> is false.</exception>
    public async Task SaveAsync(GoldenSampleDesign design, bool replace, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        var sql = replace
            ? "INSERT INTO golden_samples (election_id, design, saved_at) VALUES (@election, @design, @at) " +
              "ON CONFLICT (election_id) DO UPDATE SET design = excluded.design, saved_at = excluded.saved_at"
            : "INSERT INTO golden_samples (election_id, design, saved_at) VALUES (@election, @design, @at) ON CONFLICT (election_id) DO NOTHING";
        await using var command = connection.Command(sql)
            .With("@election", design.ElectionId).With("@design", design.ToJson()).With("@at", at.ToUnixTimeMilliseconds());
        if (await command.ExecuteNonQueryAsync(ct) == 0)
            throw new InvalidOperationException($"Election '{design.ElectionId}' already has a golden sample; replacing it takes an explicit choice.");
    }

    /// <summary>The stored design of an election and when it was saved, or null when it has none.</summary>
    public async Task<(GoldenSampleDesign Design, DateTimeOffset SavedAt)?> LoadAsync(string electionId, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command("SELECT design, saved_at FROM golden_samples WHERE election_id = @election").With("@election", electionId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (GoldenSampleDesign.FromJson(reader.GetString(0)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }
}
