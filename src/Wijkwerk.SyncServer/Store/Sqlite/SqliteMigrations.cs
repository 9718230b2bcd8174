using System.Data.Common;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Sqlite;

/// <summary>Numbered, append-only schema steps. Never edit a step that has shipped; add the next number.</summary>
internal static class SqliteMigrations
{
    /// <summary>
    /// Work a step cannot say in SQL (hashing every row in C#), run right after that step's SQL in the same
    /// transaction, so a store is never left half-migrated.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, Action<DbConnection, DbTransaction>> Code = new Dictionary<int, Action<DbConnection, DbTransaction>>
    {
        [5] = ScopeSums.Rebuild,
        [9] = SqlSyncStore.ProposeTagsInStore,
        [12] = SqlSyncStore.FillTaggedRows,
    };

    public static readonly IReadOnlyList<(int Number, string Sql)> Steps =
    [
        (1, """
            CREATE TABLE teams(id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, created_at TEXT NOT NULL);
            CREATE TABLE workers(id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, role TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE worker_teams(worker_id TEXT NOT NULL, team_id TEXT NOT NULL, PRIMARY KEY(worker_id, team_id));
            CREATE TABLE devices(id TEXT PRIMARY KEY, worker_id TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
                enrolled_at TEXT NOT NULL, revoked_at TEXT);
            CREATE TABLE enrolment_codes(code_hash TEXT PRIMARY KEY, worker_id TEXT NOT NULL, created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL, used_at TEXT, device_id TEXT);
            CREATE TABLE team_clients(team_id TEXT NOT NULL, client_id TEXT NOT NULL, assigned_at TEXT NOT NULL, PRIMARY KEY(team_id, client_id));
            CREATE INDEX team_clients_client ON team_clients(client_id);
            -- One row per synced row. column_versions: per column the row version that last wrote it, and the device/worker.
            CREATE TABLE rows(tbl TEXT NOT NULL, row_id TEXT NOT NULL, client_id TEXT NOT NULL, version INTEGER NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0, columns TEXT NOT NULL, column_versions TEXT NOT NULL, checksum INTEGER NOT NULL,
                updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_device TEXT NOT NULL, seq INTEGER NOT NULL UNIQUE,
                PRIMARY KEY(tbl, row_id));
            CREATE INDEX rows_client ON rows(client_id);
            -- A client leaving a team's caseload: one notice per row, so the feed can page through it.
            CREATE TABLE scope_events(seq INTEGER PRIMARY KEY, team_id TEXT NOT NULL, client_id TEXT NOT NULL, kind TEXT NOT NULL,
                tbl TEXT NOT NULL, row_id TEXT NOT NULL, at TEXT NOT NULL);
            CREATE INDEX scope_events_team ON scope_events(team_id, seq);
            CREATE TABLE applied_mutations(device_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, result TEXT NOT NULL, applied_at TEXT NOT NULL,
                PRIMARY KEY(device_id, mutation_id));
            CREATE TABLE conflicts(id TEXT PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, client_id TEXT NOT NULL, column_name TEXT NOT NULL,
                kept_value TEXT, other_value TEXT, kept_by TEXT NOT NULL, other_by TEXT NOT NULL, kept_device TEXT NOT NULL, other_device TEXT NOT NULL,
                at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL, checksum INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE);
            CREATE INDEX conflicts_client ON conflicts(client_id);
            -- NEN 7513: every delivery of client data to a device.
            CREATE TABLE transfers(id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, worker_id TEXT NOT NULL, client_id TEXT NOT NULL,
                row_count INTEGER NOT NULL, at TEXT NOT NULL);
            CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            INSERT INTO counters(name, value) VALUES ('seq', 0);
            """),
        (2, """
            -- Per client: live rows plus conflict records, and their additive checksum (mod 2^32), kept by every write.
            CREATE TABLE client_sums(client_id TEXT PRIMARY KEY, row_count INTEGER NOT NULL, checksum INTEGER NOT NULL);
            INSERT INTO client_sums(client_id, row_count, checksum)
                SELECT client_id, count(*), sum(checksum) % 4294967296
                FROM (SELECT client_id, checksum FROM rows WHERE deleted = 0 UNION ALL SELECT client_id, checksum FROM conflicts)
                GROUP BY client_id;
            """),
        (3, """
            -- A worker settles a conflict from a laptop: when (server time), by whom, from which device.
            ALTER TABLE conflicts ADD COLUMN resolved_at TEXT;
            ALTER TABLE conflicts ADD COLUMN resolved_by TEXT;
            ALTER TABLE conflicts ADD COLUMN resolved_device TEXT;
            -- NEN 7513: the laptops' access logs, each event once per (device, laptop seq).
            CREATE TABLE audit_events(device_id TEXT NOT NULL, seq INTEGER NOT NULL, event_type TEXT NOT NULL, at TEXT NOT NULL,
                client_id TEXT, worker_id TEXT NOT NULL, role TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL,
                received_at TEXT NOT NULL, PRIMARY KEY(device_id, seq));
            CREATE INDEX audit_events_client ON audit_events(client_id);
            CREATE INDEX transfers_client ON transfers(client_id);
            """),
        (4, """
            -- A Wmo consultant receives only clients and submitted indication advice; these sums cover exactly
            -- those rows and their conflicts, so the consultant's laptop can check its smaller scope the same way.
            CREATE TABLE client_sums_review(client_id TEXT PRIMARY KEY, row_count INTEGER NOT NULL, checksum INTEGER NOT NULL);
            INSERT INTO client_sums_review(client_id, row_count, checksum)
                SELECT client_id, count(*), sum(checksum) % 4294967296
                FROM (SELECT client_id, checksum FROM rows WHERE deleted = 0 AND tbl IN ('clients', 'indication_advices', 'advice_messages')
                        AND NOT (tbl = 'indication_advices' AND json_extract(columns, '$.status') = 'Concept')
                      UNION ALL SELECT client_id, checksum FROM conflicts WHERE tbl IN ('clients', 'indication_advices', 'advice_messages'))
                GROUP BY client_id;
            """),
        (5, """
            -- Scope checksums cover each row's values, not only its version; a consultant's view is submitted
            -- advice, its thread and the clients who have one, and no conflict records. The C# step in Code
            -- recomputes every row's checksum and both per-client sums.
            SELECT 1;
            """),
        (6, """
            -- Issue 11: the administrator's reference data. Departments a mandate can reach; team leaders'
            -- mandates (departments as a JSON array of names); every import of the cost table as a new version,
            -- earlier versions kept. The 'reference' counter is the version of the whole set a laptop pulls.
            -- Written to run again harmlessly, as a test re-runs the steps from 5 on.
            CREATE TABLE IF NOT EXISTS departments(name TEXT PRIMARY KEY COLLATE NOCASE, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS mandates(id TEXT PRIMARY KEY, worker_id TEXT NOT NULL, departments TEXT NOT NULL, valid_from TEXT NOT NULL,
                valid_until TEXT NOT NULL, granted_at TEXT NOT NULL, revoked_at TEXT);
            CREATE INDEX IF NOT EXISTS mandates_worker ON mandates(worker_id);
            CREATE TABLE IF NOT EXISTS cost_tables(version INTEGER PRIMARY KEY, imported_at TEXT NOT NULL, file_name TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS cost_entries(version INTEGER NOT NULL, line INTEGER NOT NULL, route_code TEXT NOT NULL, name TEXT NOT NULL,
                amount_cents INTEGER NOT NULL, period TEXT NOT NULL, valid_from TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY(version, line));
            INSERT INTO counters(name, value) VALUES ('reference', 0) ON CONFLICT(name) DO NOTHING;
            """),
        (7, """
            -- Issue 12: each team's minimaatwerk budget per calendar year and the most one request may ask, in cents;
            -- part of the reference data, so setting one raises the 'reference' counter.
            CREATE TABLE team_budgets(team_id TEXT NOT NULL, year INTEGER NOT NULL, amount_cents INTEGER NOT NULL, limit_cents INTEGER NOT NULL,
                set_at TEXT NOT NULL, PRIMARY KEY(team_id, year));
            """),
        (8, """
            -- Issue 13: the revolving fund. Partner organisations (the "who should have paid" list), their deposits in
            -- cents, and the member professionals who may request; all reference data, so every change raises the
            -- 'reference' counter. client_sums_fund covers exactly what a fund secretariat's device receives: the fund
            -- requests and repayments of every client, no other rows and no conflict records.
            CREATE TABLE fund_partners(name TEXT PRIMARY KEY COLLATE NOCASE, created_at TEXT NOT NULL);
            CREATE TABLE fund_deposits(id INTEGER PRIMARY KEY, partner TEXT NOT NULL COLLATE NOCASE REFERENCES fund_partners(name),
                amount_cents INTEGER NOT NULL, date TEXT NOT NULL, recorded_at TEXT NOT NULL);
            CREATE TABLE fund_members(worker_id TEXT PRIMARY KEY, added_at TEXT NOT NULL);
            CREATE TABLE client_sums_fund(client_id TEXT PRIMARY KEY, row_count INTEGER NOT NULL, checksum INTEGER NOT NULL);
            INSERT INTO client_sums_fund(client_id, row_count, checksum)
                SELECT client_id, count(*), sum(checksum) % 4294967296 FROM rows WHERE deleted = 0 AND tbl IN ('fund_requests', 'fund_repayments')
                GROUP BY client_id;
            """),
        (9, """
            -- Issue 14: the bottleneck tags, one row per comparison key (BottleneckTag.Key). state is 'accepted' (in the
            -- admin's list), 'proposed' (typed on a synced row, not yet judged) or 'merged' (counts under merged_into, a key;
            -- follow the chain). proposed_by is the worker whose row brought it (NULL when the admin added it), proposed_at
            -- server UTC. Accepted tags and merges are reference data. Signals and Wmo advices carry the tag from now on as
            -- the column bottleneck_tag in their rows' JSON, so no other table changes; the C# step in Code records the
            -- tags rows already carry as proposals.
            CREATE TABLE bottleneck_tags(key TEXT PRIMARY KEY, label TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('accepted', 'proposed', 'merged')),
                merged_into TEXT, proposed_by TEXT, proposed_at TEXT NOT NULL, CHECK ((state = 'merged') = (merged_into IS NOT NULL)));
            """),
        (10, """
            -- Issue 14 item 2: patterns for the werktafel. Figures only (counts, cents, departments, the teams whose caseload
            -- holds the cases), never a client; at most one open pattern per tag, which the partial index enforces. Each step
            -- is kept for good with who (worker), from which device, when it was made and when the server received it. The
            -- admin's threshold and window: one row.
            CREATE TABLE patterns(id TEXT PRIMARY KEY, tag_key TEXT NOT NULL, state TEXT NOT NULL, cases INTEGER NOT NULL, clients INTEGER NOT NULL,
                spent_cents INTEGER NOT NULL, by_source TEXT NOT NULL, by_department TEXT NOT NULL, teams TEXT NOT NULL,
                first_case TEXT NOT NULL, last_case TEXT NOT NULL, raised_at TEXT NOT NULL, updated_at TEXT NOT NULL, ended_on TEXT);
            CREATE UNIQUE INDEX patterns_one_open_per_tag ON patterns(tag_key) WHERE state NOT IN ('Closed', 'Dismissed');
            CREATE TABLE pattern_steps(id TEXT PRIMARY KEY, pattern_id TEXT NOT NULL REFERENCES patterns(id), to_state TEXT NOT NULL,
                at TEXT NOT NULL, by_worker TEXT NOT NULL, device_id TEXT NOT NULL, received_at TEXT NOT NULL, reason TEXT NOT NULL,
                fix_what TEXT, fix_who TEXT, fix_by TEXT);
            CREATE INDEX pattern_steps_pattern ON pattern_steps(pattern_id, received_at);
            CREATE TABLE pattern_settings(id INTEGER PRIMARY KEY CHECK (id = 1), min_clients INTEGER NOT NULL, window_months INTEGER NOT NULL);
            INSERT INTO pattern_settings(id, min_clients, window_months) VALUES (1, 4, 12);
            """),
        (11, """
            -- Issue 14: the administrator's maximum length of a pause in weeks (one row; without it the default of
            -- eight). Reference data, so setting it raises the 'reference' counter. Pauses, their steps and
            -- escalations are synced rows in 'rows' like every other table.
            -- Written to run again harmlessly, as a test re-runs the steps from 5 on.
            CREATE TABLE IF NOT EXISTS pause_settings(id INTEGER PRIMARY KEY CHECK (id = 1), max_weeks INTEGER NOT NULL, set_at TEXT NOT NULL);
            """),
        (12, """
            -- Issue 14: which tag key (BottleneckTag.Key, as typed, before any merge) each live row of a pattern source
            -- carries, kept by every write in its transaction, so a push re-detects only the tags it touched and reads
            -- only their rows. The C# step in Code fills it from the rows already stored.
            -- Written to run again harmlessly, as a test re-runs the steps from 5 on.
            CREATE TABLE IF NOT EXISTS tagged_rows(tbl TEXT NOT NULL, row_id TEXT NOT NULL, tag_key TEXT NOT NULL, PRIMARY KEY(tbl, row_id)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS tagged_rows_tag ON tagged_rows(tag_key);
            """),
        (13, """
            -- Issue 15 item 3: the enrolment rate limit in the store, as on PostgreSQL where several instances share it.
            -- One row per client address (its SHA-256, not the address): the attempts in the window that began at window_start.
            CREATE TABLE IF NOT EXISTS enrol_attempts(address_hash TEXT PRIMARY KEY, window_start TEXT NOT NULL, attempts INTEGER NOT NULL) WITHOUT ROWID;
            """),
        (14, """
            -- Issue 15: the feed place a row took when a push wrote it exactly as its device holds it (updated_device), else
            -- NULL. A pull by that device leaves the row out while seq still equals it; every later write or touch moves seq.
            ALTER TABLE rows ADD COLUMN pushed_seq INTEGER;
            """),
        (15, """
            -- Issue 15: settings of the store itself, such as the format its column stamps are written in (ColumnStampText):
            -- a store keeps the format every running server instance reads until its administrator finishes an update.
            CREATE TABLE IF NOT EXISTS store_settings(name TEXT PRIMARY KEY, value TEXT NOT NULL);
            """),
        (16, """
            -- Issue 15: each device's last push applied, by the id its laptop gave it: a push sent before the answer to the
            -- one before it names that one, and is applied only when it is this (SqlSyncStore.TakeTurn).
            -- Written to run again harmlessly, as a test re-runs the steps from 15 on.
            CREATE TABLE IF NOT EXISTS device_pushes(device_id TEXT PRIMARY KEY, push_id TEXT NOT NULL) WITHOUT ROWID;
            """),
        (17, """
            -- Issue 15: the names version, a random token replaced in the transaction of every change to a worker's id or
            -- name or to a team membership, so a pull reuses the colleagues' names it read under the same token
            -- (SqlSyncStore.ColleagueNames). SQLite has no TRUNCATE, and a DELETE fires these triggers for every row.
            -- Written to run again harmlessly, as a test re-runs the steps from 15 on.
            INSERT OR IGNORE INTO store_settings(name, value) VALUES ('names_version', lower(hex(randomblob(16))));
            CREATE TRIGGER IF NOT EXISTS workers_names_insert AFTER INSERT ON workers
                BEGIN UPDATE store_settings SET value = lower(hex(randomblob(16))) WHERE name = 'names_version'; END;
            CREATE TRIGGER IF NOT EXISTS workers_names_update AFTER UPDATE OF id, name ON workers
                BEGIN UPDATE store_settings SET value = lower(hex(randomblob(16))) WHERE name = 'names_version'; END;
            CREATE TRIGGER IF NOT EXISTS workers_names_delete AFTER DELETE ON workers
                BEGIN UPDATE store_settings SET value = lower(hex(randomblob(16))) WHERE name = 'names_version'; END;
            CREATE TRIGGER IF NOT EXISTS worker_teams_names_insert AFTER INSERT ON worker_teams
                BEGIN UPDATE store_settings SET value = lower(hex(randomblob(16))) WHERE name = 'names_version'; END;
            CREATE TRIGGER IF NOT EXISTS worker_teams_names_update AFTER UPDATE ON worker_teams
                BEGIN UPDATE store_settings SET value = lower(hex(randomblob(16))) WHERE name = 'names_version'; END;
            CREATE TRIGGER IF NOT EXISTS worker_teams_names_delete AFTER DELETE ON worker_teams
                BEGIN UPDATE store_settings SET value = lower(hex(randomblob(16))) WHERE name = 'names_version'; END;
            """),
        (18, """
            -- The horizon a device's first pull reads its scope below, kept by its first page for the pages after it
            -- (SqlSyncStore, "first pull").
            CREATE TABLE IF NOT EXISTS first_pulls(device_id TEXT PRIMARY KEY, horizon INTEGER NOT NULL) WITHOUT ROWID;
            """),
    ];
}
