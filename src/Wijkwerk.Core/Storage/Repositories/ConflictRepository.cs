using System.Globalization;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>The conflicts the server reported for this laptop's scope, and how a worker settles one.</summary>
public sealed class ConflictRepository(LocalStore store)
{
    private const string Table = "conflicts";
    private const string DeletedColumn = "deleted";

    public IReadOnlyList<SyncConflict> All() =>
        store.Query(Table, "", r => new SyncConflict(
                Guid.Parse(r.Id),
                r.Text("table_name"),
                Guid.Parse(r.Text("row_id")),
                r.NullableText("client_id") is { Length: > 0 } client ? Guid.Parse(client) : null,
                r.Text("column_name"),
                r.Secret("kept_value"),
                r.Secret("other_value"),
                r.Text("kept_by"),
                r.Text("other_by"),
                DateTimeOffset.Parse(r.Text("at"), CultureInfo.InvariantCulture),
                IsResolved(r.NullableText("resolved"))))
            .OrderByDescending(c => c.At)
            .ToList();

    /// <summary>The server sends "0" for an open conflict and the time of the resolution once settled.</summary>
    private static bool IsResolved(string? resolved) => resolved is { Length: > 0 } && resolved != "0";

    public IReadOnlyList<SyncConflict> Open() => All().Where(c => !c.Resolved).ToList();

    /// <summary>Open conflicts as the conflict screen lists them, values and clients' names on view: logged as a search.</summary>
    public IReadOnlyList<SyncConflict> Review()
    {
        var open = Open();
        store.AuditOnly(AuditEventType.Search, $"table={Table};results={open.Count}");
        return open;
    }

    /// <summary>
    /// Settles a conflict with the value the worker chose: the kept value, the other one, or a merge they
    /// typed. A value that differs from the record's current one becomes an ordinary change, pushed like
    /// any other; the conflict is marked resolved on every laptop through the server.
    /// </summary>
    public void Resolve(SyncConflict conflict, string finalValue) => store.Write(scope =>
    {
        var table = SyncSchema.Find(conflict.Table) ?? throw new InvalidOperationException($"Table {conflict.Table} does not sync.");
        if (conflict.Column == DeletedColumn)
            SettleDeletion(scope, table.Name, conflict, finalValue);
        else if (!table.Columns.Contains(conflict.Column))
            throw new InvalidOperationException($"Column {conflict.Column} is not writable.");
        else
            Settle(scope, table, conflict, finalValue);

        using var resolve = scope.Command("UPDATE conflicts SET resolved = $at WHERE id = $id");
        resolve.Parameters.AddWithValue("$at", store.Now());
        resolve.Parameters.AddWithValue("$id", conflict.Id.ToString());
        resolve.ExecuteNonQuery();
        scope.Outbox(Table, conflict.Id.ToString(), OutboxOperations.Update, ["resolved"]);
        return 0;
    });

    private void Settle(WriteScope scope, SyncSchema.SyncTable table, SyncConflict conflict, string finalValue)
    {
        var id = conflict.RowId.ToString();
        var current = store.Query(table.Name, "id = $id", r => SecretColumns.IsSecret(table.Name, conflict.Column) ? r.Secret(conflict.Column) : r.NullableText(conflict.Column), ("$id", id));
        if (current.Count == 1 && current[0] != finalValue)
        {
            using var update = scope.Command($"UPDATE {table.Name} SET {conflict.Column} = $v, updated_at = $at, updated_by = $by WHERE id = $id");
            update.Parameters.AddWithValue("$v", SecretColumns.IsSecret(table.Name, conflict.Column) ? scope.Seal(table.Name, conflict.Column, id, finalValue) : finalValue);
            update.Parameters.AddWithValue("$at", store.Now());
            update.Parameters.AddWithValue("$by", store.Identity.WorkerId.ToString());
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
            scope.Outbox(table.Name, id, OutboxOperations.Update, [conflict.Column]);
            scope.Audit(AuditEventType.Change, conflict.ClientId, $"table={table.Name};columns=1;conflict");
        }
    }

    /// <summary>
    /// A conflict about a deletion: "1" chooses the deletion, so a row that still stands here is deleted (and
    /// the delete is pushed on the version now held, which the server accepts); any other choice leaves the
    /// row as the server has it. A row deleted elsewhere is not brought back from here: the values it would
    /// have had stay readable in the conflict record.
    /// </summary>
    private void SettleDeletion(WriteScope scope, string table, SyncConflict conflict, string finalValue)
    {
        if (finalValue != "1")
            return;
        if (table == ClientRows.Table)
            ClientRepository.Delete(store, scope, new Id<Client>(conflict.RowId), "table=clients;conflict");
        else if (scope.Delete(table, conflict.RowId.ToString()))
            scope.Audit(AuditEventType.Delete, conflict.ClientId, $"table={table};conflict");
    }
}
