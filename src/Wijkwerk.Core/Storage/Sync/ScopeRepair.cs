using System.Globalization;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Brings a laptop that does not match the server's scope checksum back to the server's rows by value:
/// the caller feeds it the whole scope, pulled again from anchor 0, page by page, then calls
/// <see cref="Finish"/>. A row that differs is overwritten with the server's; a tombstone or scope exit
/// removes it. A row the server lost (a restore from an older backup) is not dropped but queued again:
/// one held at a higher version than the server's goes as an update on the server's version, one the
/// server does not hold at all as an insert. Rows with pending edits are left to the ordinary sync, and a
/// row whose edit the server refused keeps what the worker typed (the refusal says why): its server
/// checksum is noted instead (see <see cref="LocalScope.Totals"/>).
/// </summary>
public sealed class ScopeRepair(LocalStore store)
{
    private readonly Dictionary<(string Table, Guid Id), LocalScope.Row> _local = new LocalScope(store).Rows();
    private readonly HashSet<(string Table, Guid Id)> _seen = [];
    private int _rewritten, _removed, _requeued;

    /// <summary>Applies one page of the scope as read from anchor 0, in one transaction; the anchor stays until <see cref="Finish"/>.</summary>
    public void Apply(PullResponse page) => store.Write(scope =>
    {
        // Rows change here without the marks of an ordinary sync: the figures after a repair count every row.
        ScopeCache.Forget(scope);
        var pending = LocalSync.PendingRows(scope);
        var refused = Rows(scope, "SELECT DISTINCT table_name, row_id FROM sync_refusals");
        using var writer = new PulledRowWriter(store, scope);
        using var statements = new Statements(scope);
        foreach (var change in page.Changes)
        {
            var key = (change.Table, change.RowId);
            if (!LocalScope.Tables.Contains(change.Table))
                continue;
            _seen.Add(key);
            if (pending.Contains(key))
                continue;
            var held = _local.TryGetValue(key, out var mine);
            if (change.Removed || change.Deleted)
            {
                LocalSync.Execute(scope, $"DELETE FROM {change.Table} WHERE id = $id", ("$id", Id(key)));
                _removed += held ? 1 : 0;
                continue;
            }

            var serverSum = ScopeChecksum.Of(change.Table, change.RowId, change.Version, change.Columns);
            if (held && mine.Sum == serverSum)
                continue;
            if (held && refused.Contains(key))
            {
                LocalSync.Execute(scope, "INSERT OR REPLACE INTO scope_kept (table_name, row_id, version, checksum) VALUES ($t, $id, $v, $sum)",
                    ("$t", change.Table), ("$id", Id(key)), ("$v", mine.Version), ("$sum", (long)serverSum));
                continue;
            }

            if (held && mine.Version > change.Version && SyncSchema.Find(change.Table) is { } table)
            {
                // The server is behind this laptop (restored from a backup): its version is the base of the push.
                Requeue(scope, key, change.Version, OutboxOperations.Update, table.Columns);
                continue;
            }

            if (LocalSync.StoreOrSetAside(store, statements, writer, change, new HashSet<string>()))
                _rewritten++;
        }

        return 0;
    });

    /// <summary>
    /// After the last page: rows the server's scope does not hold at all go again as inserts when this laptop
    /// may write them, and are removed when it may not (they left this laptop's view); the anchor moves to
    /// <paramref name="anchor"/>.
    /// </summary>
    public ScopeRepairReport Finish(long anchor) => store.Write(scope =>
    {
        var pending = LocalSync.PendingRows(scope);
        var role = store.Identity.Role;
        foreach (var table in LocalScope.Tables)
        {
            foreach (var key in _local.Keys.Where(k => k.Table == table && !_seen.Contains(k) && !pending.Contains(k)))
            {
                if (SyncSchema.Find(table) is { } synced && !SyncSchema.ReceivesReviewOnly(role) && RowRules.CheckRole(role, table) is null)
                {
                    Requeue(scope, key, 0, OutboxOperations.Insert, synced.Columns);
                }
                else if (table == SyncProtocol.ConflictsTable && !SyncSchema.ReceivesReviewOnly(role))
                {
                    // A conflict record cannot be pushed; the worker keeps it in the conflict inbox, outside the scope sum.
                    LocalSync.Execute(scope, "UPDATE conflicts SET version = 0 WHERE id = $id", ("$id", Id(key)));
                }
                else
                {
                    LocalSync.Execute(scope, $"DELETE FROM {table} WHERE id = $id", ("$id", Id(key)));
                    _removed++;
                }
            }
        }

        LocalSync.Execute(scope, "DELETE FROM scope_kept WHERE NOT EXISTS (SELECT 1 FROM sync_refusals r WHERE r.table_name = scope_kept.table_name AND r.row_id = scope_kept.row_id)");
        new MetaTable(store, scope.Transaction).Set(LocalSync.AnchorKey, anchor.ToString(CultureInfo.InvariantCulture));
        return new ScopeRepairReport(_rewritten, _removed, _requeued);
    });

    private void Requeue(WriteScope scope, (string Table, Guid Id) key, long baseVersion, string operation, IEnumerable<string> columns)
    {
        LocalSync.Execute(scope, $"UPDATE {key.Table} SET version = $v WHERE id = $id", ("$v", baseVersion), ("$id", Id(key)));
        scope.Outbox(key.Table, Id(key), operation, columns);
        _requeued++;
    }

    private static string Id((string Table, Guid Id) key) => key.Id.ToString();

    private static HashSet<(string, Guid)> Rows(WriteScope scope, string sql)
    {
        using var command = scope.Command(sql);
        using var reader = command.ExecuteReader();
        var rows = new HashSet<(string, Guid)>();
        while (reader.Read())
        {
            if (Guid.TryParse(reader.GetString(1), out var id))
                rows.Add((reader.GetString(0), id));
        }

        return rows;
    }
}
