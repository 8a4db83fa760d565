using System.Data.Common;
using System.Text;
using Sandik.Storage.Identity;

namespace Sandik.Storage.Incidents;

/// <summary>
/// Field incidents and citizens' requests, with the history of their handling, in the store's database. Each
/// incident keeps the codes of every area it lies in (its area's whole chain up to the nation), so that a list can
/// be narrowed to any level — a province, an electoral district, a district — with one condition. A change names the
/// version it was made on and is refused when another change came first. Thread-safe: every call opens its own
/// pooled connection.
/// </summary>
public sealed class IncidentStore(string connectionString)
{
    private const string Columns = "id, election, kind, category, area, box, body, reporter_id, reporter_name, contact, status, assignee, created_at, updated_at, version";
    private const string NoteColumns = "id, incident_id, at, author_id, author_name, status, assignee, body";

    private static readonly string[] SqliteSchema =
    [
        """
        CREATE TABLE IF NOT EXISTS incidents (
            id INTEGER PRIMARY KEY AUTOINCREMENT, election TEXT NOT NULL, kind TEXT NOT NULL, category TEXT NOT NULL,
            area TEXT NOT NULL, areas TEXT NOT NULL, box TEXT NULL, body TEXT NOT NULL, reporter_id TEXT NULL, reporter_name TEXT NOT NULL,
            contact TEXT NULL, status TEXT NOT NULL, assignee TEXT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            version INTEGER NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS incidents_by_election ON incidents (election, id)",
        """
        CREATE TABLE IF NOT EXISTS incident_notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id INTEGER NOT NULL REFERENCES incidents (id), at BIGINT NOT NULL,
            author_id TEXT NULL, author_name TEXT NOT NULL, status TEXT NULL, assignee TEXT NULL, body TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS incident_notes_by_incident ON incident_notes (incident_id, id)",
    ];

    private static readonly string[] PostgresSchema =
    [
        """
        CREATE TABLE IF NOT EXISTS incidents (
            id bigserial PRIMARY KEY, election text NOT NULL, kind text NOT NULL, category text NOT NULL,
            area text NOT NULL, areas text NOT NULL, box text NULL, body text NOT NULL, reporter_id text NULL, reporter_name text NOT NULL,
            contact text NULL, status text NOT NULL, assignee text NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
            version integer NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS incidents_by_election ON incidents (election, id)",
        """
        CREATE TABLE IF NOT EXISTS incident_notes (
            id bigserial PRIMARY KEY, incident_id bigint NOT NULL REFERENCES incidents (id), at bigint NOT NULL,
            author_id text NULL, author_name text NOT NULL, status text NULL, assignee text NULL, body text NULL)
        """,
        "CREATE INDEX IF NOT EXISTS incident_notes_by_incident ON incident_notes (incident_id, id)",
    ];

    private readonly AccessDatabase _database = new(connectionString);

    public Task InitializeAsync(CancellationToken ct = default) => _database.CreateAsync(_database.IsPostgres ? PostgresSchema : SqliteSchema, ct);

    /// <summary>Saves a new incident durably and returns it with its id and version 1.</summary>
    /// <param name="areaChain">The codes of every area the incident lies in, from the nation down to <see cref="Incident.Area"/>.</param>
    public async Task<Incident> AddAsync(Incident incident, IReadOnlyList<string> areaChain, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (areaChain.Count == 0 || areaChain[^1] != incident.Area)
            throw new ArgumentException($"The area chain must end with the incident's area '{incident.Area}'.", nameof(areaChain));
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO incidents (election, kind, category, area, areas, box, body, reporter_id, reporter_name, contact, status, assignee, created_at, updated_at, version) " +
            "VALUES (@election, @kind, @category, @area, @areas, @box, @body, @reporterId, @reporterName, @contact, @status, @assignee, @at, @at, 1) RETURNING id")
            .With("@election", incident.Election).With("@kind", incident.Kind).With("@category", incident.Category).With("@area", incident.Area)
            .With("@areas", "|" + string.Join('|', areaChain) + "|").With("@box", incident.Box).With("@body", incident.Text)
            .With("@reporterId", incident.ReporterId).With("@reporterName", incident.ReporterName).With("@contact", incident.Contact)
            .With("@status", incident.Status).With("@assignee", incident.Assignee).With("@at", incident.CreatedAt.ToUnixTimeMilliseconds());
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        return incident with { Id = id, UpdatedAt = incident.CreatedAt, Version = 1 };
    }

    /// <summary>The incidents a query selects, newest first.</summary>
    public async Task<IReadOnlyList<Incident>> ListAsync(IncidentQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _database.OpenAsync(ct);
        var sql = new StringBuilder($"SELECT {Columns} FROM incidents WHERE election = @election AND id < @before");
        await using var command = connection.Command("");
        command.With("@election", query.Election).With("@before", query.Before ?? long.MaxValue).With("@limit", Math.Clamp(query.Limit, 1, 1_000));
        if (query.Kind is not null) { sql.Append(" AND kind = @kind"); command.With("@kind", query.Kind); }
        if (query.Category is not null) { sql.Append(" AND category = @category"); command.With("@category", query.Category); }
        if (query.Status is not null) { sql.Append(" AND status = @status"); command.With("@status", query.Status); }
        if (query.Box is not null) { sql.Append(" AND box = @box"); command.With("@box", query.Box); }
        if (query.Areas is { Count: > 0 } areas)
        {
            sql.Append(" AND (");
            for (var i = 0; i < areas.Count; i++)
            {
                sql.Append(i == 0 ? "" : " OR ").Append($"areas LIKE @area{i} ESCAPE '\\'");
                command.With($"@area{i}", "%|" + EscapeLike(areas[i]) + "|%");
            }
            sql.Append(')');
        }
        sql.Append(" ORDER BY id DESC LIMIT @limit");
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<Incident>();
        while (await reader.ReadAsync(ct)) list.Add(Read(reader));
        return list;
    }

    /// <summary>One incident, or null when the election has none with this id.</summary>
    public async Task<Incident?> FindAsync(string election, long id, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        return await FindAsync(connection, null, election, id, ct);
    }

    /// <summary>The incident's handling, oldest first.</summary>
    public async Task<IReadOnlyList<IncidentNote>> NotesAsync(long incidentId, CancellationToken ct = default)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.Command($"SELECT {NoteColumns} FROM incident_notes WHERE incident_id = @id ORDER BY id").With("@id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notes = new List<IncidentNote>();
        while (await reader.ReadAsync(ct))
            notes.Add(new IncidentNote(reader.GetInt64(0), reader.GetInt64(1), AccessDatabase.Time(reader, 2)!.Value, AccessDatabase.Text(reader, 3),
                reader.GetString(4), AccessDatabase.Text(reader, 5), AccessDatabase.Text(reader, 6), AccessDatabase.Text(reader, 7)));
        return notes;
    }

    /// <summary>
    /// Records a step of the incident's handling — a note, and a new status or assignee where given — if the incident
    /// is still at <paramref name="version"/>. Returns the incident after it, or null when it does not exist, or the
    /// incident as it is now with <c>Changed</c> false when another change came first.
    /// </summary>
    public async Task<(Incident? Incident, bool Changed)> HandleAsync(string election, long id, int version, IncidentNote note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        await using var connection = await _database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var update = connection.Command(
            "UPDATE incidents SET status = coalesce(@status, status), assignee = coalesce(@assignee, assignee), updated_at = @at, version = version + 1 " +
            "WHERE election = @election AND id = @id AND version = @version", transaction)
            .With("@status", note.Status).With("@assignee", note.Assignee).With("@at", note.At.ToUnixTimeMilliseconds())
            .With("@election", election).With("@id", id).With("@version", version))
        {
            if (await update.ExecuteNonQueryAsync(ct) == 0)
            {
                var current = await FindAsync(connection, transaction, election, id, ct);
                await transaction.RollbackAsync(ct);
                return (current, false);
            }
        }
        await using (var insert = connection.Command(
            "INSERT INTO incident_notes (incident_id, at, author_id, author_name, status, assignee, body) VALUES (@id, @at, @authorId, @authorName, @status, @assignee, @body)", transaction)
            .With("@id", id).With("@at", note.At.ToUnixTimeMilliseconds()).With("@authorId", note.AuthorId).With("@authorName", note.AuthorName)
            .With("@status", note.Status).With("@assignee", note.Assignee).With("@body", note.Text))
            await insert.ExecuteNonQueryAsync(ct);
        var changed = await FindAsync(connection, transaction, election, id, ct);
        await transaction.CommitAsync(ct);
        return (changed, true);
    }

    private static async Task<Incident?> FindAsync(DbConnection connection, DbTransaction? transaction, string election, long id, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM incidents WHERE election = @election AND id = @id", transaction)
            .With("@election", election).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static string EscapeLike(string code) => code.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static Incident Read(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        AccessDatabase.Text(r, 5), r.GetString(6), AccessDatabase.Text(r, 7), r.GetString(8), AccessDatabase.Text(r, 9), r.GetString(10),
        AccessDatabase.Text(r, 11), AccessDatabase.Time(r, 12)!.Value, AccessDatabase.Time(r, 13)!.Value, r.GetInt32(14));
}
