using System.Globalization;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Writes rows as the server sent them: one prepared upsert per table and column set, secret columns
/// sealed like local data, nothing in the outbox (these are the server's rows, not local changes).
/// </summary>
internal sealed class PulledRowWriter(LocalStore store, WriteScope scope) : IDisposable
{
    /// <summary>The columns every synced table has and the server sets; never copied from a change's values.</summary>
    public static readonly HashSet<string> SyncColumns = ["id", "version", "updated_at", "updated_by", "deleted"];
    private readonly Dictionary<string, List<Upsert>> _prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// The statement matched to the last row read with shared names (<see cref="ColumnValues"/>) and no pending columns, and
    /// where its columns' values are among those names: a page's rows come in runs of one table with the same names, and the
    /// next row of the run needs neither to be matched nor to look its values up by name. Matching every row took 100 and
    /// looking its values up 27 of the installed program's 3,806 samples in a first sync of 100,000 rows (perf), on the
    /// thread that writes.
    /// </summary>
    private (string Table, ColumnNames Names, Upsert Upsert, int[] Values)? _last;

    /// <param name="pendingColumns">Columns with local edits not yet pushed: kept as they are, and the row keeps
    /// its old version, so the push carries the version those edits were made on and the server can tell a
    /// concurrent change from a stale one.</param>
    /// <param name="sealedAhead">The change's secret values already sealed (<see cref="PageSealer"/>), in
    /// <see cref="SecretColumns.InOrder"/> order; a value missing there is sealed here.</param>
    public void Write(RowChange change, IReadOnlySet<string> pendingColumns, byte[]?[]? sealedAhead = null)
    {
        // The server sends whole rows, so one upsert does; a row with pending columns gets only the others,
        // which an INSERT could not hold, so it is updated (it exists: the pending edit is on it). That update
        // keeps the row's local deleted flag: a delete still waiting to be pushed must not bring the row back
        // on screen, where an edit typed on it would be folded into the delete and never reach the server.
        var shared = pendingColumns.Count == 0 ? change.Columns as ColumnValues : null;
        var (upsert, at) = shared is null ? (Statement(change, pendingColumns), null) : Matched(change, shared, pendingColumns);
        var statement = upsert.Statement;
        statement.Bind(upsert.Id, change.RowId);
        if (!upsert.KeepVersion)
            statement.Bind(upsert.Version, change.Version);
        statement.Bind(upsert.UpdatedAt, change.UpdatedAt);
        statement.Bind(upsert.UpdatedBy, change.UpdatedBy);
        for (var i = 0; i < upsert.Columns.Length; i++)
        {
            var column = upsert.Columns[i];
            statement.Bind(column.Place, column.Secret >= 0 && sealedAhead?[column.Secret] is { } sealedValue
                ? sealedValue
                : ToLocal(change.Table, column, change.RowId, at is null ? change.Columns[column.Name] : shared!.At(at[i])));
        }

        statement.Run();
    }

    /// <summary>The statement for a row without pending columns whose values share their names, and where its columns' values are among them.</summary>
    private (Upsert Upsert, int[] Values) Matched(RowChange change, ColumnValues shared, IReadOnlySet<string> pendingColumns)
    {
        if (_last is { } last && ReferenceEquals(last.Names, shared.Names) && string.Equals(last.Table, change.Table, StringComparison.Ordinal))
            return (last.Upsert, last.Values);
        var upsert = Statement(change, pendingColumns);
        var values = Array.ConvertAll(upsert.Columns, column => shared.Names.IndexOf(column.Name));
        _last = (change.Table, shared.Names, upsert, values);
        return (upsert, values);
    }

    private Upsert Statement(RowChange change, IReadOnlySet<string> pendingColumns) => Find(change, pendingColumns) ?? Prepare(change, pendingColumns);

    public void Dispose()
    {
        foreach (var upsert in _prepared.Values.SelectMany(u => u))
            upsert.Statement.Dispose();
    }

    /// <summary>
    /// The statement already prepared for this change's column set. A page holds thousands of rows of a few tables
    /// with the same columns, so the set is matched against the few prepared for the table, not built again per row.
    /// </summary>
    private Upsert? Find(RowChange change, IReadOnlySet<string> pendingColumns)
    {
        if (!_prepared.TryGetValue(change.Table, out var candidates))
            return null;
        var keepVersion = pendingColumns.Count > 0;
        foreach (var upsert in candidates)
        {
            if (upsert.KeepVersion == keepVersion && upsert.Covers(change.Columns, pendingColumns))
                return upsert;
        }

        return null;
    }

    private Upsert Prepare(RowChange change, IReadOnlySet<string> pendingColumns)
    {
        var table = change.Table;
        var columnTypes = store.Declared.Of(table);
        var columns = change.Columns.Keys.Where(c => columnTypes.ContainsKey(c) && !SyncColumns.Contains(c) && !pendingColumns.Contains(c)).Order(StringComparer.Ordinal).ToList();
        var keepVersion = pendingColumns.Count > 0;
        var names = string.Join("", columns.Select(c => c + ", "));
        var values = string.Join("", columns.Select(c => "$" + c + ", "));
        var statement = BoundStatement.Prepare(scope.Transaction.Connection!, keepVersion
            ? $"UPDATE {table} SET {string.Join("", columns.Select(c => $"{c} = ${c}, "))}updated_at = $updated_at, updated_by = $updated_by WHERE id = $id"
            : $"INSERT INTO {table} (id, {names}version, updated_at, updated_by, deleted) VALUES ($id, {values}$version, $updated_at, $updated_by, 0) " +
              $"ON CONFLICT (id) DO UPDATE SET {string.Join("", columns.Select(c => $"{c} = excluded.{c}, "))}version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted = 0");
        var upsert = new Upsert(
            statement, keepVersion, [.. change.Columns.Keys], [.. pendingColumns],
            [.. columns.Select(c => new Column(c, statement.Place("$" + c), SecretColumns.PlaceOf(table, c), columnTypes[c] == "INTEGER"))],
            statement.Place("$id"), keepVersion ? 0 : statement.Place("$version"), statement.Place("$updated_at"), statement.Place("$updated_by"));
        if (!_prepared.TryGetValue(table, out var list))
            _prepared[table] = list = [];
        list.Add(upsert);
        return upsert;
    }

    private object ToLocal(string table, Column column, Guid id, string? value)
    {
        if (column.Secret >= 0)
            return store.Fields.Encrypt(value ?? "", table, column.Name, id);
        if (value is null)
            return DBNull.Value;
        if (!column.Integer)
            return value;
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UnreadableValueException($"Kolom '{column.Name}' van tabel '{table}' is geen geheel getal.");
    }

    /// <param name="Secret">Its place among the table's secret columns (<see cref="SecretColumns.InOrder"/>); -1 when it is not secret.</param>
    /// <param name="Place">Where its value is bound in the statement.</param>
    private sealed record Column(string Name, int Place, int Secret, bool Integer);

    /// <param name="Sent">The column names of the change it was prepared for.</param>
    /// <param name="Pending">The pending columns it was prepared for.</param>
    /// <param name="Version">Where the version is bound; 0 in an update that keeps the row's version (bound nowhere).</param>
    private sealed record Upsert(
        BoundStatement Statement, bool KeepVersion, HashSet<string> Sent, HashSet<string> Pending, Column[] Columns,
        int Id, int Version, int UpdatedAt, int UpdatedBy)
    {
        /// <summary>Whether a change with these columns and pending columns writes exactly this statement's columns.</summary>
        public bool Covers(IReadOnlyDictionary<string, string?> sent, IReadOnlySet<string> pending)
        {
            if (sent.Count != Sent.Count || pending.Count != Pending.Count)
                return false;
            foreach (var name in sent.Keys)
            {
                if (!Sent.Contains(name))
                    return false;
            }

            return Pending.SetEquals(pending);
        }
    }
}

/// <summary>A pulled value this laptop cannot read; the message names the column, never the value.</summary>
internal sealed class UnreadableValueException(string message) : Exception(message);
