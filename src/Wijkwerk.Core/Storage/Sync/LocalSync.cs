using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>What one pulled page did: rows stored, rows removed with their client's scope exit, rows set aside as unreadable.</summary>
public sealed record PageApplied(int Applied, int Removed, int SetAside);

/// <summary>
/// The laptop side of sync: turns the outbox into mutations, records the server's answers, and applies
/// pulled pages. Every step is one transaction with the anchor or outbox change it implies, so a crash
/// between steps repeats work but never loses or doubles it.
/// </summary>
public sealed class LocalSync(LocalStore store)
{
    private const string ServerKey = "sync_server";
    private const string TokenKey = "sync_token";
    internal const string AnchorKey = "sync_anchor";
    private const string LastSyncKey = "sync_last";
    private const string AuditConfirmedKey = "sync_audit_confirmed";
    private const string DeletedColumn = "deleted";
    /// <summary>How this laptop's schema stores the synced tables' checksum columns.</summary>
    internal StoredForms Forms => store.Declared.Forms;

    public SyncSettings Settings()
    {
        var meta = new MetaTable(store, null);
        var server = meta.Get(ServerKey) as string;
        var anchor = meta.Get(AnchorKey) is string a ? long.Parse(a, CultureInfo.InvariantCulture) : 0;
        DateTimeOffset? last = meta.Get(LastSyncKey) is string l ? DateTimeOffset.Parse(l, CultureInfo.InvariantCulture) : null;
        return new SyncSettings(server is null ? null : new Uri(server), anchor, last);
    }

    public string? Token() =>
        new MetaTable(store, null).Get(TokenKey) is byte[] sealedToken ? store.Fields.Decrypt(sealedToken, "meta", TokenKey, store.StoreId) : null;

    /// <summary>
    /// From now on this laptop works as the worker the server named, with the device id and token it issued.
    /// Edits made before the store was ever enrolled belong to the person setting up the laptop and go with
    /// this enrolment, as do a worker's own edits when they enrol again. A store enrolled for another worker
    /// is refused while that worker's edits wait (they would reach the server under the wrong name); with
    /// nothing waiting, the earlier worker's rows and drafts go, so the new worker pulls their own scope.
    /// </summary>
    /// <exception cref="EnrolmentRefusedException">Another worker's edits wait; nothing was changed.</exception>
    public void Enrol(Uri server, EnrolResponse enrolment) => store.Write(scope =>
    {
        var meta = new MetaTable(store, scope.Transaction);
        if (meta.Get(ServerKey) is not null && meta.Get("worker_id") is string earlier && Guid.Parse(earlier) != enrolment.WorkerId)
            ForgetEarlierWorker(scope);
        meta.Set(ServerKey, server.ToString());
        meta.Set(TokenKey, store.Fields.Encrypt(enrolment.Token, "meta", TokenKey, store.StoreId));
        meta.Set("worker_id", enrolment.WorkerId.ToString());
        meta.Set("worker_name", store.Fields.Encrypt(enrolment.WorkerName, "meta", "worker_name", store.StoreId));
        meta.Set("role", RoleCodes.TryParse(enrolment.Role, out var role) ? role.Code() : Role.Nurse.Code());
        meta.Set("device_id", enrolment.DeviceId.ToString());
        AdviceRepository.RememberTeam(store, scope, enrolment.Teams.FirstOrDefault()?.Name ?? "");
        meta.Set(AnchorKey, "0");
        return 0;
    });

    private static void ForgetEarlierWorker(WriteScope scope)
    {
        using (var count = scope.Command("SELECT count(*) FROM outbox"))
        {
            var pending = (long)count.ExecuteScalar()!;
            if (pending > 0)
                throw new EnrolmentRefusedException(pending);
        }

        foreach (var table in DeclaredTypes.PulledTables.Reverse().Concat(["sync_refusals", "sync_set_aside", "scope_kept", "scope_rows", "drafts", "worker_names", "reference_data", "pattern_steps"]))
            Execute(scope, $"DELETE FROM {table}");
        Execute(scope, "DELETE FROM meta WHERE key = $last", ("$last", LastSyncKey));
        ScopeCache.Forget(scope);
    }

    /// <summary>The outbox folded per row, oldest first: one mutation carries every column changed since the last push.</summary>
    /// <param name="after">Only rows whose oldest pending entry comes after this outbox seq: the batch after one still on its way,
    /// which holds none of that batch's rows (each of those still has its older entries).</param>
    public IReadOnlyList<PendingMutation> Pending(int max, long after = 0) => store.Snapshot(() => ReadPending(max, after));

    private List<PendingMutation> ReadPending(int max, long after)
    {
        // The oldest rows with pending edits, then every entry of just those rows, in one query: the cost follows
        // the batch, not the size of the outbox. The rows are found walking the outbox in seq order and keeping each
        // row's first entry (an index probe), not by grouping the whole outbox, which a first upload of 100,000
        // rows did once for every batch.
        var folds = new List<OutboxFold>();
        // The rows of a batch were mostly written by the same few forms, so their entries name the same few column lists:
        // each list is read once a batch, not once an entry (with the bases an insert never sends no longer kept: the installed
        // program's first upload of 100,000 rows in 2.98 s of processor time against 3.47 s, medians of 5 interleaved rounds).
        var columnLists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using (var command = store.Command(
            "WITH picked AS (SELECT table_name, row_id, seq FROM outbox o WHERE o.seq > $after AND NOT EXISTS " +
            "(SELECT 1 FROM outbox e WHERE e.table_name = o.table_name AND e.row_id = o.row_id AND e.seq < o.seq) ORDER BY seq LIMIT $max) " +
            "SELECT p.table_name, p.row_id, e.seq, e.operation, e.columns, e.base_version FROM picked p " +
            "JOIN outbox e ON e.table_name = p.table_name AND e.row_id = p.row_id ORDER BY p.seq, e.seq"))
        {
            command.Parameters.AddWithValue("$max", max);
            command.Parameters.AddWithValue("$after", after);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (tableName, rowId) = (reader.GetString(0), reader.GetString(1));
                if (folds.Count == 0 || folds[^1].Table != tableName || folds[^1].RowId != rowId)
                    folds.Add(new OutboxFold(tableName, rowId));
                var columns = reader.GetString(4);
                if (!columnLists.TryGetValue(columns, out var touched))
                    columnLists[columns] = touched = JsonSerializer.Deserialize(columns, LocalJson.Default.StringArray) ?? [];
                folds[^1].Add(reader.GetInt64(2), reader.GetString(3), touched, reader.IsDBNull(5) ? null : reader.GetInt64(5));
            }
        }

        using var rows = new RowTexts(store);
        var pending = new List<PendingMutation>(folds.Count);
        foreach (var fold in folds)
        {
            var operation = fold.Operation;
            var (version, values) = rows.Read(fold.Table, fold.RowId, fold.Columns);
            // A row the server never took (its insert was refused) goes again whole, as an insert, once it is
            // edited: an update of a few columns would reach a server that has no such row.
            if (version == 0 && operation == SyncProtocol.Operations.Update)
            {
                operation = SyncProtocol.Operations.Insert;
                (version, values) = rows.Read(fold.Table, fold.RowId, store.Declared.Of(fold.Table).Keys);
            }

            var mutation = new Mutation(fold.Last, fold.Table, Guid.Parse(fold.RowId), operation, version,
                operation == SyncProtocol.Operations.Delete ? new Dictionary<string, string?>() : values)
            {
                ColumnBaseVersions = operation == SyncProtocol.Operations.Update ? fold.OlderBases(values.Keys, version) : null,
            };
            pending.Add(new PendingMutation(mutation, fold.First, fold.Last));
        }

        return pending;
    }

    /// <summary>
    /// Records the server's answer: the new version of accepted rows, the reason for refused ones; the outbox entries go.
    /// What every answer does (versions, outbox, refusals that no longer stand) is one prepared statement each, run for every row.
    /// </summary>
    public void Record(IReadOnlyList<PendingMutation> pushed, PushResponse response) => store.Write(scope =>
    {
        var results = response.Results.ToDictionary(r => r.MutationId);
        var tracking = ScopeCache.StartIfEmpty(store, scope);
        var countAsSent = tracking && !Exists(scope, "sync_set_aside");
        var refusalsStand = Exists(scope, "sync_refusals");
        var answered = new List<(string Table, string Id, long LastSeq)>(pushed.Count);
        var through = new List<(string Table, string Id)>();
        var versions = new Dictionary<string, List<(string Id, long Version)>>(StringComparer.Ordinal);
        var deletedOnServer = new List<(string Table, string Id, long Version)>();
        var taken = new List<(string Table, string Id, uint Sum)>();
        using var statements = new Statements(scope);
        foreach (var pending in pushed)
        {
            var m = pending.Mutation;
            var id = m.RowId.ToString();
            var result = results.GetValueOrDefault(m.MutationId);
            // Pushed rows hold local edits the scope figures have not seen, whatever the answer: a row the server took
            // whole as it was sent counts with the values sent, every other row is read again for the next figures.
            if (countAsSent && result is { Status: SyncProtocol.Results.Accepted } && result.Version == m.BaseVersion + 1 && SentWhole(m))
                taken.Add((m.Table, id, ScopeChecksum.Of(m.Table, m.RowId, result.Version, m.Columns)));
            else if (tracking)
                ScopeCache.MarkDirty(statements, m.Table, id);
            if (result is null)
                continue;
            answered.Add((m.Table, id, pending.LastSeq));
            if (result.Status == SyncProtocol.Results.Refused)
            {
                statements.Run("INSERT OR REPLACE INTO sync_refusals (mutation_id, table_name, row_id, reason, at) VALUES ($m, $t, $r, $why, $at)",
                    ("$m", m.MutationId), ("$t", m.Table), ("$r", id), ("$why", result.Reason ?? ""), ("$at", store.Now()));
                continue;
            }

            if (SyncSchema.Find(m.Table) is null)
                continue;
            // A row takes the server's new version only when that version is this push on top of the one the
            // laptop holds (versions count writes): then it holds the server's values. Otherwise, after a
            // conflict or a merge over another device's change, it keeps the version its values were made
            // on until the pull brings the server's row, so an edit typed before then is judged against what
            // the worker saw, not against a version whose values it never had.
            if (result.Status == SyncProtocol.Results.Accepted && result.Version == m.BaseVersion + 1)
            {
                if (!versions.TryGetValue(m.Table, out var rows))
                    versions[m.Table] = rows = [];
                rows.Add((id, result.Version));
            }

            // The row went through after all (fixed and pushed again): its earlier refusals no longer stand.
            if (refusalsStand)
                through.Add((m.Table, id));
            if (result.Status == SyncProtocol.Results.Conflict && result.ConflictColumns.Contains(DeletedColumn))
                deletedOnServer.Add((m.Table, id, result.Version));
        }

        foreach (var (table, rows) in versions)
        {
            using var update = new RowStatement(scope, $"UPDATE {table} SET version = $version WHERE id = $id", "$id", "$version");
            foreach (var (id, version) in rows)
                update.Run(id, version);
        }

        if (through.Count > 0)
        {
            using var stands = new RowStatement(scope, "DELETE FROM sync_refusals WHERE table_name = $t AND row_id = $r", "$t", "$r");
            foreach (var (table, id) in through)
                stands.Run(table, id);
        }

        if (answered.Count > 0)
        {
            using var sent = new RowStatement(scope, "DELETE FROM outbox WHERE table_name = $t AND row_id = $r AND seq <= $seq", "$t", "$r", "$seq");
            foreach (var (table, id, lastSeq) in answered)
                sent.Run(table, id, lastSeq);
        }

        CountAsSent(scope, statements, taken);

        // After the outbox is cleared: an edit made since the push was read is what keeps the tombstone's row.
        foreach (var (table, id, version) in deletedOnServer)
            DeletedOnServer(scope, statements, table, id, version);
        return 0;
    });

    /// <summary>A mutation that carries every synced column of its row: what the server took from it is the whole row.</summary>
    private static bool SentWhole(Mutation m) =>
        m.Operation != SyncProtocol.Operations.Delete && SyncSchema.Find(m.Table) is not null && SyncSchema.ColumnsOf(m.Table).All(m.Columns.ContainsKey);

    /// <summary>
    /// Counts the rows the server took whole as sent with the values sent, as a pull counts the rows it writes whole: after
    /// a first upload, re-reading them opened every sealed value of 100,000 rows just sent (about 2 s of a 12-16 s upload,
    /// all of it after the last push). A row edited again since its values were read still has outbox entries, holds other values, and is read again instead.
    /// </summary>
    private void CountAsSent(WriteScope scope, Statements statements, List<(string Table, string Id, uint Sum)> taken)
    {
        if (taken.Count == 0)
            return;
        using var editedSince = new RowStatement(scope, "SELECT 1 FROM outbox WHERE table_name = $t AND row_id = $r LIMIT 1", "$t", "$r");
        using var counter = new ScopeCounter(scope);
        foreach (var (table, id, sum) in taken)
        {
            if (editedSince.Answers(table, id))
                ScopeCache.MarkDirty(statements, table, id);
            else
                counter.Count(table, id, sum);
        }

        counter.Finish(store, scope);
    }

    /// <summary>
    /// Applies one pulled page and moves the anchor past it, in one transaction. A row this laptop cannot
    /// store is set aside (rolled back to its own savepoint) and the rest of the page goes on.
    /// </summary>
    public PageApplied Apply(PullResponse page) => Apply(page, null);

    /// <param name="seals">The page's secret values sealed ahead (<see cref="PageSealer"/>); what they lack is sealed here.</param>
    internal PageApplied Apply(PullResponse page, PageSeals? seals)
    {
        if (page.Changes.Count == 0 && page.NextAnchor == Settings().Anchor && page.Workers is not { Count: > 0 } && page.Reference is null)
            return new PageApplied(0, 0, 0);
        return store.Write(scope =>
        {
            if (page.Workers is { Count: > 0 } workers)
                WorkerNameRepository.Remember(store, scope, workers);
            if (page.Reference is { } reference)
                ReferenceDataRepository.Remember(scope, reference);
            int applied = 0, removed = 0, setAside = 0;
            var pendingRows = PendingRows(scope);
            var anySetAside = Exists(scope, "sync_set_aside");
            var tracking = ScopeCache.StartIfEmpty(store, scope);
            // A standing refusal may count a row with the server's checksum instead of its values: such pages re-read.
            var countOnWrite = tracking && !Exists(scope, "sync_refusals");
            using var counter = new ScopeCounter(scope);
            using var writer = new PulledRowWriter(store, scope);
            using var statements = new Statements(scope);
            for (var index = 0; index < page.Changes.Count; index++)
            {
                var change = page.Changes[index];
                if (!DeclaredTypes.PulledTables.Contains(change.Table))
                    continue;
                var pending = pendingRows.Contains((change.Table, change.RowId));
                // The id's text only where a row is not simply written whole and counted: a first sync writes 100,000 that way.
                string Id() => change.RowId.ToString();
                if (tracking && (change.Removed || change.Deleted || pending))
                    ScopeCache.MarkDirty(statements, change.Table, Id());
                if (change.Removed && change.Table == ClientRows.Table)
                {
                    LeaveScope(scope, statements, Id(), tracking);
                    removed++;
                    continue;
                }

                var pendingEdit = pending && !PendingDelete(scope, change.Table, Id());
                if (change.Deleted && !change.Removed && pendingEdit)
                {
                    // An edit still waiting to be pushed: the row becomes a tombstone, and the edit still
                    // goes, so the server keeps it as a conflict record, as if it had been pushed first.
                    statements.Run($"UPDATE {change.Table} SET deleted = 1, version = $v WHERE id = $id", ("$v", change.Version), ("$id", Id()));
                    applied++;
                    continue;
                }

                if (change.Removed || change.Deleted)
                {
                    statements.Run($"DELETE FROM {change.Table} WHERE id = $id", ("$id", Id()));
                    if (pending)
                        statements.Run("DELETE FROM outbox WHERE table_name = $t AND row_id = $id", ("$t", change.Table), ("$id", Id()));
                    removed += change.Removed ? 1 : 0;
                    applied += change.Deleted && !change.Removed ? 1 : 0;
                    continue;
                }

                var stored = StoreOrSetAside(store, statements, writer, change, pending ? PendingColumns(scope, change.Table, Id()) : [], anySetAside, seals?.Of(index));
                // A later version of this row in the same page must clear the copy set aside, or it would count in its place.
                anySetAside |= !stored;
                applied += stored ? 1 : 0;
                setAside += stored ? 0 : 1;
                if (!tracking || pending)
                    continue;
                if (stored && countOnWrite && (seals?.SumOf(index) ?? Forms.Sum(change)) is { } sum)
                    counter.Count(change.Table, change.RowId, sum);
                else
                    ScopeCache.MarkDirty(statements, change.Table, Id());
            }

            counter.Finish(store, scope);
            var meta = new MetaTable(store, scope.Transaction);
            meta.Set(AnchorKey, page.NextAnchor.ToString(CultureInfo.InvariantCulture));
            return new PageApplied(applied, removed, setAside);
        });
    }

    /// <summary>Pulled rows set aside because this laptop could not store them; they stay until a readable version arrives.</summary>
    public IReadOnlyList<(string Table, string RowId, long Seq, string Reason)> SetAside()
    {
        using var command = store.Command("SELECT table_name, row_id, seq, reason FROM sync_set_aside ORDER BY seq");
        using var reader = command.ExecuteReader();
        var list = new List<(string, string, long, string)>();
        while (reader.Read())
            list.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        return list;
    }

    /// <summary>
    /// One pulled row, or, when this laptop cannot store it, noted in <c>sync_set_aside</c> with the server's checksum,
    /// which the scope counts in its place until a readable version arrives. The row is one statement: a value this
    /// laptop cannot read fails before it runs, and a constraint failure undoes that statement alone (SQLite's ABORT),
    /// so no savepoint is needed around it. <paramref name="anySetAside"/> false (nothing set aside when the page began)
    /// spares the clearing of an earlier set-aside copy, one statement a row on a first sync.
    /// </summary>
    internal static bool StoreOrSetAside(LocalStore store, Statements statements, PulledRowWriter writer, RowChange change, IReadOnlySet<string> pendingColumns, bool anySetAside = true, byte[]?[]? sealedAhead = null)
    {
        try
        {
            writer.Write(change, pendingColumns, sealedAhead);
            if (anySetAside)
                statements.Run("DELETE FROM sync_set_aside WHERE table_name = $t AND row_id = $r", ("$t", change.Table), ("$r", change.RowId.ToString()));
            return true;
        }
        catch (Exception e) when (UnstorableReason(e) is { } reason)
        {
            statements.Run("INSERT OR REPLACE INTO sync_set_aside (table_name, row_id, seq, reason, at, checksum) VALUES ($t, $r, $s, $why, $at, $sum)",
                ("$t", change.Table), ("$r", change.RowId.ToString()), ("$s", change.Seq), ("$why", reason), ("$at", store.Now()),
                ("$sum", (long)ScopeChecksum.Of(change.Table, change.RowId, change.Version, change.Columns)));
            return false;
        }
    }

    /// <summary>Whether a bookkeeping table holds any row; most of the time it holds none, and a statement per row to clear it can go.</summary>
    private static bool Exists(WriteScope scope, string table)
    {
        using var command = scope.Command($"SELECT EXISTS (SELECT 1 FROM {table})");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Why a pulled row does not fit this laptop's tables, in words that name columns, never values.</summary>
    private static string? UnstorableReason(Exception e) => e switch
    {
        // SQLITE_CONSTRAINT (a required column missing, a value of the wrong type): SQLite names the column only.
        SqliteException { SqliteErrorCode: 19 } sqlite => "De rij past niet in de tabel op deze laptop: " + sqlite.Message,
        UnreadableValueException unreadable => unreadable.Message,
        _ => null,
    };

    /// <summary>
    /// The client left this laptop's scope: everything about them goes, also what the server never took
    /// (offline-made rows, refused or still waiting), with its outbox entries, refusals, conflicts and drafts.
    /// </summary>
    private static void LeaveScope(WriteScope scope, Statements statements, string clientId, bool tracking)
    {
        var rows = new List<(string Table, string Id)> { (ClientRows.Table, clientId) };
        foreach (var table in SyncSchema.Tables)
        {
            var filter = table.ClientColumn is { } column ? $"{column} = $c"
                : table.ParentTable is { } parent && SyncSchema.Find(parent)?.ClientColumn is { } parentClient
                    ? $"{table.ParentColumn} IN (SELECT id FROM {parent} WHERE {parentClient} = $c)"
                    : null;
            if (filter is null)
                continue;
            using var command = scope.Command($"SELECT id FROM {table.Name} WHERE {filter}");
            command.Parameters.AddWithValue("$c", clientId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add((table.Name, reader.GetString(0)));
        }

        using (var command = scope.Command("SELECT id FROM conflicts WHERE client_id = $c"))
        {
            command.Parameters.AddWithValue("$c", clientId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add(("conflicts", reader.GetString(0)));
        }

        foreach (var (table, id) in rows)
        {
            if (tracking)
                ScopeCache.MarkDirty(statements, table, id);
            statements.Run($"DELETE FROM {table} WHERE id = $id", ("$id", id));
            statements.Run("DELETE FROM outbox WHERE table_name = $t AND row_id = $id", ("$t", table), ("$id", id));
            statements.Run("DELETE FROM sync_refusals WHERE table_name = $t AND row_id = $id", ("$t", table), ("$id", id));
            statements.Run("DELETE FROM sync_set_aside WHERE table_name = $t AND row_id = $id", ("$t", table), ("$id", id));
            // A draft is keyed by the form's kind and the id of the record it is about (the client, an advice).
            statements.Run("DELETE FROM drafts WHERE key LIKE '%:' || $id", ("$id", id));
        }
    }

    /// <summary>The server says the row is deleted and kept the pushed edit as a conflict record: the tombstone stands here too.</summary>
    private static void DeletedOnServer(WriteScope scope, Statements statements, string table, string id, long version)
    {
        if (!HasOutbox(scope, table, id, "1"))
            statements.Run($"DELETE FROM {table} WHERE id = $id", ("$id", id));
        else
            statements.Run($"UPDATE {table} SET deleted = 1, version = $v WHERE id = $id", ("$v", version), ("$id", id));
    }

    /// <summary>The fingerprint of the colleagues' names this laptop holds, for the pull to say (<see cref="WorkerNames"/>).</summary>
    public string? NamesHeld() => WorkerNameRepository.Held(store);

    /// <summary>The highest audit seq the server confirmed holding for this device.</summary>
    public long AuditConfirmed() =>
        new MetaTable(store, null).Get(AuditConfirmedKey) is string text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// The oldest audit events the server has not confirmed, at most <paramref name="max"/>. Only events
    /// written as the enrolled device and worker travel: the server accepts a device's own log only, and
    /// events from before enrolment (another local identity) stay in the local log.
    /// </summary>
    /// <param name="after">Only events after this seq (the batch after one still on its way); by default, after what the server confirmed.</param>
    public IReadOnlyList<AuditRecord> PendingAudit(int max, long? after = null)
    {
        var meta = new MetaTable(store, null);
        var (device, worker) = (meta.Get("device_id") as string ?? "", meta.Get("worker_id") as string ?? "");
        // The device and worker are the ones asked for: read once, not from every event (a first upload sends 100,000).
        using var command = store.Command(
            "SELECT seq, event_type, at, client_id, role, outcome, detail FROM audit_events " +
            "WHERE seq > $after AND device_id = $d AND worker_id = $w ORDER BY seq LIMIT $max");
        command.Parameters.AddWithValue("$after", after ?? AuditConfirmed());
        command.Parameters.AddWithValue("$d", device);
        command.Parameters.AddWithValue("$w", worker);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var events = new List<AuditRecord>();
        (Guid Device, Guid Worker)? ids = null;
        while (reader.Read())
        {
            // At the first event: a store never enrolled names no device or worker, and has no events to send.
            ids ??= (Guid.Parse(device), Guid.Parse(worker));
            events.Add(new AuditRecord(
                reader.GetInt64(0), reader.GetString(1), InstantText.Read(reader.GetString(2)),
                reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)), ids.Value.Worker, reader.GetString(4),
                ids.Value.Device, reader.GetString(5), reader.GetString(6)));
        }

        return events;
    }

    /// <summary>Remembers what the server confirmed; never moves back.</summary>
    public void ConfirmAudit(long highest)
    {
        if (highest > AuditConfirmed())
            new MetaTable(store, null).Set(AuditConfirmedKey, highest.ToString(CultureInfo.InvariantCulture));
    }

    public void MarkSynced() => new MetaTable(store, null).Set(LastSyncKey, store.Now());

    /// <summary>
    /// The scope figures for a sync. Opening every sealed value costs about 10 µs a row, so a sync re-reads
    /// only the rows it touched (<see cref="ScopeCache"/>) and counts every row once a day, or when
    /// <paramref name="full"/> asks for it (after a repair).
    /// </summary>
    public (long Count, uint Checksum) Scope(bool full) =>
        !full && ScopeCache.Current(store, FullCheckInterval) is { } current ? current : ScopeCache.Recount(store);

    /// <summary>How long scope figures kept current row by row are trusted before every row is read again.</summary>
    public static TimeSpan FullCheckInterval { get; } = TimeSpan.FromDays(1);

    /// <summary>Count and additive checksum of what this laptop holds from the server, by value, counted row by row.</summary>
    public (long Count, uint Checksum) Scope() => new LocalScope(store).Totals();

    /// <summary>Refusals the worker has not yet seen resolved: what the server would not take, and why.</summary>
    public IReadOnlyList<(long MutationId, string Table, string RowId, string Reason)> Refusals()
    {
        using var command = store.Command("SELECT mutation_id, table_name, row_id, reason FROM sync_refusals ORDER BY mutation_id");
        using var reader = command.ExecuteReader();
        var list = new List<(long, string, string, string)>();
        while (reader.Read())
            list.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return list;
    }

    /// <summary>Why the server last refused this row, if it still stands.</summary>
    public string? RefusalOf(string table, Guid rowId)
    {
        using var command = store.Command("SELECT reason FROM sync_refusals WHERE table_name = $t AND row_id = $r ORDER BY mutation_id DESC LIMIT 1");
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$r", rowId.ToString());
        return command.ExecuteScalar() as string;
    }

    private static bool PendingDelete(WriteScope scope, string table, string id) =>
        HasOutbox(scope, table, id, $"operation = '{OutboxOperations.Delete}'");

    private static bool HasOutbox(WriteScope scope, string table, string id, string condition)
    {
        using var command = scope.Command($"SELECT 1 FROM outbox WHERE table_name = $t AND row_id = $r AND {condition} LIMIT 1");
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$r", id);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>The rows with edits still waiting to be pushed, by table and id.</summary>
    internal static HashSet<(string Table, Guid Id)> PendingRows(WriteScope scope)
    {
        using var command = scope.Command("SELECT DISTINCT table_name, row_id FROM outbox");
        using var reader = command.ExecuteReader();
        var rows = new HashSet<(string, Guid)>();
        // A pulled row's id is a Guid's own text; an entry with any other id (a stray tool's) is left out, as it was never that
        // text, and the statements that find a pending row's entries look for that text.
        while (reader.Read())
        {
            var text = reader.GetString(1);
            if (Guid.TryParse(text, out var id) && id.ToString() == text)
                rows.Add((reader.GetString(0), id));
        }

        return rows;
    }

    private static HashSet<string> PendingColumns(WriteScope scope, string table, string id)
    {
        using var command = scope.Command("SELECT columns FROM outbox WHERE table_name = $t AND row_id = $id");
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>();
        while (reader.Read())
            columns.UnionWith(JsonSerializer.Deserialize(reader.GetString(0), LocalJson.Default.StringArray) ?? []);
        return columns;
    }

    internal static void Execute(WriteScope scope, string sql, params (string Name, object Value)[] args)
    {
        using var command = scope.Command(sql);
        foreach (var (name, value) in args)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
