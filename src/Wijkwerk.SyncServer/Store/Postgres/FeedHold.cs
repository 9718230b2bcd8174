using System.Data.Common;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Postgres;

/// <summary>
/// Where the feed stands now: the horizon every pull serves below, how many changes wait above it (counted up to
/// <see cref="CountLimit"/> per table), and the open transaction that holds it (its process id and since when it is
/// open, null when no session shows one, e.g. a prepared transaction). Ids and times only, never a query text.
/// </summary>
public sealed record FeedHold(long Horizon, long Waiting, int? Pid, DateTimeOffset? OpenSince)
{
    public const int CountLimit = 10_000;

    // The holder is the session whose transaction id is the snapshot's xmin (the low 32 bits of the full id); failing
    // that, the one with the oldest transaction id.
    private static readonly string Sql = $"""
        WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS raw, feed_offset() AS off)
        SELECT h.raw + h.off,
            (SELECT count(*) FROM (SELECT 1 FROM rows WHERE xid >= h.raw + h.off LIMIT {CountLimit}) r)
            + (SELECT count(*) FROM (SELECT 1 FROM conflicts WHERE xid >= h.raw + h.off LIMIT {CountLimit}) c)
            + (SELECT count(*) FROM (SELECT 1 FROM scope_events WHERE xid >= h.raw + h.off LIMIT {CountLimit}) e),
            a.pid, a.xact_start
        FROM h LEFT JOIN LATERAL (
            SELECT pid, xact_start FROM pg_stat_activity WHERE backend_xid IS NOT NULL
            ORDER BY backend_xid::text::bigint = h.raw % 4294967296 DESC, age(backend_xid) DESC LIMIT 1) a ON true;
        """;

    /// <remarks>
    /// Counted the way a pull reads the feed (<see cref="PostgresDialect.FeedPlanBegin"/>), in a transaction of its own so
    /// the settings end with it: with the feed's statistics behind, the count read every row of the table (0.1-0.4 s every
    /// few seconds while an upload filled it) to find the few above the horizon.
    /// </remarks>
    internal static FeedHold Read(DbConnection db)
    {
        using var tx = db.BeginTransaction();
        FeedHold hold;
        using (var cmd = SqlSyncStore.Command(db, tx, PostgresDialect.Instance.FeedPlanBegin + Sql))
        using (var reader = cmd.ExecuteReader())
        {
            reader.Read();
            hold = new FeedHold(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetDateTime(3).ToUniversalTime(), TimeSpan.Zero));
        }

        tx.Commit();
        return hold;
    }
}
