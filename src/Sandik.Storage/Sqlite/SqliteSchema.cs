namespace Sandik.Storage.Sqlite;

/// <summary>The SQLite schema, one migration per version; append new versions, never edit applied ones.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE elections (
            id         TEXT PRIMARY KEY,
            definition TEXT NOT NULL,    -- ElectionFile JSON
            sources    TEXT NOT NULL,    -- SourceCatalog JSON
            levels     TEXT NOT NULL,    -- geography levels JSON
            revision   INTEGER NOT NULL  -- bumped on every save, so appenders notice a new definition
        );
        CREATE TABLE areas (
            election_id TEXT NOT NULL REFERENCES elections (id),
            idx         INTEGER NOT NULL,
            code        TEXT NOT NULL,
            name        TEXT NOT NULL,
            level       INTEGER NOT NULL,
            parent      INTEGER NOT NULL,
            kind        TEXT NOT NULL,
            PRIMARY KEY (election_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE boxes (
            election_id TEXT NOT NULL REFERENCES elections (id),
            idx         INTEGER NOT NULL,
            code        TEXT NOT NULL,
            number      TEXT NOT NULL,
            area        INTEGER NOT NULL,
            registered  INTEGER NOT NULL,
            PRIMARY KEY (election_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE submissions (
            sequence             INTEGER PRIMARY KEY,
            election_id          TEXT NOT NULL REFERENCES elections (id),
            race_id              TEXT NOT NULL,
            source_id            TEXT NOT NULL,
            reporter             TEXT,
            box_code             TEXT NOT NULL,
            client_submission_id TEXT,
            evidence             TEXT,
            received_at          INTEGER NOT NULL,  -- microseconds since 1970-01-01 UTC
            accepted             INTEGER NOT NULL,
            registered           INTEGER,
            voted                INTEGER,
            valid                INTEGER,
            invalid              INTEGER,
            votes                TEXT,              -- {"choice id": votes, ...} in the race's choice order
            errors               TEXT,              -- [{"field","code","message"}, ...] of a rejected entry
            rejected_payload     TEXT
        );
        CREATE INDEX submissions_by_election ON submissions (election_id, sequence);
        CREATE UNIQUE INDEX submissions_by_client_id ON submissions (election_id, source_id, client_submission_id)
            WHERE client_submission_id IS NOT NULL;
        """,
        // Client submission ids are random with respect to arrival, so every append wrote one random leaf page of
        // this index to the WAL (and again at the checkpoint): two thirds of the store's cost per entry. The appender
        // keeps the logged ids in memory instead (Log/LoggedClientIds.cs), complete and checked inside each write
        // transaction, so a retry is still logged once.
        """
        DROP INDEX submissions_by_client_id;
        """,
    ];
}
