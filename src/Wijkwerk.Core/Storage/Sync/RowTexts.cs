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
    private readonly Dictionary<(string Table, string[] List), (string Column, int Place)[]> _wanted = new(ByList.Instance);

    /// <summary>The row's version and the wanted columns' values; version 0 and every value null when there is no such row.</summary>
    /// <param name="columns">The wanted columns; those the table does not declare, and the sync columns, are left out.</param>
    public (long Version, Dictionary<string, string?> Values) Read(string table, string rowId, IEnumerable<string> columns)
    {
        var prepared = PreparedFor(table);
        var wanted = Wanted(table, prepared, columns);
        var statement = prepared.Statement;
        statement.Bind(prepared.Id, rowId);
        var found = statement.Next();
        try
        {
            var values = new Dictionary<string, string?>(wanted.Length);
            foreach (var (column, place) in wanted)
                values[column] = found ? LocalScope.ServerText(store, statement.Value(place), table, column, rowId) : null;
            return (found ? (long)statement.Value(prepared.Version) : 0, values);
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
        return _prepared[table] = new Prepared(statement, statement.Place("$id"), columns["version"], columns);
    }

    /// <summary>
    /// The wanted columns the table holds, each with its place. A list the outbox named (an array, read once a batch and
    /// shared by its entries) is worked out once per table: a push's rows come with the same few lists.
    /// </summary>
    private (string Column, int Place)[] Wanted(string table, Prepared prepared, IEnumerable<string> columns)
    {
        if (columns is not string[] list)
            return Places(prepared, columns);
        if (!_wanted.TryGetValue((table, list), out var wanted))
            _wanted[(table, list)] = wanted = Places(prepared, list);
        return wanted;
    }

    private static (string Column, int Place)[] Places(Prepared prepared, IEnumerable<string> columns) =>
        [.. columns.Where(c => prepared.Columns.ContainsKey(c) && !PulledRowWriter.SyncColumns.Contains(c)).Distinct(StringComparer.Ordinal).Select(c => (c, prepared.Columns[c]))];

    private sealed record Prepared(BoundStatement Statement, int Id, int Version, Dictionary<string, int> Columns);

    /// <summary>Tells lists apart by identity: an array the outbox named is never changed, and another array with the same names is worked out again.</summary>
    private sealed class ByList : IEqualityComparer<(string Table, string[] List)>
    {
        public static readonly ByList Instance = new();

        public bool Equals((string Table, string[] List) x, (string Table, string[] List) y) =>
            ReferenceEquals(x.List, y.List) && string.Equals(x.Table, y.Table, StringComparison.Ordinal);

        public int GetHashCode((string Table, string[] List) key) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(key.Table), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.List));
    }
}
