using System.Data.Common;
using System.Text.Json;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer.Store.Sql;

public abstract partial class SqlSyncStore
{
    /// <summary>
    /// The store side of one push: what <see cref="MutationApplier"/> asks of a store, inside the open write transaction.
    ///
    /// A push costs a few statements, not a dozen per mutation (on PostgreSQL each is a round trip): the rows the batch
    /// names, with their clients and parents, are locked and read in one go before the first mutation (<see cref="Prefetch"/>),
    /// the caseload likewise, and the rows it writes wait in a buffer that goes out as one statement. Whatever
    /// reads or writes the store otherwise writes the buffer out first (<see cref="Flush"/>), so every statement sees the
    /// push's earlier writes and the rows keep their write order in the feed. What is cached stays true until commit:
    /// every cached row is locked, and every write of a row in a push goes through <see cref="WriteRow"/>.
    /// </summary>
    private sealed class PushScope(DbConnection db, DbTransaction tx, DeviceSession device, DateTimeOffset now, IReadOnlyList<string> teams, StampFormat stampFormat) : IPushTransaction
    {
        private const string ClientsTable = "clients";

        private readonly Dictionary<(string Table, Guid RowId), StoredRow?> _rows = [];
        private readonly Dictionary<Guid, bool> _inScope = [];
        private readonly Dictionary<Guid, bool> _onCaseload = [];

        private readonly List<BufferedRow> _buffer = [];
        private readonly HashSet<(string Table, Guid RowId)> _buffered = [];
        private readonly List<Guid> _assigned = [];
        private readonly Dictionary<Guid, (long Count, long Sum)> _sums = [];
        private readonly HashSet<Guid> _reviewSums = [];
        private readonly HashSet<Guid> _fundSums = [];

        private SqlDialect Dialect => SqlDialect.Of(db);

        public bool HasTeams => teams.Count > 0;

        /// <summary>The mutation being applied: a row it writes exactly as the device holds it afterwards need not go back (<see cref="AsPushed"/>).</summary>
        public Mutation? Applying { get; set; }

        /// <summary>The tag keys of the pattern-source rows this push wrote, as they were and as they are; a refused mutation's may stay (one needless re-detect).</summary>
        public HashSet<string> TouchedTags { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Locks and reads, in a few statements, every row the mutations name and the client and parent rows they point to,
        /// and which of those clients are on a caseload. Locks are taken in one order, so two pushes never wait on each other crosswise.
        /// </summary>
        public void Prefetch(IReadOnlyList<Mutation> mutations)
        {
            var keys = new HashSet<(string Table, Guid RowId)>();
            foreach (var m in mutations)
            {
                if (m.Table is null || SyncSchema.Find(m.Table) is not { } table || m.RowId == Guid.Empty)
                    continue;
                keys.Add((table.Name, m.RowId));
                if (table.ClientColumn is { } clientColumn && m.Columns?.GetValueOrDefault(clientColumn) is { } client && Guid.TryParse(client, out var clientId))
                    keys.Add((ClientsTable, clientId));
                if (table.ParentTable is { } parentTable && m.Columns?.GetValueOrDefault(table.ParentColumn!) is { } parent && Guid.TryParse(parent, out var parentId))
                    keys.Add((parentTable, parentId));
            }

            if (keys.Count == 0)
                return;
            var ordered = keys.OrderBy(k => k.Table, StringComparer.Ordinal).ThenBy(k => S(k.RowId), StringComparer.Ordinal).ToList();
            IReadOnlyList<(string Table, string RowId)> stored = [.. ordered.Select(k => (k.Table, S(k.RowId)))];
            Dialect.LockRows(db, tx, stored);
            foreach (var key in ordered)
                _rows[key] = null;
            // All keys in one statement, as the caseload below: each list goes as one parameter. In statements of 250 keys, a
            // first upload's pushes of about 1,000 rows read them in four round trips each (2,807 reads for 707 pushes).
            using (var cmd = Dialect.RowsByKey(db, tx, "rows.tbl, rows.row_id, rows.client_id, rows.version, rows.deleted, rows.columns, rows.column_versions, rows.updated_device, rows.updated_by", stored))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    var key = (reader.GetString(0), Guid.Parse(reader.GetString(1)));
                    try
                    {
                        _rows[key] = ReadRow(reader, 2);
                    }
                    catch (Exception e) when (e is JsonException or FormatException)
                    {
                        // An unreadable stored row is read again by the mutation that needs it, which is then refused alone.
                        _rows.Remove(key);
                    }
                }
            }

            var clients = ordered.Select(k => k.Table == ClientsTable ? k.RowId : _rows[k]?.ClientId).OfType<Guid>().Distinct().ToList();
            foreach (var client in clients)
                (_inScope[client], _onCaseload[client]) = (false, false);
            if (clients.Count == 0)
                return;
            var (inCaseload, parameters) = Dialect.In("client_id", "@c", [.. clients.Select(S)]);
            using var caseload = Command(db, tx, $"SELECT client_id, team_id FROM team_clients WHERE {inCaseload};", parameters);
            using var entries = caseload.ExecuteReader();
            while (entries.Read())
            {
                var client = Guid.Parse(entries.GetString(0));
                _onCaseload[client] = true;
                _inScope[client] |= teams.Contains(entries.GetString(1));
            }
        }

        /// <summary>The current mutation was rolled back to its savepoint: forget what it buffered and cached.</summary>
        public void Forget()
        {
            _rows.Clear();
            _inScope.Clear();
            _onCaseload.Clear();
            _buffer.Clear();
            _buffered.Clear();
            _assigned.Clear();
            _sums.Clear();
            _reviewSums.Clear();
            _fundSums.Clear();
        }

        /// <summary>Writes out what the push buffered: its rows in write order, caseload entries, and the sums they change.</summary>
        public void Flush()
        {
            WriteBufferedRows();
            if (_assigned.Count > 0 && teams.Count > 0)
            {
                Dialect.ExecItems(db, tx, item => $"INSERT INTO team_clients(team_id, client_id, assigned_at) SELECT {item.Text(0)}, {item.Text(1)}, @at {item.From} WHERE true ON CONFLICT DO NOTHING;",
                    [.. _assigned.SelectMany(c => teams.Select(t => new object?[] { t, S(c) }))], ("@at", Iso(now)));
            }

            _assigned.Clear();
            ScopeSums.Add(db, tx, _sums.Select(s => (s.Key, s.Value.Count, s.Value.Sum)));
            _sums.Clear();
            ScopeSums.RefreshReview(db, tx, _reviewSums);
            _reviewSums.Clear();
            ScopeSums.RefreshFund(db, tx, _fundSums);
            _fundSums.Clear();
        }

        public IReadOnlyList<Mandate> MandatesOfPusher() => MandatesOf(db, tx, device.WorkerId);

        public IReadOnlyList<string> TeamNamesOfPusher() => TeamNamesOf(db, tx, device.WorkerId);

        // The ledger a vote is judged on is read after this: lock the budget by the team's stored name (any spelling of it
        // meets the same lock), so a second instance's approval on another request waits and is then counted.
        public TeamBudget? BudgetOf(string team, int year)
        {
            Flush();
            var budget = BudgetsOf(db, tx, null).FirstOrDefault(b => b.IsOf(team, year));
            if (budget is not null)
                Dialect.LockKey(db, tx, $"budget/{budget.Team}/{budget.Year}");
            return budget;
        }

        public Fund Fund() => FundOf(db, tx);

        public FundBalance FundBalance(Fund fund)
        {
            Flush();
            Dialect.LockKey(db, tx, "fund");
            return FundBalanceOf(db, tx, fund);
        }

        public void FundChanged() => BumpReference(db, tx);

        public PauseSettings PauseSettings() => PauseSettingsOf(db, tx);

        public Pattern? PatternOf(Guid patternId) => PatternById(db, tx, patternId);

        public bool HasPatternStep(Guid stepId) => Scalar(db, tx, "SELECT 1 FROM pattern_steps WHERE id = @id;", ("@id", S(stepId))) is not null;

        public void RecordPatternStep(PatternStep step)
        {
            Flush();
            SqlSyncStore.RecordPatternStep(db, tx, step, device.DeviceId, now);
        }

        public IReadOnlyList<(Guid RowId, StoredRow Row)> LiveRowsWhere(string table, string column, string value)
        {
            Flush();
            return SqlSyncStore.LiveRowsWhere(db, tx, table, column, value);
        }

        // Every row a mutation writes is read here first: lock it, so a concurrent push waits and then reads what this one wrote.
        public StoredRow? LoadRow(string table, Guid rowId)
        {
            if (_rows.TryGetValue((table, rowId), out var known))
                return known;
            Dialect.LockRow(db, tx, table, S(rowId));
            return _rows[(table, rowId)] = SqlSyncStore.LoadRow(db, tx, table, rowId);
        }

        public bool InScope(Guid clientId)
        {
            if (_inScope.TryGetValue(clientId, out var known))
                return known;
            return _inScope[clientId] = teams.Count > 0 && Scalar(db, tx,
                $"SELECT 1 FROM team_clients WHERE client_id = @c AND team_id IN ({string.Join(',', teams.Select((_, i) => "@t" + i))});",
                [("@c", S(clientId)), .. teams.Select((t, i) => ("@t" + i, (object?)t))]) is not null;
        }

        public bool OnAnyCaseload(Guid clientId)
        {
            if (_onCaseload.TryGetValue(clientId, out var known))
                return known;
            return _onCaseload[clientId] = Scalar(db, tx, "SELECT 1 FROM team_clients WHERE client_id = @c;", ("@c", S(clientId))) is not null;
        }

        public string? OwnTeamHolding(Guid clientId)
        {
            Flush();
            return teams.Count == 0 ? null : Scalar(db, tx,
                $"SELECT t.name FROM teams t JOIN team_clients tc ON tc.team_id = t.id WHERE tc.client_id = @c AND t.id IN ({string.Join(',', teams.Select((_, i) => "@t" + i))}) ORDER BY t.name LIMIT 1;",
                [("@c", S(clientId)), .. teams.Select((t, i) => ("@t" + i, (object?)t))]) as string;
        }

        public void AssignToOwnTeams(Guid clientId)
        {
            if (teams.Count == 0)
                return;
            _assigned.Add(clientId);
            _inScope[clientId] = true;
            _onCaseload[clientId] = true;
        }

        public void WriteRow(string table, Guid rowId, Guid clientId, StoredRow? before, long version, bool deleted, IReadOnlyDictionary<string, string?> columns, IReadOnlyDictionary<string, ColumnStamp> stamps)
        {
            var wasLive = before is { Deleted: false };
            var checksum = ScopeChecksum.Of(table, rowId, version, columns);
            long countDelta = (deleted ? 0 : 1) - (wasLive ? 1 : 0);
            long sumDelta = (deleted ? 0L : checksum) - (wasLive ? ScopeChecksum.Of(table, rowId, before!.Version, before.Columns) : 0L);
            var row = new StoredRow(clientId, version, deleted, new Dictionary<string, string?>(columns, StringComparer.Ordinal),
                new Dictionary<string, ColumnStamp>(stamps, StringComparer.Ordinal), device.DeviceId, device.WorkerId);
            Buffer(table, rowId, before, row, checksum, countDelta, sumDelta, texts: null);
        }

        public void WriteNewRow(string table, Guid rowId, Guid clientId, NewRow row) =>
            Buffer(table, rowId, null, new StoredRow(clientId, 1, false, row.Columns, row.Stamps, device.DeviceId, device.WorkerId), row.Checksum, 1, row.Checksum,
                (row.ColumnsText, row.StampsText(stampFormat)));

        /// <param name="texts">The row's values and stamps as stored, when worked out already; written out from the row otherwise.</param>
        private void Buffer(string table, Guid rowId, StoredRow? before, StoredRow row, uint checksum, long countDelta, long sumDelta, (string Columns, string Stamps)? texts)
        {
            // One multi-row upsert cannot write a row twice.
            if (_buffered.Contains((table, rowId)))
                WriteBufferedRows();
            var (clientId, deleted, columns) = (row.ClientId, row.Deleted, row.Columns);
            AddSums(clientId, countDelta, sumDelta);
            _buffer.Add(new BufferedRow(table, rowId, row, checksum, AsPushed(table, rowId, before, row.Version, deleted, columns), texts, New: before is null));
            _buffered.Add((table, rowId));
            _rows[(table, rowId)] = row;
            if (!deleted)
                ProposeTag(db, tx, columns, device.WorkerId, now);
            if (PatternSources.Counts(table))
                TouchedTags.UnionWith(TrackTag(db, tx, table, rowId, before is not null, deleted ? null : columns));
            if (FundColumns.Tables.Contains(table))
                _fundSums.Add(clientId);
            if (!SyncSchema.ReviewTables.Contains(table))
                return;
            // An advice submitted for the first time brings its client and thread into the consultant's view:
            // new seqs, so a consultant whose anchor is past those rows still finds them in the feed.
            if (table == AdviceColumns.AdviceTable && !deleted && SyncSchema.WasSubmitted(columns) && !(before is not null && SyncSchema.WasSubmitted(before.Columns)))
            {
                Flush();
                foreach (var (tbl, entering) in ScopeSums.EnteringReview(db, tx, clientId, rowId))
                    Exec(db, tx, "UPDATE rows SET seq = @s WHERE tbl = @tbl AND row_id = @r;", ("@s", NextSeq(db, tx)), ("@tbl", tbl), ("@r", entering));
            }

            _reviewSums.Add(clientId);
        }

        public void RecordConflict(string table, Guid rowId, Guid clientId, string column, string? kept, string? other, Guid keptBy, Guid keptDevice)
        {
            Flush();
            var id = Guid.NewGuid();
            Exec(db, tx, """
                INSERT INTO conflicts(id, tbl, row_id, client_id, column_name, kept_value, other_value, kept_by, other_by, kept_device, other_device, at, resolved, version, checksum, seq)
                VALUES (@id, @t, @r, @c, @col, @kept, @other, @keptBy, @otherBy, @keptDev, @otherDev, @at, 0, 1, 0, @seq);
                """,
                ("@id", S(id)), ("@t", table), ("@r", S(rowId)), ("@c", S(clientId)), ("@col", column), ("@kept", kept), ("@other", other),
                ("@keptBy", S(keptBy)), ("@otherBy", S(device.WorkerId)), ("@keptDev", S(keptDevice)), ("@otherDev", S(device.DeviceId)),
                ("@at", Iso(now)), ("@seq", NextSeq(db, tx)));
            // The checksum is taken from the record as stored, the same text the pull sends.
            var sum = ScopeSums.OfConflict(db, tx, S(id));
            Exec(db, tx, "UPDATE conflicts SET checksum = @sum WHERE id = @id;", ("@sum", sum), ("@id", S(id)));
            AddSums(clientId, 1, sum);
        }

        public IReadOnlyList<(string Table, Guid RowId)> LiveRowsOf(Guid clientId)
        {
            Flush();
            return [.. Keys(db, tx, "SELECT tbl, row_id FROM rows WHERE client_id = @c AND deleted = 0 ORDER BY seq;", S(clientId)).Select(k => (k.Table, Guid.Parse(k.Id)))];
        }

        public void TouchRow(string table, Guid rowId)
        {
            Flush();
            Exec(db, tx, "UPDATE rows SET seq = @s WHERE tbl = @t AND row_id = @r;", ("@s", NextSeq(db, tx)), ("@t", table), ("@r", S(rowId)));
        }

        public StoredConflict? LoadConflict(Guid conflictId)
        {
            Flush();
            using var cmd = Command(db, tx, "SELECT client_id, version, resolved FROM conflicts WHERE id = @id;", ("@id", S(conflictId)));
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? new StoredConflict(Guid.Parse(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2) == 1) : null;
        }

        public void ResolveConflict(Guid conflictId, Guid clientId, long oldVersion, long newVersion)
        {
            Flush();
            var before = ScopeSums.OfConflict(db, tx, S(conflictId));
            Exec(db, tx, """
                UPDATE conflicts SET resolved = 1, resolved_at = @at, resolved_by = @by, resolved_device = @dev, version = @v, seq = @seq
                WHERE id = @id;
                """,
                ("@at", Iso(now)), ("@by", S(device.WorkerId)), ("@dev", S(device.DeviceId)), ("@v", newVersion),
                ("@seq", NextSeq(db, tx)), ("@id", S(conflictId)));
            var after = ScopeSums.OfConflict(db, tx, S(conflictId));
            Exec(db, tx, "UPDATE conflicts SET checksum = @sum WHERE id = @id;", ("@sum", after), ("@id", S(conflictId)));
            AddSums(clientId, 0, after - before);
        }

        /// <summary>
        /// Whether this write leaves the row as the pushing device holds it once it records the answer: the mutation's own row,
        /// at the version right after the one the device pushed on (the laptop takes the new version then, and only then), with
        /// exactly the stored values overlaid with the pushed ones. Anything else the server decided (a merge, a value it
        /// worked out, a tombstone) goes back to the device in the pull.
        /// </summary>
        private bool AsPushed(string table, Guid rowId, StoredRow? before, long version, bool deleted, IReadOnlyDictionary<string, string?> columns)
        {
            if (Applying is not { } m || deleted || m.Table != table || m.RowId != rowId || version != m.BaseVersion + 1
                || m.Operation is not (SyncProtocol.Operations.Insert or SyncProtocol.Operations.Update))
                return false;
            var pushed = m.Columns ?? new Dictionary<string, string?>();
            foreach (var (name, value) in columns)
            {
                string? held;
                if (pushed.TryGetValue(name, out var sent))
                    held = sent;
                else if (before is not null && before.Columns.TryGetValue(name, out var kept))
                    held = kept;
                else
                    return false;
                if (!string.Equals(held, value, StringComparison.Ordinal))
                    return false;
            }

            return pushed.Keys.All(columns.ContainsKey) && (before is null || before.Columns.Keys.All(columns.ContainsKey));
        }

        private void AddSums(Guid clientId, long count, long sum)
        {
            var (n, total) = _sums.GetValueOrDefault(clientId);
            // Kept below 2^32 as the stored sums are, so a push of any size cannot overflow.
            _sums[clientId] = (n + count, ScopeSums.Wrap(total + sum));
        }

        /// <summary>
        /// The buffered rows, each taking its place in the feed in the order it was written: the rows the store did not hold
        /// as one plain insert, the others as one upsert. A row is new only as read under its lock (<see cref="Prefetch"/>,
        /// <see cref="LoadRow"/>; on SQLite, in the one writer's transaction), so the insert meets no row of that key; were one
        /// there after all, the insert fails (on PostgreSQL the transaction then runs again, as for any unique violation),
        /// where an upsert would have written over a row this push never read. On PostgreSQL the upsert's check for a
        /// conflict before each insert cost about a third more for 100,000 rows inserted from a table (0.83-0.88 s against
        /// 0.59-0.64 s, three rounds each), and a first upload's row inserts, where the rows come as arrays, 7.6-8.0 s against
        /// 6.4-7.2 s (six uploads a run, two runs each, pg_stat_statements).
        /// </summary>
        private void WriteBufferedRows()
        {
            if (_buffer.Count == 0)
                return;
            // The places in the feed are taken here rather than in the statement, as a row written as pushed keeps its own
            // place beside it (pushed_seq): whatever moves the row later leaves pushed_seq behind, so the row goes to its
            // device again (see PullAudience).
            var seqs = Dialect.NextSeqs(db, tx, _buffer.Count);
            var (fresh, stored) = (new List<object?[]>(_buffer.Count), new List<object?[]>());
            for (var i = 0; i < _buffer.Count; i++)
            {
                var b = _buffer[i];
                (b.New ? fresh : stored).Add(
                [
                    b.Table, S(b.RowId), S(b.Row.ClientId), b.Row.Version, b.Row.Deleted ? 1 : 0,
                    b.Texts?.Columns ?? JsonSerializer.Serialize(b.Row.Columns, ServerJson.Default.IReadOnlyDictionaryStringString),
                    b.Texts?.Stamps ?? ColumnStampText.Write(b.Row.Stamps, stampFormat), (long)b.Checksum, seqs[i], b.AsPushed ? seqs[i] : null,
                ]);
            }

            (string, object)[] same = [("updated_at", Iso(now)), ("updated_by", S(device.WorkerId)), ("updated_device", S(device.DeviceId))];
            Dialect.InsertItems(db, tx, "rows", RowColumns, fresh, same);
            Dialect.InsertItems(db, tx, "rows", RowColumns, stored, same, onConflict: """
                ON CONFLICT(tbl, row_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, columns = excluded.columns,
                    column_versions = excluded.column_versions, checksum = excluded.checksum, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by, updated_device = excluded.updated_device, seq = excluded.seq, pushed_seq = excluded.pushed_seq
                """);
            _buffer.Clear();
            _buffered.Clear();
        }

        /// <summary>The columns of a buffered row as written, in the order of its values (the push's own beside them).</summary>
        private static readonly string[] RowColumns = ["tbl", "row_id", "client_id", "version", "deleted", "columns", "column_versions", "checksum", "seq", "pushed_seq"];

        /// <param name="New">The store held no row of this key when the push read it under its lock.</param>
        private sealed record BufferedRow(string Table, Guid RowId, StoredRow Row, uint Checksum, bool AsPushed, (string Columns, string Stamps)? Texts, bool New);
    }

    internal static StoredRow? LoadRow(DbConnection db, DbTransaction tx, string table, Guid rowId)
    {
        using var cmd = Command(db, tx, "SELECT client_id, version, deleted, columns, column_versions, updated_device, updated_by FROM rows WHERE tbl = @t AND row_id = @r;", ("@t", table), ("@r", S(rowId)));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadRow(reader, 0) : null;
    }

    /// <summary>A stored row from the reader's columns client_id, version, deleted, columns, column_versions, updated_device, updated_by from <paramref name="first"/> on.</summary>
    private static StoredRow ReadRow(DbDataReader reader, int first) => new(
        Guid.Parse(reader.GetString(first)), reader.GetInt64(first + 1), reader.GetInt64(first + 2) == 1,
        JsonSerializer.Deserialize(reader.GetString(first + 3), ProtocolJson.Default.DictionaryStringString)!,
        ColumnStampText.Read(reader.GetString(first + 4)),
        Guid.Parse(reader.GetString(first + 5)), Guid.Parse(reader.GetString(first + 6)));
}
