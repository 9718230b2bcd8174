using System.Data.Common;
using System.Globalization;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Postgres;

/// <summary>
/// Makes a PostgreSQL store restored with pg_restore safe for the laptops, at the first start on it (inside the
/// migration transaction and its lock, so one instance does it once).
///
/// Feed positions are transaction ids (plus <c>feed_offset()</c>), and transaction ids belong to a cluster: a dump
/// restored into another cluster hands out ids from that cluster's counter, which may lie below the positions the dump
/// holds and below the anchors laptops took from the lost database, so their new changes would never be served. And,
/// as with the SQLite backup (<see cref="Sqlite.SqliteSyncStore.RestoreGap"/>), a laptop whose anchor lies beyond the
/// dump must not be sent the dump's older rows as an ordinary pull over its newer ones; it must find the difference in
/// the scope checksum and repair by version, pushing back what the server lost.
///
/// So when the database is not the one its positions were handed out in (another cluster, or another database of the
/// same one: <c>feed_origin</c> records both), the offset moves so that the next position lies <see cref="RestoreGap"/>
/// above the highest the dump holds, and the reference version jumps by as much (a laptop holding the same number would
/// not fetch the restored set). pg_upgrade also starts a new cluster: the laptops then repair once, needlessly but safely.
/// </summary>
internal static class FeedOrigin
{
    /// <summary>
    /// More transactions than the lost cluster can have run after the dump (2^40: three years at 10,000 a second), so
    /// the restored positions start above every anchor a laptop may hold.
    /// </summary>
    public const long RestoreGap = 1L << 40;

    public static void Settle(DbConnection db, DbTransaction tx)
    {
        var here = Text(db, tx, "SELECT system_identifier::text || '/' || (SELECT oid FROM pg_database WHERE datname = current_database()) FROM pg_control_system();");
        if (Text(db, tx, "SELECT cluster || '/' || database_oid FROM feed_origin WHERE id = 1;") == here)
            return;

        var highest = Number(db, tx, """
            SELECT greatest((SELECT coalesce(max(xid), 0) FROM rows), (SELECT coalesce(max(xid), 0) FROM conflicts),
                (SELECT coalesce(max(xid), 0) FROM scope_events), feed_offset());
            """);
        var current = Number(db, tx, "SELECT pg_current_xact_id()::text::bigint;");
        var offset = Math.Max(Number(db, tx, "SELECT feed_offset();"), highest + RestoreGap - current);
        // A function body takes no parameters: the offset is a number this code computed, written as one.
        SqlSyncStore.Exec(db, tx, $"CREATE OR REPLACE FUNCTION feed_offset() RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN {offset.ToString(CultureInfo.InvariantCulture)};");
        SqlSyncStore.Exec(db, tx, "UPDATE counters SET value = value + @gap WHERE name = 'reference';", ("@gap", RestoreGap));
        SqlSyncStore.Exec(db, tx, """
            UPDATE feed_origin SET cluster = (SELECT system_identifier::text FROM pg_control_system()),
                database_oid = (SELECT oid FROM pg_database WHERE datname = current_database()), moved_at = @at WHERE id = 1;
            """, ("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
    }

    private static string Text(DbConnection db, DbTransaction tx, string sql) => (string)SqlSyncStore.Scalar(db, tx, sql)!;

    private static long Number(DbConnection db, DbTransaction tx, string sql) => Convert.ToInt64(SqlSyncStore.Scalar(db, tx, sql), CultureInfo.InvariantCulture);
}
