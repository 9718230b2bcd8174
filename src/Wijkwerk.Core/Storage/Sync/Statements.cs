using Microsoft.Data.Sqlite;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// The statements of one write transaction, each prepared once: a pulled page or a push answer runs the same
/// few statements for hundreds of rows, and parsing them again for every row cost more than running them.
/// </summary>
internal sealed class Statements(WriteScope scope) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public int Run(string sql, params (string Name, object Value)[] args) => Bound(sql, args).ExecuteNonQuery();

    public object? Scalar(string sql, params (string Name, object Value)[] args) => Bound(sql, args).ExecuteScalar();

    public SqliteDataReader Reader(string sql, params (string Name, object Value)[] args) => Bound(sql, args).ExecuteReader();

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
            command.Dispose();
    }

    private SqliteCommand Bound(string sql, (string Name, object Value)[] args)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = scope.Command(sql);
            _prepared[sql] = command;
        }

        command.Parameters.Clear();
        foreach (var (name, value) in args)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
