using System.Data;
using System.Data.Common;
using Npgsql;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Postgres;

/// <summary>
/// PostgreSQL with several writers (server instances) at once. A change number taken inside a transaction is not
/// commit order, so every change row also records its transaction id (<c>xid</c>, set by a trigger whenever it takes
/// a new seq) and a pull serves only transactions below <c>pg_snapshot_xmin</c> of its snapshot: each of those has
/// committed or never will, so no later commit can land below the anchor. A pull's anchor is an xid and its page holds
/// whole transactions. A transaction left open elsewhere holds the horizon, and so every pull, back until it ends:
/// changes are delayed, never skipped.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    // Any lock key of ours: the two 32-bit halves keep migrations apart from the row locks (hashtextextended is 64-bit).
    private const long MigrationLock = 0x5769_6A6B_7765_726BL;

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

    public override string FeedHorizonSql => "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint + feed_offset();";

    public override void SettleRestore(DbConnection db, DbTransaction tx) => FeedOrigin.Settle(db, tx);

    // An expression no index covers: PostgreSQL then walks the feed in order from the anchor and tests scope per row. With the
    // bare column, statistics that lag a table just filled (a first upload's pull back) made it read every row of every
    // client in scope through the client index and sort them, for every page: 33 s of pull back, 2.5 s when it walks.
    public override string FeedScopeColumn => "(client_id || '')";

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

    public override string ForUpdate => " FOR UPDATE";

    public override bool IsTransient(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation };
}
