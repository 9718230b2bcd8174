using System.Data;
using System.Data.Common;
using System.Globalization;
using Npgsql;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Postgres;

/// <summary>
/// PostgreSQL with several writers (server instances) at once. A change number taken inside a transaction is not
/// commit order, so every change row also records its transaction id (<c>xid</c>: the column's default, and set again by
/// a trigger whenever a write takes a new seq) and a pull serves only transactions below <c>pg_snapshot_xmin</c> of its
/// snapshot: each of those has committed or never will, so no later commit can land below the anchor. A pull's anchor
/// is an xid and its page holds whole transactions. A transaction left open elsewhere holds the horizon, and so every
/// pull, back until it ends: changes are delayed, never skipped.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    // Any lock key of ours: the two 32-bit halves keep migrations apart from the row locks (hashtextextended is 64-bit).
    internal const long MigrationLock = 0x5769_6A6B_7765_726BL;

    public override bool OneWriter => false;

    // READ COMMITTED plus explicit row locks (LockRow): each statement sees what committed before it, after the lock.
    public override DbTransaction BeginWrite(DbConnection db) => ((NpgsqlConnection)db).BeginTransaction(IsolationLevel.ReadCommitted);

    public override DbTransaction BeginRead(DbConnection db) => ((NpgsqlConnection)db).BeginTransaction(IsolationLevel.RepeatableRead);

    public override void PrepareStore(DbConnection db)
    {
    }

    public override void LockMigrations(DbConnection db, DbTransaction tx) =>
        SqlSyncStore.Exec(db, tx, "SELECT pg_advisory_xact_lock(@k);", ("@k", MigrationLock));

    public override IReadOnlyList<(int Number, string Sql)> Migrations => PostgresMigrations.Steps;

    public override IReadOnlyDictionary<int, Action<DbConnection, DbTransaction>> MigrationCode { get; } = new Dictionary<int, Action<DbConnection, DbTransaction>>();

    public override long NextSeq(DbConnection db, DbTransaction tx) => (long)SqlSyncStore.Scalar(db, tx, "SELECT nextval('feed_seq');")!;

    // Other transactions take places from the same sequence meanwhile: these need not be consecutive.
    public override long[] NextSeqs(DbConnection db, DbTransaction tx, int count)
    {
        using var cmd = SqlSyncStore.Command(db, tx, "SELECT nextval('feed_seq') FROM generate_series(1, @n) ORDER BY 1;", ("@n", count));
        using var reader = cmd.ExecuteReader();
        var seqs = new long[count];
        for (var i = 0; i < count && reader.Read(); i++)
            seqs[i] = reader.GetInt64(0);
        return seqs;
    }

    public override string FeedGroup => "xid";

    public override string FeedHorizonSql =>
        "SELECT pg_snapshot_xmin(s)::text::bigint + feed_offset(), pg_snapshot_xmax(s)::text::bigint + feed_offset() FROM pg_current_snapshot() AS s;";

    public override void SettleRestore(DbConnection db, DbTransaction tx) => FeedOrigin.Settle(db, tx);

    // A pull logged as a batch counts as an entry for each of its clients, as the rows of 'transfers' (an older release's) each do.
    public override string TransferEntries => """
        (SELECT device_id, worker_id, client_id, row_count, at FROM transfers
         UNION ALL
         SELECT b.device_id, b.worker_id, e.client_id, e.row_count, b.at
         FROM transfer_batches b CROSS JOIN LATERAL unnest(b.client_ids, b.row_counts) AS e(client_id, row_count)) AS transfer_entries
        """;

    // The batches' clients are found by their GIN index; the client's count is at its place in the batch.
    public override string TransfersOfClient => """
        SELECT at, worker_id, device_id, row_count FROM transfers WHERE client_id = @c
        UNION ALL
        SELECT at, worker_id, device_id, row_counts[array_position(client_ids, @c::text)]
        FROM transfer_batches WHERE client_ids @> ARRAY[@c::text]
        """;

    public override int PurgeTransfers(DbConnection db, DbTransaction tx, string before) =>
        Convert.ToInt32(SqlSyncStore.Scalar(db, tx, """
            WITH gone AS (DELETE FROM transfer_batches WHERE at < @b RETURNING cardinality(client_ids) AS entries)
            SELECT coalesce(sum(entries), 0) FROM gone;
            """, ("@b", before)), CultureInfo.InvariantCulture) + base.PurgeTransfers(db, tx, before);

    // Each pull as one row of 'transfer_batches', all in one statement. A pull's clients and counts go as one text each,
    // joined by commas (ids and counts hold none): PostgreSQL's arrays are rectangular, so lists of different lengths
    // cannot be sent as an array of arrays.
    public override void LogTransfers(DbConnection db, DbTransaction tx, IReadOnlyList<PullTransfer> pulls) =>
        SqlSyncStore.Exec(db, tx, """
            INSERT INTO transfer_batches(device_id, worker_id, at, client_ids, row_counts)
            SELECT d, w, a, string_to_array(c, ','), string_to_array(n, ',')::bigint[]
            FROM unnest(@d, @w, @a, @c, @n) AS b(d, w, a, c, n);
            """,
            ("@d", pulls.Select(p => p.Device).ToArray()), ("@w", pulls.Select(p => p.Worker).ToArray()), ("@a", pulls.Select(p => p.At).ToArray()),
            ("@c", pulls.Select(p => string.Join(',', p.Delivered.Select(d => d.Client))).ToArray()),
            ("@n", pulls.Select(p => string.Join(',', p.Delivered.Select(d => d.Count.ToString(CultureInfo.InvariantCulture)))).ToArray()));

    // A subquery PostgreSQL may not turn into a join (OFFSET 0): each row of the feed, walked in order from the anchor, is
    // looked up in the caseload's index, whatever the statistics say. As a join, statistics that lag a table just filled
    // led it astray twice: reading every row of every client in scope through the client index and sorting them for every
    // page (33 s of a first upload's pull back, 2.5 s walking), and, in a plan the driver had prepared for any anchor,
    // holding the caseload in memory (guessed at 27 clients, 5,000 in fact) and comparing each row of a page with each of
    // them: up to 0.8 s a page, a first sync of 100,000 rows in 16-20 s instead of about 4 (seen with rows stored at half
    // their size). Looked up row by row, a page of 2,000 rows took 6.2 ms against 6.1-6.5 ms as a join planned well.
    public override string FeedInScope(string table, string scope) =>
        $"EXISTS (SELECT 1 FROM ({scope}) AS in_scope WHERE in_scope.client_id = {table}.client_id OFFSET 0)";

    // The text's UTF-8 bytes whatever the database's encoding (in a UTF-8 database, a copy of the bytes as they are), sent
    // over as they are: bytea comes in binary.
    public override string Utf8(string column) => $"convert_to({column}, 'UTF8')";

    // The feed's statistics lag a table just filled until autovacuum analyses it (a minute or more after it wakes), and
    // without them the planner took the rows after an anchor for a few: it read all of them through a bitmap and sorted
    // them for every page (100,000 rows a page, 0.3-0.6 s; a first sync of 100,000 rows in 6.7-8.0 s instead of 4.2-5.3,
    // just after the upload that filled the table). With bitmap and sequential scans priced out for the feed's statements
    // alone (within the pull's transaction), the walk of the feed's index in order is the cheapest plan left (any other
    // index would need every row in range read and sorted), and it stops after a page. Pricing out adds a cost so large
    // that PostgreSQL would compile any such plan to machine code first (0.3-0.4 s a statement, seen with sorts priced out
    // too): JIT goes off with them.
    public override string FeedPlanBegin => "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; SET LOCAL jit = off;\n";

    public override string FeedPlanEnd => "\nRESET enable_bitmapscan; RESET enable_seqscan; RESET jit;";

    // The advisory lock covers a row that does not exist yet (two first writes of one row); FOR UPDATE the stored one.
    public override void LockRow(DbConnection db, DbTransaction tx, string table, string rowId) =>
        SqlSyncStore.Exec(db, tx, """
            SELECT pg_advisory_xact_lock(hashtextextended(@t || '/' || @r, 0));
            SELECT 1 FROM rows WHERE tbl = @t AND row_id = @r FOR UPDATE;
            """, ("@t", table), ("@r", rowId));

    // Seed 1 keeps these keys apart from the row locks' (seed 0). Each statement after the wait sees what the previous
    // holder committed (READ COMMITTED), so the check that follows counts it.
    public override void LockKeys(DbConnection db, DbTransaction tx, IReadOnlyList<string> keys)
    {
        if (keys.Count > 0)
            SqlSyncStore.Exec(db, tx, "SELECT pg_advisory_xact_lock(hashtextextended(k, 1)) FROM unnest(@keys) AS k;", ("@keys", keys.ToArray()));
    }

    public override void LockRows(DbConnection db, DbTransaction tx, IReadOnlyList<(string Table, string RowId)> rows) =>
        SqlSyncStore.Exec(db, tx, "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(@keys) AS k;",
            ("@keys", rows.Select(r => r.Table + "/" + r.RowId).ToArray()));

    // One statement for all the keys, as two arrays: each key in turn looked up and locked (a subquery that locks is never
    // made a join, so its plan stays a lookup by the primary key a key, in the keys' order, whatever the statistics). A
    // statement a key, even prepared, cost a bind and an execute each in PostgreSQL and in the driver: 500 a push of a first
    // upload (its PostgreSQL processor time 5.5 s before, 4.1-4.7 after, two runs each interleaved, 100,000 rows).
    public override DbCommand RowsByKey(DbConnection db, DbTransaction tx, string columns, IReadOnlyList<(string Table, string RowId)> keys) =>
        SqlSyncStore.Command(db, tx, $"""
            SELECT {columns} FROM unnest(@tables, @ids) AS k(tbl, row_id)
            CROSS JOIN LATERAL (SELECT * FROM rows WHERE rows.tbl = k.tbl AND rows.row_id = k.row_id FOR UPDATE) AS rows;
            """,
            ("@tables", keys.Select(k => k.Table).ToArray()), ("@ids", keys.Select(k => k.RowId).ToArray()));

    // One array parameter: a list of parameters made a statement of its own for every length of the list.
    public override (string Sql, (string Name, object? Value)[] Parameters) In(string column, string name, IReadOnlyList<string> values) =>
        ($"{column} = ANY({name})", [(name, values.ToArray())]);

    // The items as typed arrays, one a value place (bigint where every value is a whole number or null, else text), read
    // by unnest: Npgsql sends them in PostgreSQL's binary form. One JSON parameter instead, which every statement parsed
    // and took apart value by value (j.value->>n), cost PostgreSQL 19-24 µs a row in a first upload's insert of its rows
    // (15-17 µs as arrays, two runs each, interleaved; 10 for the same rows inserted from a table; pg_stat_statements,
    // 100,000 rows), and the server the building of that JSON text.
    public override int ExecItems(DbConnection db, DbTransaction tx, Func<ItemValues, string> sql, IReadOnlyList<object?[]> items, params (string Name, object? Value)[] parameters)
    {
        if (items.Count == 0)
            return 0;
        // Every item of one statement has the same places (the statement reads each of them).
        var places = Enumerable.Range(0, items[0].Length).ToArray();
        var arrays = places.Select(place => ItemArray(items, place)).ToArray();
        bool IsInteger(int place) => arrays[place] is long?[];
        var values = ItemValues.Rows(
            place => IsInteger(place) ? $"CAST(j.c{place} AS text)" : $"j.c{place}",
            place => IsInteger(place) ? $"j.c{place}" : $"CAST(j.c{place} AS BIGINT)",
            $"FROM unnest({string.Join(", ", places.Select(place => "@items" + place))}) WITH ORDINALITY AS j({string.Join(", ", places.Select(place => "c" + place))}, key)");
        return SqlSyncStore.Exec(db, tx, sql(values), [.. parameters, .. arrays.Select((array, place) => ("@items" + place, (object?)array))]);
    }

    // One statement for all groups: the items' values and each item's group as arrays, joined to the groups' values by the
    // group's place. The transfer log's one statement before sent each pull's device, worker and time with every client it
    // delivered, and the server made a text of each for every one: in bursts of 200 pulls of one team its insert took
    // PostgreSQL 5.0-7.9 µs a row over six runs, 4.6-4.9 µs in three so (pg_stat_statements, which counts waits for the
    // processor too).
    public override void InsertGroups(DbConnection db, DbTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<string> sharedColumns,
        IReadOnlyList<(object[] Shared, IReadOnlyList<object?[]> Items)> groups)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        if (sharedColumns.Count == 0)
        {
            base.InsertGroups(db, tx, table, columns, sharedColumns, groups);
            return;
        }

        if (groups.All(g => g.Items.Count == 0))
            return;
        var items = Enumerable.Range(0, columns.Count).Select(place => ItemArray(groups.SelectMany(g => g.Items.Select(item => item[place])))).ToArray();
        var groupOf = groups.SelectMany((g, n) => Enumerable.Repeat((long)n + 1, g.Items.Count)).ToArray();
        var shared = Enumerable.Range(0, sharedColumns.Count).Select(place => ItemArray(groups.Select(g => (object?)g.Shared[place]))).ToArray();
        SqlSyncStore.Exec(db, tx, $"""
            INSERT INTO {table}({string.Join(", ", [.. columns, .. sharedColumns])})
            SELECT {string.Join(", ", [.. items.Select((array, place) => Typed(array, "j.c" + place)), .. shared.Select((array, place) => Typed(array, "g.s" + place))])}
            FROM unnest({string.Join(", ", items.Select((_, place) => "@items" + place))}, @group) AS j({string.Join(", ", items.Select((_, place) => "c" + place))}, grp)
            JOIN unnest({string.Join(", ", shared.Select((_, place) => "@shared" + place))}) WITH ORDINALITY AS g({string.Join(", ", shared.Select((_, place) => "s" + place))}, n) ON g.n = j.grp;
            """,
            [.. items.Select((array, place) => ("@items" + place, (object?)array)), ("@group", groupOf), .. shared.Select((array, place) => ("@shared" + place, (object?)array))]);
    }

    /// <summary>A value read from an item array: a column of nulls alone as a null number, which PostgreSQL turns into text for a text column (not a null text into a number).</summary>
    private static string Typed(Array values, string value) =>
        values is string?[] texts && texts.All(text => text is null) ? $"CAST({value} AS BIGINT)" : value;

    /// <summary>The values at <paramref name="place"/> of every item: whole numbers when all are, else text.</summary>
    private static Array ItemArray(IReadOnlyList<object?[]> items, int place) => ItemArray(items.Select(item => item[place]));

    /// <summary>The values as an array: whole numbers when all are, else text.</summary>
    private static Array ItemArray(IEnumerable<object?> items)
    {
        var values = items.ToArray();
        if (values.Any(v => v is not null) && values.All(v => v is null or long or int))
            return values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToArray();
        return values.Select(v => v switch
        {
            null => null,
            string text => text,
            long or int => Convert.ToString(v, CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"An item value of type {v.GetType().Name} has no column type here.", nameof(items)),
        }).ToArray();
    }

    public override bool IsTransient(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation };
}
