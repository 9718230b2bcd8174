namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Local rows read as the text the server holds (sealed values opened), one prepared statement per table: a push
/// of 500 rows read each row through a statement parsed for it alone. The statement is bound and read by place
/// (<see cref="BoundStatement"/>): a command's reader (the id bound by name, each value through its general reader) took
/// about a fifth of reading a push's rows in a profile of a first upload.
/// </summary>
internal sealed class RowTexts(LocalStore store) : IDisposable
{
    private readonly Dictionary<string, Prepared> _prepared = new(StringComparer.Ordinal);

    /// <summary>The row's version and the wanted columns' values; version 0 and every value null when there is no such row.</summary>
    public (long Version, Dictionary<string, string?> Values) Read(string table, string rowId, IEnumerable<string> columns)
    {
        var known = store.Declared.Of(table);
        var prepared = PreparedFor(table);
        var statement = prepared.Statement;
        statement.Bind(prepared.Id, rowId);
        var found = statement.Next();
        try
        {
            var values = new Dictionary<string, string?>(columns.TryGetNonEnumeratedCount(out var count) ? count : 0);
            foreach (var column in columns)
            {
                if (known.ContainsKey(column) && !PulledRowWriter.SyncColumns.Contains(column))
                    values[column] = found ? LocalScope.ServerText(store, statement.Value(prepared.Columns[column]), table, column, rowId) : null;
            }

            return (found ? (long)statement.Value(prepared.Columns["version"]) : 0, values);
        }
        finally
        {
            if (found)
                statement.Reset();
        }
    }

    public void Dispose()
    {
        foreach (var prepared in _prepared.Values)
            prepared.Statement.Dispose();
    }

    private Prepared PreparedFor(string table)
    {
        if (_prepared.TryGetValue(table, out var prepared))
            return prepared;
        var statement = BoundStatement.Prepare(store.Connection, $"SELECT * FROM {table} WHERE id = $id");
        // Each column's place found once: looking a name up goes through every column before it.
        var columns = store.Declared.Of(table).Keys.ToDictionary(c => c, statement.Column, StringComparer.Ordinal);
        return _prepared[table] = new Prepared(statement, statement.Place("$id"), columns);
    }

    private sealed record Prepared(BoundStatement Statement, int Id, Dictionary<string, int> Columns);
}
