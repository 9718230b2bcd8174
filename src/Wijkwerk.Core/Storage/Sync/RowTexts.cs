using Microsoft.Data.Sqlite;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Local rows read as the text the server holds (sealed values opened), one prepared statement per table: a push
/// of 500 rows read each row through a statement parsed for it alone.
/// </summary>
internal sealed class RowTexts(LocalStore store, Func<string, Dictionary<string, string>> types) : IDisposable
{
    private readonly Dictionary<string, (SqliteCommand Command, SqliteParameter Id)> _prepared = new(StringComparer.Ordinal);

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
        var values = new Dictionary<string, string?>(wanted.Count);
        foreach (var column in wanted)
            values[column] = LocalScope.ServerText(store, reader.GetValue(reader.GetOrdinal(column)), table, column, rowId);

        return (reader.GetInt64(reader.GetOrdinal("version")), values);
    }

    public void Dispose()
    {
        foreach (var (command, _) in _prepared.Values)
            command.Dispose();
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
