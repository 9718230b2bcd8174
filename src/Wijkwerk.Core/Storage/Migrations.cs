namespace Wijkwerk.Core.Storage;

/// <summary>
/// The numbered schema steps. The number a file has reached is its <c>PRAGMA user_version</c>;
/// a step is never edited once released, only followed by a new one.
/// </summary>
public static class Migrations
{
    // Every synced row carries the columns the sync engine needs: version is the server's row
    // version (0 until the server first accepts the row); deleted rows stay as tombstones.
    private const string SyncColumns = """
        version INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
        """;

    internal static IReadOnlyList<string> Steps { get; } =
    [
        $"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value ANY NOT NULL) STRICT;

        CREATE TABLE clients (
            id TEXT PRIMARY KEY,
            first_name BLOB NOT NULL,
            surname_prefix BLOB NOT NULL,
            surname BLOB NOT NULL,
            birth_date BLOB NOT NULL,
            postcode BLOB NOT NULL,
            house_number BLOB NOT NULL,
            addition BLOB NOT NULL,
            phone BLOB NOT NULL,
            bsn BLOB NOT NULL,
            notes BLOB NOT NULL,
            {SyncColumns}) STRICT;

        CREATE TABLE household_members (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            name BLOB NOT NULL,
            relation TEXT NOT NULL,
            birth_date BLOB NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX household_members_by_client ON household_members (client_id);

        CREATE TABLE consents (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            purpose BLOB NOT NULL,
            status TEXT NOT NULL,
            reason BLOB NOT NULL,
            date TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX consents_by_client ON consents (client_id);

        CREATE TABLE signals (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            source TEXT NOT NULL,
            source_other BLOB NOT NULL,
            observation BLOB NOT NULL,
            life_domains TEXT NOT NULL,
            urgency TEXT NOT NULL,
            consent_in_consultation INTEGER NOT NULL,
            consent_reason BLOB NOT NULL,
            assignee TEXT,
            status TEXT NOT NULL,
            reported_at TEXT NOT NULL,
            picked_up_at TEXT,
            {SyncColumns}) STRICT;
        CREATE INDEX signals_by_client ON signals (client_id);
        CREATE INDEX signals_by_status ON signals (status, urgency);

        CREATE TABLE follow_ups (
            id TEXT PRIMARY KEY,
            signal_id TEXT NOT NULL,
            at TEXT NOT NULL,
            worker TEXT NOT NULL,
            note BLOB NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX follow_ups_by_signal ON follow_ups (signal_id);

        CREATE TABLE home_visits (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            date TEXT NOT NULL,
            worker TEXT NOT NULL,
            notes BLOB NOT NULL,
            zrm BLOB NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX home_visits_by_client ON home_visits (client_id);

        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            operation TEXT NOT NULL,
            columns TEXT NOT NULL,
            created_at TEXT NOT NULL) STRICT;

        CREATE TABLE audit_events (
            seq INTEGER PRIMARY KEY,
            event_type TEXT NOT NULL,
            at TEXT NOT NULL,
            client_id TEXT,
            worker_id TEXT NOT NULL,
            role TEXT NOT NULL,
            device_id TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT NOT NULL,
            hash BLOB NOT NULL) STRICT;
        CREATE INDEX audit_events_by_client ON audit_events (client_id);

        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            body BLOB NOT NULL,
            updated_at TEXT NOT NULL) STRICT;
        """,

        // 2: sync. Conflicts arrive from the server like any row; refusals are the server's per-row
        // answers the worker must see, kept so a refused change is never silently dropped.
        $"""
        CREATE TABLE conflicts (
            id TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            client_id TEXT,
            column_name TEXT NOT NULL,
            kept_value BLOB NOT NULL,
            other_value BLOB NOT NULL,
            kept_by TEXT NOT NULL,
            other_by TEXT NOT NULL,
            at TEXT NOT NULL,
            resolved TEXT,
            {SyncColumns}) STRICT;
        CREATE INDEX conflicts_by_client ON conflicts (client_id);

        CREATE INDEX outbox_by_row ON outbox (table_name, row_id);

        CREATE TABLE sync_refusals (
            mutation_id INTEGER PRIMARY KEY,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL) STRICT;
        """,

        // 3: Wmo indication advice. Codes, dates and amounts stay plain so the review queue can sort by
        // legal deadline; what is written about the client is sealed. The messages are the question and
        // answer thread, tied to the client through their advice.
        $"""
        CREATE TABLE indication_advices (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            author TEXT NOT NULL,
            team TEXT NOT NULL,
            status TEXT NOT NULL,
            category TEXT NOT NULL,
            product_code TEXT NOT NULL,
            amount TEXT NOT NULL,
            unit TEXT NOT NULL,
            frequency TEXT NOT NULL,
            start_date TEXT NOT NULL,
            duration_months TEXT,
            rationale BLOB NOT NULL,
            zrm BLOB NOT NULL,
            alternatives BLOB NOT NULL,
            client_wishes BLOB NOT NULL,
            melding_date TEXT NOT NULL,
            aanvraag_date TEXT,
            legal_basis TEXT NOT NULL,
            consent TEXT NOT NULL,
            consent_note BLOB NOT NULL,
            client_support_offered TEXT NOT NULL,
            personal_plan_offered TEXT NOT NULL,
            created_at TEXT NOT NULL,
            submitted_at TEXT,
            decided_category TEXT,
            decided_product_code TEXT,
            decided_amount TEXT,
            decided_unit TEXT,
            decided_frequency TEXT,
            decided_start TEXT,
            decided_duration_months TEXT,
            decision_reason BLOB NOT NULL,
            decided_at TEXT,
            decided_by TEXT,
            extended_until TEXT,
            extension_reason BLOB NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX indication_advices_by_client ON indication_advices (client_id);
        CREATE INDEX indication_advices_by_status ON indication_advices (status);

        CREATE TABLE advice_messages (
            id TEXT PRIMARY KEY,
            advice_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text BLOB NOT NULL,
            author TEXT NOT NULL,
            at TEXT NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX advice_messages_by_advice ON advice_messages (advice_id);
        """,

        // 4: races with a pull. An outbox entry remembers the row version its edit was made on (a form
        // opened before a pull saves against what it showed; null: the row's version when pushed). Pulled
        // rows this laptop cannot store are set aside by id, with a reason free of personal data and the
        // server's checksum of the row, which the scope counts in its place.
        """
        ALTER TABLE outbox ADD COLUMN base_version INTEGER;

        CREATE TABLE sync_set_aside (
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            checksum INTEGER NOT NULL,
            PRIMARY KEY (table_name, row_id)) STRICT;
        """,

        // 5: rows this laptop keeps different from the server on purpose, a refused edit the worker still
        // sees (sync_refusals): the server's checksum of the row, noted by a scope repair at the local
        // version it met, counts in the scope instead of the local values, so the laptop is converged and
        // does not re-read its scope on every sync.
        """
        CREATE TABLE scope_kept (
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            checksum INTEGER NOT NULL,
            PRIMARY KEY (table_name, row_id)) STRICT;
        """,

        // 6: the names of the team's workers as the server last sent them, so a screen can say who entered a
        // value or moved a signal. Sealed like every name; not synced back.
        """
        CREATE TABLE worker_names (
            id TEXT PRIMARY KEY,
            name BLOB NOT NULL) STRICT;
        """,

        // 7: which clients are live, without reading their sealed rows: home filters its open signals on it at
        // every start, and the client count reads it.
        """
        CREATE INDEX clients_live ON clients (deleted, id);
        """,

        // 8: the unit of time a volume kept in minutes was typed in ("0,5 uur" is 30 minutes), so it reads back
        // as typed. Empty on older rows, which read back as before.
        """
        ALTER TABLE indication_advices ADD COLUMN entered_unit TEXT;
        ALTER TABLE indication_advices ADD COLUMN decided_entered_unit TEXT;
        """,

        // 9 (issue 11): mandate decisions and their addenda, synced in the team's scope, free text sealed
        // (MandateColumns.DecisionSecrets); and the reference data the server sends with a pull (departments,
        // this worker's mandates, every version of the cost table) as the one document of the version it had.
        $"""
        CREATE TABLE mandate_decisions (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            mandate_id TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            department TEXT NOT NULL,
            rule_overridden TEXT NOT NULL,
            refused_before BLOB NOT NULL,
            decision BLOB NOT NULL,
            executor_department TEXT NOT NULL,
            executor_contact BLOB NOT NULL,
            legitimacy BLOB NOT NULL,
            engagement BLOB NOT NULL,
            resident_heard TEXT NOT NULL,
            own_cost TEXT,
            avoided_cost TEXT,
            net_return TEXT,
            return_ratio TEXT,
            horizon_months TEXT,
            cost_table_version TEXT,
            avoided_routes TEXT,
            bottleneck_tag TEXT NOT NULL,
            follow_up_on TEXT NOT NULL,
            follow_up_result TEXT,
            follow_up_how BLOB NOT NULL,
            follow_up_at TEXT,
            follow_up_by TEXT,
            {SyncColumns}) STRICT;
        CREATE INDEX mandate_decisions_by_client ON mandate_decisions (client_id);
        CREATE INDEX mandate_decisions_by_follow_up ON mandate_decisions (follow_up_on);

        CREATE TABLE mandate_addenda (
            id TEXT PRIMARY KEY,
            decision_id TEXT NOT NULL,
            text BLOB NOT NULL,
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX mandate_addenda_by_decision ON mandate_addenda (decision_id);

        CREATE TABLE reference_data (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL,
            body TEXT NOT NULL) STRICT;
        """,

        // 10 (issue 12): minimaatwerk budget requests and their votes, synced in the team's scope, free text sealed
        // (BudgetColumns.RequestSecrets, VoteSecrets); team, amount, category, status and tag plain for the ledger.
        $"""
        CREATE TABLE budget_requests (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            team TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            what BLOB NOT NULL,
            supplier_name BLOB NOT NULL,
            supplier_reference BLOB NOT NULL,
            amount_cents TEXT NOT NULL,
            category TEXT NOT NULL,
            why_no_regular_route BLOB NOT NULL,
            legitimacy BLOB NOT NULL,
            engagement BLOB NOT NULL,
            resident_heard TEXT NOT NULL,
            own_cost TEXT,
            avoided_cost TEXT,
            net_return TEXT,
            return_ratio TEXT,
            horizon_months TEXT,
            cost_table_version TEXT,
            avoided_routes TEXT,
            bottleneck_tag TEXT NOT NULL,
            status TEXT NOT NULL,
            approved_at TEXT,
            outcome_at TEXT,
            outcome_by TEXT,
            outcome_note BLOB NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX budget_requests_by_client ON budget_requests (client_id);
        CREATE INDEX budget_requests_by_status ON budget_requests (status);

        CREATE TABLE budget_votes (
            id TEXT PRIMARY KEY,
            request_id TEXT NOT NULL,
            voter TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            alternative BLOB NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX budget_votes_by_request ON budget_votes (request_id);
        """,

        // 11: what home reads at every start, from indexes alone instead of every sealed row: its open signals in
        // its order (the list, its count, the eropaf deadlines: SignalRepository.OpenHeaders), and today's counts of
        // signals and visits (each of those two was a scan of its whole table).
        """
        CREATE INDEX signals_open ON signals (urgency, reported_at, id, client_id, source, assignee, status, picked_up_at, deleted)
            WHERE deleted = 0 AND status IN ('New', 'PickedUp');
        CREATE INDEX signals_by_reported ON signals (reported_at, deleted);
        CREATE INDEX home_visits_by_date ON home_visits (date, deleted);
        """,

        // 12 (issue 13): revolving-fund requests and their repayments, synced in the team's scope and to the fund
        // secretariat of every team; free text sealed (FundColumns.RequestSecrets); team, amounts, partners, status and
        // tag plain for the balance, the receivables and the half-year review.
        $"""
        CREATE TABLE fund_requests (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            team TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            case_description BLOB NOT NULL,
            amount_cents TEXT NOT NULL,
            purpose BLOB NOT NULL,
            payee BLOB NOT NULL,
            responsible_partner TEXT NOT NULL,
            why_regular_route_fails BLOB NOT NULL,
            durable_expected TEXT NOT NULL,
            durability_why BLOB NOT NULL,
            legitimacy BLOB NOT NULL,
            engagement BLOB NOT NULL,
            resident_heard TEXT NOT NULL,
            own_cost TEXT,
            avoided_cost TEXT,
            net_return TEXT,
            return_ratio TEXT,
            horizon_months TEXT,
            cost_table_version TEXT,
            avoided_routes TEXT,
            bottleneck_tag TEXT NOT NULL,
            status TEXT NOT NULL,
            decided_at TEXT,
            decided_by TEXT,
            decision_note BLOB NOT NULL,
            paid_at TEXT,
            paid_by TEXT,
            payment_reference BLOB NOT NULL,
            evaluated_at TEXT,
            evaluated_by TEXT,
            worked TEXT,
            durable TEXT,
            evaluation_note BLOB NOT NULL,
            settled_at TEXT,
            settled_by TEXT,
            shares TEXT,
            {SyncColumns}) STRICT;
        CREATE INDEX fund_requests_by_client ON fund_requests (client_id);
        CREATE INDEX fund_requests_by_status ON fund_requests (status);

        CREATE TABLE fund_repayments (
            id TEXT PRIMARY KEY,
            request_id TEXT NOT NULL,
            partner TEXT NOT NULL,
            amount_cents TEXT NOT NULL,
            received_on TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX fund_repayments_by_request ON fund_repayments (request_id);
        """,

        // 13 (issue 14): pauses with their steps (each lift or extension its own insert-only row) and escalations,
        // synced in the team's scope; free text sealed (PauseColumns.PauseSecrets, StepSecrets, EscalationColumns.Secrets);
        // dates, department, level and tag plain, so home finds the reminders from indexes without opening a dossier.
        $"""
        CREATE TABLE pauses (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            action BLOB NOT NULL,
            department TEXT NOT NULL,
            requested_by BLOB NOT NULL,
            reason BLOB NOT NULL,
            starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX pauses_by_client ON pauses (client_id);

        CREATE TABLE pause_steps (
            id TEXT PRIMARY KEY,
            pause_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            new_end TEXT NOT NULL,
            reason BLOB NOT NULL,
            taken_on TEXT NOT NULL,
            taken_by TEXT NOT NULL,
            taken_at TEXT NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX pause_steps_by_pause ON pause_steps (pause_id);

        CREATE TABLE escalations (
            id TEXT PRIMARY KEY,
            client_id TEXT NOT NULL,
            level TEXT NOT NULL,
            reason BLOB NOT NULL,
            tried BLOB NOT NULL,
            parties BLOB NOT NULL,
            raised_on TEXT NOT NULL,
            follow_up_on TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            bottleneck_tag TEXT NOT NULL,
            closed_on TEXT NOT NULL,
            outcome BLOB NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX escalations_by_client ON escalations (client_id);
        CREATE INDEX escalations_open ON escalations (closed_on, follow_up_on, deleted);
        """,

        // 14 (issue 14, tags): signals and Wmo advices carry an optional bottleneck tag; empty on every older row.
        """
        ALTER TABLE signals ADD COLUMN bottleneck_tag TEXT;
        ALTER TABLE indication_advices ADD COLUMN bottleneck_tag TEXT;
        """,

        // 15 (issue 14, patterns): a team leader's pattern steps, made offline and pushed like
        // any row. About no client, so plain text; the server sends every kept step back inside its pattern with the
        // reference data, so a row here only shows a step until then (or the server's reason for refusing it).
        $"""
        CREATE TABLE pattern_steps (
            id TEXT PRIMARY KEY,
            pattern_id TEXT NOT NULL,
            to_state TEXT NOT NULL,
            at TEXT NOT NULL,
            by TEXT NOT NULL,
            reason TEXT NOT NULL,
            fix_what TEXT NOT NULL,
            fix_who TEXT NOT NULL,
            fix_by TEXT NOT NULL,
            {SyncColumns}) STRICT;
        CREATE INDEX pattern_steps_by_pattern ON pattern_steps (pattern_id);
        """,

        // 16 (issue 15, sync speed): each row's share of the scope checksum as last counted, so a sync that
        // changes a few rows re-reads only those (dirty = 1) instead of opening every sealed value of the scope.
        // A null sum is a row that does not count (deleted, never taken by the server), kept only while dirty.
        """
        CREATE TABLE scope_rows (
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            sum INTEGER,
            dirty INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (table_name, row_id)) STRICT, WITHOUT ROWID;
        CREATE INDEX scope_rows_dirty ON scope_rows (dirty) WHERE dirty = 1;
        """,

        // 17 (Argon2id): the data key may be sealed under Argon2id, which the meta table's 'kdf' names. A program before
        // this step would read such a store as damaged; with it, that program refuses the store as one of a newer version.
        // Every store names its derivation from here on: one that names none was sealed under PBKDF2.
        """
        INSERT INTO meta (key, value) SELECT 'kdf', 'pbkdf2-sha256' WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'kdf');
        """,
    ];

    internal static int Latest => Steps.Count;

    public static int LatestVersion => Latest;
}
