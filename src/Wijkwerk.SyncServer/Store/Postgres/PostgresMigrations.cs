namespace Wijkwerk.SyncServer.Store.Postgres;

/// <summary>
/// Numbered, append-only schema steps for PostgreSQL. Never edit a step that has shipped; add the next number. Step 1 is
/// the SQLite schema after its step 12 (a PostgreSQL store starts there: there are no older ones to convert), with
/// bigint for INTEGER and, for the feed, each change row's transaction id.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<(int Number, string Sql)> Steps =
    [
        (1, """
            -- The statements are shared with the SQLite store, so the SQLite names they use exist here too: a case-blind
            -- collation NOCASE (ICU, case-insensitive like SQLite's ASCII NOCASE, and for accented letters too), and the
            -- JSON functions on the text columns that hold the rows' values.
            CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            -- json_extract(doc, '$.key'): the key's value as text, NULL when missing or JSON null.
            CREATE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN doc::jsonb #>> string_to_array(substr(path, 3), '.');
            -- json_each(array): one row per element, as text in column value.
            CREATE FUNCTION json_each(doc text) RETURNS TABLE(value text) LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN jsonb_array_elements_text(doc::jsonb);
            CREATE FUNCTION json_object() RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN '{}';
            CREATE FUNCTION json_object(k1 text, v1 text, k2 text, v2 text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN jsonb_build_object(k1, v1, k2, v2)::text;
            -- As SQLite's json_patch for the one use here (a patch onto '{}'): the patch's keys, those set to null dropped.
            CREATE FUNCTION json_patch(target text, patch text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN jsonb_strip_nulls(target::jsonb || patch::jsonb)::text;

            -- The feed (see PostgresDialect): seq orders the changes, xid is the transaction that gave the row its seq.
            CREATE SEQUENCE feed_seq;
            CREATE FUNCTION stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    NEW.xid := pg_current_xact_id()::text::bigint;
                ELSIF NEW.seq IS DISTINCT FROM OLD.seq THEN
                    NEW.xid := pg_current_xact_id()::text::bigint;
                END IF;
                RETURN NEW;
            END $$;

            CREATE TABLE teams(id text PRIMARY KEY, name text COLLATE nocase NOT NULL UNIQUE, created_at text NOT NULL);
            CREATE TABLE workers(id text PRIMARY KEY, name text COLLATE nocase NOT NULL UNIQUE, role text NOT NULL, created_at text NOT NULL);
            CREATE TABLE worker_teams(worker_id text NOT NULL, team_id text NOT NULL, PRIMARY KEY(worker_id, team_id));
            CREATE INDEX worker_teams_team ON worker_teams(team_id);
            CREATE TABLE devices(id text PRIMARY KEY, worker_id text NOT NULL, name text NOT NULL, token_hash text NOT NULL UNIQUE,
                enrolled_at text NOT NULL, revoked_at text);
            CREATE TABLE enrolment_codes(code_hash text PRIMARY KEY, worker_id text NOT NULL, created_at text NOT NULL,
                expires_at text NOT NULL, used_at text, device_id text);
            CREATE TABLE team_clients(team_id text NOT NULL, client_id text NOT NULL, assigned_at text NOT NULL, PRIMARY KEY(team_id, client_id));
            CREATE INDEX team_clients_client ON team_clients(client_id);
            CREATE TABLE rows(tbl text NOT NULL, row_id text NOT NULL, client_id text NOT NULL, version bigint NOT NULL,
                deleted bigint NOT NULL DEFAULT 0, columns text NOT NULL, column_versions text NOT NULL, checksum bigint NOT NULL,
                updated_at text NOT NULL, updated_by text NOT NULL, updated_device text NOT NULL, seq bigint NOT NULL UNIQUE,
                xid bigint NOT NULL, PRIMARY KEY(tbl, row_id));
            CREATE INDEX rows_client ON rows(client_id);
            CREATE INDEX rows_feed ON rows(xid, seq);
            CREATE TRIGGER rows_xid BEFORE INSERT OR UPDATE ON rows FOR EACH ROW EXECUTE FUNCTION stamp_xid();
            CREATE TABLE scope_events(seq bigint PRIMARY KEY, team_id text NOT NULL, client_id text NOT NULL, kind text NOT NULL,
                tbl text NOT NULL, row_id text NOT NULL, at text NOT NULL, xid bigint NOT NULL);
            CREATE INDEX scope_events_team ON scope_events(team_id, xid, seq);
            CREATE TRIGGER scope_events_xid BEFORE INSERT OR UPDATE ON scope_events FOR EACH ROW EXECUTE FUNCTION stamp_xid();
            CREATE TABLE applied_mutations(device_id text NOT NULL, mutation_id bigint NOT NULL, result text NOT NULL, applied_at text NOT NULL,
                PRIMARY KEY(device_id, mutation_id));
            CREATE TABLE conflicts(id text PRIMARY KEY, tbl text NOT NULL, row_id text NOT NULL, client_id text NOT NULL, column_name text NOT NULL,
                kept_value text, other_value text, kept_by text NOT NULL, other_by text NOT NULL, kept_device text NOT NULL, other_device text NOT NULL,
                at text NOT NULL, resolved bigint NOT NULL DEFAULT 0, version bigint NOT NULL, checksum bigint NOT NULL, seq bigint NOT NULL UNIQUE,
                resolved_at text, resolved_by text, resolved_device text, xid bigint NOT NULL);
            CREATE INDEX conflicts_client ON conflicts(client_id);
            CREATE INDEX conflicts_feed ON conflicts(xid, seq);
            CREATE TRIGGER conflicts_xid BEFORE INSERT OR UPDATE ON conflicts FOR EACH ROW EXECUTE FUNCTION stamp_xid();
            CREATE TABLE transfers(id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, device_id text NOT NULL, worker_id text NOT NULL,
                client_id text NOT NULL, row_count bigint NOT NULL, at text NOT NULL);
            CREATE INDEX transfers_client ON transfers(client_id);
            CREATE TABLE counters(name text PRIMARY KEY, value bigint NOT NULL);
            INSERT INTO counters(name, value) VALUES ('reference', 0);
            CREATE TABLE client_sums(client_id text PRIMARY KEY, row_count bigint NOT NULL, checksum bigint NOT NULL);
            CREATE TABLE client_sums_review(client_id text PRIMARY KEY, row_count bigint NOT NULL, checksum bigint NOT NULL);
            CREATE TABLE client_sums_fund(client_id text PRIMARY KEY, row_count bigint NOT NULL, checksum bigint NOT NULL);
            CREATE TABLE audit_events(device_id text NOT NULL, seq bigint NOT NULL, event_type text NOT NULL, at text NOT NULL,
                client_id text, worker_id text NOT NULL, role text NOT NULL, outcome text NOT NULL, detail text NOT NULL,
                received_at text NOT NULL, PRIMARY KEY(device_id, seq));
            CREATE INDEX audit_events_client ON audit_events(client_id);

            CREATE TABLE departments(name text COLLATE nocase PRIMARY KEY, created_at text NOT NULL);
            CREATE TABLE mandates(id text PRIMARY KEY, worker_id text NOT NULL, departments text NOT NULL, valid_from text NOT NULL,
                valid_until text NOT NULL, granted_at text NOT NULL, revoked_at text);
            CREATE INDEX mandates_worker ON mandates(worker_id);
            CREATE TABLE cost_tables(version bigint PRIMARY KEY, imported_at text NOT NULL, file_name text NOT NULL);
            CREATE TABLE cost_entries(version bigint NOT NULL, line bigint NOT NULL, route_code text NOT NULL, name text NOT NULL,
                amount_cents bigint NOT NULL, period text NOT NULL, valid_from text NOT NULL, source text NOT NULL, PRIMARY KEY(version, line));
            CREATE TABLE team_budgets(team_id text NOT NULL, year bigint NOT NULL, amount_cents bigint NOT NULL, limit_cents bigint NOT NULL,
                set_at text NOT NULL, PRIMARY KEY(team_id, year));
            CREATE TABLE fund_partners(name text COLLATE nocase PRIMARY KEY, created_at text NOT NULL);
            CREATE TABLE fund_deposits(id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, partner text COLLATE nocase NOT NULL REFERENCES fund_partners(name),
                amount_cents bigint NOT NULL, date text NOT NULL, recorded_at text NOT NULL);
            CREATE TABLE fund_members(worker_id text PRIMARY KEY, added_at text NOT NULL);
            CREATE TABLE bottleneck_tags(key text PRIMARY KEY, label text NOT NULL, state text NOT NULL CHECK (state IN ('accepted', 'proposed', 'merged')),
                merged_into text, proposed_by text, proposed_at text NOT NULL, CHECK ((state = 'merged') = (merged_into IS NOT NULL)));
            CREATE TABLE patterns(id text PRIMARY KEY, tag_key text NOT NULL, state text NOT NULL, cases bigint NOT NULL, clients bigint NOT NULL,
                spent_cents bigint NOT NULL, by_source text NOT NULL, by_department text NOT NULL, teams text NOT NULL,
                first_case text NOT NULL, last_case text NOT NULL, raised_at text NOT NULL, updated_at text NOT NULL, ended_on text);
            CREATE UNIQUE INDEX patterns_one_open_per_tag ON patterns(tag_key) WHERE state NOT IN ('Closed', 'Dismissed');
            -- rowid: the order steps arrived in, as SQLite's rowid gives it there.
            CREATE TABLE pattern_steps(id text PRIMARY KEY, pattern_id text NOT NULL REFERENCES patterns(id), to_state text NOT NULL,
                at text NOT NULL, by_worker text NOT NULL, device_id text NOT NULL, received_at text NOT NULL, reason text NOT NULL,
                fix_what text, fix_who text, fix_by text, rowid bigint GENERATED ALWAYS AS IDENTITY);
            CREATE INDEX pattern_steps_pattern ON pattern_steps(pattern_id, received_at);
            CREATE TABLE pattern_settings(id bigint PRIMARY KEY CHECK (id = 1), min_clients bigint NOT NULL, window_months bigint NOT NULL);
            INSERT INTO pattern_settings(id, min_clients, window_months) VALUES (1, 4, 12);
            CREATE TABLE pause_settings(id bigint PRIMARY KEY CHECK (id = 1), max_weeks bigint NOT NULL, set_at text NOT NULL);
            CREATE TABLE tagged_rows(tbl text NOT NULL, row_id text NOT NULL, tag_key text NOT NULL, PRIMARY KEY(tbl, row_id));
            CREATE INDEX tagged_rows_tag ON tagged_rows(tag_key);
            """),
        (2, """
            -- Issue 15 item 3: the enrolment rate limit, shared by every instance on this database. One row per client
            -- address (its SHA-256, not the address): the attempts in the window that began at window_start.
            CREATE TABLE enrol_attempts(address_hash text PRIMARY KEY, window_start text NOT NULL, attempts bigint NOT NULL);
            """),
        (3, """
            -- A feed position is the writing transaction's id plus feed_offset(): a restore into another database (another
            -- cluster's ids start low) moves the offset so every new position lies above every laptop's anchor; see
            -- FeedOrigin. feed_origin says which database the positions were handed out in. The offset lives in the
            -- function body, a constant the planner folds, and travels with pg_dump.
            CREATE TABLE feed_origin(id bigint PRIMARY KEY CHECK (id = 1), cluster text NOT NULL, database_oid bigint NOT NULL, moved_at text);
            INSERT INTO feed_origin(id, cluster, database_oid)
                SELECT 1, system_identifier::text, (SELECT oid FROM pg_database WHERE datname = current_database()) FROM pg_control_system();
            CREATE FUNCTION feed_offset() RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN 0;
            CREATE OR REPLACE FUNCTION stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    NEW.xid := pg_current_xact_id()::text::bigint + feed_offset();
                ELSIF NEW.seq IS DISTINCT FROM OLD.seq THEN
                    NEW.xid := pg_current_xact_id()::text::bigint + feed_offset();
                END IF;
                RETURN NEW;
            END $$;
            """),
        (4, """
            -- A client's rows by table in one index scan (the consultant's view, ScopeSums.ReviewRowSql); client_id alone
            -- is this index's prefix, so the old index has nothing left to do.
            CREATE INDEX rows_client_tbl ON rows(client_id, tbl);
            DROP INDEX rows_client;
            """),
        (5, """
            -- The feed place a row took when a push wrote it exactly as its device holds it (updated_device), else NULL. A
            -- pull by that device leaves the row out while seq still equals it; every later write or touch moves seq.
            ALTER TABLE rows ADD COLUMN pushed_seq bigint;
            """),
        (6, """
            -- Settings of the store itself, such as the format its column stamps are written in (ColumnStampText): a store
            -- keeps the format every running server instance reads until its administrator finishes an update.
            CREATE TABLE store_settings(name text PRIMARY KEY, value text NOT NULL);
            """),
        (7, """
            -- The keys a push and a pull look up, write and walk by the hundred (ids, table names, token hashes) compare
            -- byte by byte, as SQLite compares them, whatever locale the database was created with: under a locale other
            -- than C every comparison in their indexes went through it (strcoll, or ICU), which the ids, made of hex digits
            -- and dashes, never need. 100,000 rows written in pushes of 500 into a table keyed as rows is, by three
            -- indexes: 0.74-0.76 s bytewise, 0.89-0.91 s under C.UTF-8, 1.07-1.42 s under ICU nl-NL. Equality is the same
            -- in all of them; an order by these keys is now SQLite's on every database.
            -- Every table is locked first, before any index is rebuilt: taken one by one, a sync of an instance still on
            -- the release before could hold a later table while it waited for an earlier one, a deadlock the step can lose
            -- (MigrateAsync then takes it again).
            LOCK TABLE worker_teams, devices, workers, teams, team_clients, rows, conflicts, scope_events, tagged_rows,
                applied_mutations, audit_events, client_sums, client_sums_review, client_sums_fund, transfers IN ACCESS EXCLUSIVE MODE;
            ALTER TABLE rows ALTER COLUMN tbl TYPE text COLLATE "C", ALTER COLUMN row_id TYPE text COLLATE "C",
                ALTER COLUMN client_id TYPE text COLLATE "C", ALTER COLUMN updated_device TYPE text COLLATE "C";
            ALTER TABLE conflicts ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN tbl TYPE text COLLATE "C",
                ALTER COLUMN row_id TYPE text COLLATE "C", ALTER COLUMN client_id TYPE text COLLATE "C";
            ALTER TABLE scope_events ALTER COLUMN team_id TYPE text COLLATE "C", ALTER COLUMN client_id TYPE text COLLATE "C",
                ALTER COLUMN tbl TYPE text COLLATE "C", ALTER COLUMN row_id TYPE text COLLATE "C";
            ALTER TABLE tagged_rows ALTER COLUMN tbl TYPE text COLLATE "C", ALTER COLUMN row_id TYPE text COLLATE "C";
            ALTER TABLE team_clients ALTER COLUMN team_id TYPE text COLLATE "C", ALTER COLUMN client_id TYPE text COLLATE "C";
            ALTER TABLE worker_teams ALTER COLUMN worker_id TYPE text COLLATE "C", ALTER COLUMN team_id TYPE text COLLATE "C";
            ALTER TABLE applied_mutations ALTER COLUMN device_id TYPE text COLLATE "C";
            ALTER TABLE audit_events ALTER COLUMN device_id TYPE text COLLATE "C", ALTER COLUMN client_id TYPE text COLLATE "C",
                ALTER COLUMN worker_id TYPE text COLLATE "C";
            ALTER TABLE client_sums ALTER COLUMN client_id TYPE text COLLATE "C";
            ALTER TABLE client_sums_review ALTER COLUMN client_id TYPE text COLLATE "C";
            ALTER TABLE client_sums_fund ALTER COLUMN client_id TYPE text COLLATE "C";
            ALTER TABLE devices ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN worker_id TYPE text COLLATE "C",
                ALTER COLUMN token_hash TYPE text COLLATE "C";
            ALTER TABLE workers ALTER COLUMN id TYPE text COLLATE "C";
            ALTER TABLE teams ALTER COLUMN id TYPE text COLLATE "C";
            -- The transfer log is never looked up by a number of its own: that numbering cost every row a step of a
            -- sequence and an entry in an index of its own, each pull writing a row for each client it delivered (200 a
            -- pull in a team of 200). 80,000 rows in inserts of 200: 0.24-0.25 s with it, 0.16-0.17 s without.
            ALTER TABLE transfers DROP COLUMN id, ALTER COLUMN device_id TYPE text COLLATE "C",
                ALTER COLUMN worker_id TYPE text COLLATE "C", ALTER COLUMN client_id TYPE text COLLATE "C";
            """),
        (8, """
            -- Each device's last push applied, by the id its laptop gave it: a push sent before the answer to the one
            -- before it names that one, and is applied only when it is this (SqlSyncStore.TakeTurn). Written to run again
            -- harmlessly, as a test re-runs the steps from 6 on.
            CREATE TABLE IF NOT EXISTS device_pushes(device_id text COLLATE "C" PRIMARY KEY, push_id text NOT NULL);
            """),
        (9, """
            -- The names version, a random token replaced in the transaction of every change to a worker or to a team
            -- membership, whoever makes it, so a pull reuses the colleagues' names its instance read under the same
            -- token (SqlSyncStore.ColleagueNames). Once a statement, not once a row: the token need only change. On any
            -- update of a worker, not of the id and name alone: a trigger that names columns stops step 7 from changing
            -- their type when a test runs it again.
            -- Written to run again harmlessly, as a test re-runs the steps from 6 on.
            INSERT INTO store_settings(name, value) VALUES ('names_version', gen_random_uuid()::text) ON CONFLICT (name) DO NOTHING;
            CREATE OR REPLACE FUNCTION new_names_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE store_settings SET value = gen_random_uuid()::text WHERE name = 'names_version';
                RETURN NULL;
            END $$;
            CREATE OR REPLACE TRIGGER workers_names AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON workers
                FOR EACH STATEMENT EXECUTE FUNCTION new_names_version();
            CREATE OR REPLACE TRIGGER worker_teams_names AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON worker_teams
                FOR EACH STATEMENT EXECUTE FUNCTION new_names_version();
            """),
        (10, """
            -- A new feed entry takes its transaction's place by default instead of through stamp_xid for every row, which
            -- now runs only when a write leaves another place than that: an update that keeps its seq keeps its place, one
            -- that moves it takes its transaction's, and a place a writer names other than its own transaction's is not
            -- taken (its own at worst serves the row again, never skips it: that transaction has not committed). The call
            -- of a PL/pgSQL function a row cost an insert of 100,000 rows 1.56-1.76 s against 1.32-1.40 s by default (the
            -- rows table's columns and indexes, psql, twice). Written to run again harmlessly, as a test re-runs the steps
            -- from 6 on.
            CREATE OR REPLACE FUNCTION stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' OR NEW.seq IS DISTINCT FROM OLD.seq THEN
                    NEW.xid := pg_current_xact_id()::text::bigint + feed_offset();
                ELSE
                    NEW.xid := OLD.xid;
                END IF;
                RETURN NEW;
            END $$;
            ALTER TABLE rows ALTER COLUMN xid SET DEFAULT (pg_current_xact_id()::text::bigint + feed_offset());
            ALTER TABLE conflicts ALTER COLUMN xid SET DEFAULT (pg_current_xact_id()::text::bigint + feed_offset());
            ALTER TABLE scope_events ALTER COLUMN xid SET DEFAULT (pg_current_xact_id()::text::bigint + feed_offset());
            CREATE OR REPLACE TRIGGER rows_xid BEFORE INSERT OR UPDATE ON rows FOR EACH ROW
                WHEN (NEW.xid IS DISTINCT FROM pg_current_xact_id()::text::bigint + feed_offset()) EXECUTE FUNCTION stamp_xid();
            CREATE OR REPLACE TRIGGER conflicts_xid BEFORE INSERT OR UPDATE ON conflicts FOR EACH ROW
                WHEN (NEW.xid IS DISTINCT FROM pg_current_xact_id()::text::bigint + feed_offset()) EXECUTE FUNCTION stamp_xid();
            CREATE OR REPLACE TRIGGER scope_events_xid BEFORE INSERT OR UPDATE ON scope_events FOR EACH ROW
                WHEN (NEW.xid IS DISTINCT FROM pg_current_xact_id()::text::bigint + feed_offset()) EXECUTE FUNCTION stamp_xid();
            """),
        (11, """
            -- The horizon a device's first pull reads its scope below, kept by its first page for the pages after it
            -- (SqlSyncStore, "first pull"), which may come to another instance.
            CREATE TABLE IF NOT EXISTS first_pulls(device_id text COLLATE "C" PRIMARY KEY, horizon bigint NOT NULL);
            """),
        (12, """
            -- The transfer log of a pull as one row, its clients and their row counts as arrays, the clients indexed by GIN
            -- (PostgresDialect.LogTransfers); 'transfers' keeps what older releases wrote. The index takes new entries into
            -- its pending list, which a search reads whole, and which is merged into the index when autovacuum vacuums the
            -- table (asked for here once 1,000 pulls have been logged since it last did), off the pulls' path; only once the
            -- list passes 32 MB does an insert merge it itself. A burst's worth, 200 pulls of the same 180 clients, eight in
            -- a row (psql): into a log of about 1,000,000 entries, each client about 220 times, 33-51 ms each and 106 ms
            -- for the vacuum that merged all eight; as rows of 'transfers' with their ordered index, into 1,000,000 rows of
            -- 200 a client (another run), 146-205 ms each.
            -- Written to run again harmlessly, as a test re-runs the steps from 6 on.
            CREATE TABLE IF NOT EXISTS transfer_batches(device_id text COLLATE "C" NOT NULL, worker_id text COLLATE "C" NOT NULL,
                at text NOT NULL, client_ids text[] COLLATE "C" NOT NULL, row_counts bigint[] NOT NULL)
                WITH (autovacuum_vacuum_insert_threshold = 1000, autovacuum_vacuum_insert_scale_factor = 0);
            CREATE INDEX IF NOT EXISTS transfer_batches_clients ON transfer_batches USING gin(client_ids) WITH (gin_pending_list_limit = 32768);
            """),
    ];
}
