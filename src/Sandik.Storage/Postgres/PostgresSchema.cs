namespace Sandik.Storage.Postgres;

/// <summary>The PostgreSQL schema, one migration per version; append new versions, never edit applied ones.</summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE elections (
            id         text PRIMARY KEY,
            definition text NOT NULL,    -- ElectionFile JSON, kept as written
            sources    text NOT NULL,    -- SourceCatalog JSON
            levels     text NOT NULL,    -- geography levels JSON
            revision   bigint NOT NULL   -- bumped on every save, so appenders notice a new definition
        );
        CREATE TABLE areas (
            election_id text NOT NULL REFERENCES elections (id),
            idx         integer NOT NULL,
            code        text NOT NULL,
            name        text NOT NULL,
            level       integer NOT NULL,
            parent      integer NOT NULL,
            kind        text NOT NULL,
            PRIMARY KEY (election_id, idx)
        );
        CREATE TABLE boxes (
            election_id text NOT NULL REFERENCES elections (id),
            idx         integer NOT NULL,
            code        text NOT NULL,
            number      text NOT NULL,
            area        integer NOT NULL,
            registered  integer NOT NULL,
            PRIMARY KEY (election_id, idx)
        );
        CREATE TABLE submissions (
            sequence             bigserial PRIMARY KEY,
            election_id          text NOT NULL,  -- no foreign key: see below
            race_id              text NOT NULL,
            source_id            text NOT NULL,
            reporter             text,
            box_code             text NOT NULL,
            client_submission_id text,
            evidence             text,
            received_at          timestamptz NOT NULL,
            accepted             boolean NOT NULL,
            registered           integer,
            voted                integer,
            valid                integer,
            invalid              integer,
            votes                json,   -- {"choice id": votes, ...} in the race's choice order (json keeps key order)
            errors               json,   -- [{"field","code","message"}, ...] of a rejected entry
            rejected_payload     text
        );
        -- submissions.election_id has no foreign key: its per-row check doubled the cost of an append, and buys nothing
        -- here, since every append confirms the election exists inside its own transaction and elections are never deleted.
        CREATE INDEX submissions_by_election ON submissions (election_id, sequence);
        CREATE UNIQUE INDEX submissions_by_client_id ON submissions (election_id, source_id, client_submission_id)
            WHERE client_submission_id IS NOT NULL;
        """,
        // Ids are compared byte for byte: under a linguistic collation every probe of the client-id index, two per
        // submission, paid for a locale lookup and strcoll, and ids are not words for people to sort.
        """
        ALTER TABLE submissions
            ALTER COLUMN election_id TYPE text COLLATE "C",
            ALTER COLUMN source_id TYPE text COLLATE "C",
            ALTER COLUMN client_submission_id TYPE text COLLATE "C";
        """,
    ];
}
