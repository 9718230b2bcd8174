using Wijkwerk.Core.Sync;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// What single rows count with in <see cref="LocalScope.Totals"/> now, each statement prepared once for all the rows
/// a sync touched: a laptop pulling 200 changes asked SQLite to parse three statements for every one of them.
/// </summary>
internal sealed class RowShares(LocalStore store, Statements statements)
{
    /// <summary>The row's share now; null when it does not count.</summary>
    public uint? Of(string table, string id)
    {
        if (statements.Scalar("SELECT checksum FROM sync_set_aside WHERE table_name = $t AND row_id = $r", ("$t", table), ("$r", id)) is long serverSum)
            return (uint)(serverSum & uint.MaxValue);
        if (!LocalScope.Tables.Contains(table))
            return null;
        var columns = SyncSchema.ColumnsOf(table);
        long version;
        var values = new string?[columns.Count];
        using (var reader = statements.Reader($"SELECT version, {string.Join(", ", columns)} FROM {table} WHERE id = $id AND deleted = 0 AND version > 0", ("$id", id)))
        {
            if (!reader.Read())
                return null;
            for (var i = 0; i < columns.Count; i++)
                values[i] = LocalScope.ServerText(store, reader.GetValue(i + 1), table, columns[i], id);
            version = reader.GetInt64(0);
        }

        return Kept(table, id, version) ?? ScopeChecksum.Of(table, Guid.Parse(id), version, values);
    }

    /// <summary>The server's checksum of a row kept different on purpose (a refused edit), while its refusal stands and the row is unchanged.</summary>
    private uint? Kept(string table, string id, long version) =>
        statements.Scalar("SELECT k.checksum FROM scope_kept k WHERE k.table_name = $t AND k.row_id = $r AND k.version = $v " +
                           "AND EXISTS (SELECT 1 FROM sync_refusals r WHERE r.table_name = k.table_name AND r.row_id = k.row_id)",
            ("$t", table), ("$r", id), ("$v", version)) is long sum ? (uint)sum : null;
}
