using Microsoft.Data.Sqlite;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Local rows read as the text the server holds (sealed values opened), one prepared statement per table: a push
/// of 500 rows read each row through a statement parsed for it alone.
/// </summary>
internal sealed class RowTexts(LocalStore store, Func<string, Dictionary<string, string>> types) : IDisposable
{
    private readonly Dictionary<string, (SqliteCommand Command, SqliteParameter Id)> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _ordinals = new(StringComparer.Ordinal);

    /// <summary>The row's version and the wanted columns' values; version 0 and every value null when there is no such row.</summary>
    public (long Version, Dictionary<string, string?> Values) Read(string table, string rowId, IEnumerable<string> columns)
    {
        var known = types(table);
        var wanted = columns.Where(c => known.ContainsKey(c) && !PulledRowWriter.SyncColumns.Contains(c)).ToList();
        var (command, id) = Prepared(table);
        id.Value = rowId;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return (0, wanted.ToDictionary(c => c, _ => (string?)null));
        var ordinals = Ordinals(table, reader);
        var values = new Dictionary<string, string?>(wanted.Count);
        foreach (var column in wanted)
            values[column] = LocalScope.ServerText(store, reader.GetValue(ordinals[column]), table, column, rowId);

        return (reader.GetInt64(ordinals["version"]), values);
    }

    public void Dispose()
    {
        foreach (var (command, _) in _prepared.Values)
            command.Dispose();
    }

    /// <summary>Each column's place in the table's rows, found once: looking a name up goes through every column before it.</summary>
    private Dictionary<string, int> Ordinals(string table, SqliteDataReader reader)
    {
        if (!_ordinals.TryGetValue(table, out var ordinals))
            _ordinals[table] = ordinals = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.Ordinal);
        return ordinals;
    }

    private (SqliteCommand, SqliteParameter) Prepared(string table)
    {
        if (_prepared.TryGetValue(table, out var prepared))
            return prepared;
        var command = store.Command($"SELECT * FROM {table} WHERE id = $id");
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Prepare();
        return _prepared[table] = (command, id);
    }
}
