using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Writes rows as the server sent them: one prepared upsert per table and column set, secret columns
/// sealed like local data, nothing in the outbox (these are the server's rows, not local changes).
/// </summary>
internal sealed class PulledRowWriter(LocalStore store, WriteScope scope, Func<string, Dictionary<string, string>> types) : IDisposable
{
    /// <summary>The columns every synced table has and the server sets; never copied from a change's values.</summary>
    public static readonly HashSet<string> SyncColumns = ["id", "version", "updated_at", "updated_by", "deleted"];
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <param name="pendingColumns">Columns with local edits not yet pushed: kept as they are, and the row keeps
    /// its old version, so the push carries the version those edits were made on and the server can tell a
    /// concurrent change from a stale one.</param>
    public void Write(RowChange change, IReadOnlySet<string> pendingColumns)
    {
        var table = change.Table;
        var id = change.RowId.ToString();
        var columnTypes = types(table);
        var columns = change.Columns.Keys.Where(c => columnTypes.ContainsKey(c) && !SyncColumns.Contains(c) && !pendingColumns.Contains(c)).Order(StringComparer.Ordinal).ToList();
        var keepVersion = pendingColumns.Count > 0;

        // The server sends whole rows, so one upsert does; a row with pending columns gets only the others,
        // which an INSERT could not hold, so it is updated (it exists: the pending edit is on it). That update
        // keeps the row's local deleted flag: a delete still waiting to be pushed must not bring the row back
        // on screen, where an edit typed on it would be folded into the delete and never reach the server.
        Run(Prepared(table, columns, keepVersion), change, columns, columnTypes);
    }

    private int Run(SqliteCommand command, RowChange change, IReadOnlyList<string> columns, Dictionary<string, string> columnTypes)
    {
        var id = change.RowId.ToString();
        command.Parameters["$id"].Value = id;
        command.Parameters["$version"].Value = change.Version;
        command.Parameters["$updated_at"].Value = RowReader.FormatInstant(change.UpdatedAt);
        command.Parameters["$updated_by"].Value = change.UpdatedBy.ToString();
        foreach (var column in columns)
            command.Parameters["$" + column].Value = ToLocal(change.Table, column, id, change.Columns[column], columnTypes[column]);
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
            command.Dispose();
    }

    private SqliteCommand Prepared(string table, IReadOnlyList<string> columns, bool keepVersion)
    {
        var key = $"{table}|{keepVersion}|{string.Join(',', columns)}";
        if (_prepared.TryGetValue(key, out var command))
            return command;
        var names = string.Join("", columns.Select(c => c + ", "));
        var values = string.Join("", columns.Select(c => "$" + c + ", "));
        command = scope.Command(keepVersion
            ? $"UPDATE {table} SET {string.Join("", columns.Select(c => $"{c} = ${c}, "))}updated_at = $updated_at, updated_by = $updated_by WHERE id = $id"
            : $"INSERT INTO {table} (id, {names}version, updated_at, updated_by, deleted) VALUES ($id, {values}$version, $updated_at, $updated_by, 0) " +
              $"ON CONFLICT (id) DO UPDATE SET {string.Join("", columns.Select(c => $"{c} = excluded.{c}, "))}version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted = 0");
        foreach (var name in columns.Concat(["id", "version", "updated_at", "updated_by"]))
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + name });
        command.Prepare();
        return _prepared[key] = command;
    }

    private object ToLocal(string table, string column, string id, string? value, string type)
    {
        if (SecretColumns.IsSecret(table, column))
            return store.Fields.Encrypt(value ?? "", table, column, id);
        if (value is null)
            return DBNull.Value;
        if (type != "INTEGER")
            return value;
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UnreadableValueException($"Kolom '{column}' van tabel '{table}' is geen geheel getal.");
    }
}

/// <summary>A pulled value this laptop cannot read; the message names the column, never the value.</summary>
internal sealed class UnreadableValueException(string message) : Exception(message);
