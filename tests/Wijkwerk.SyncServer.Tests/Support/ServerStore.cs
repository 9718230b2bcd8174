using Microsoft.Data.Sqlite;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>Reads the running server's SQLite file behind its back: what it stored, not what it answers.</summary>
public static class ServerStore
{
    /// <summary>Every row of every table, as text, except the tables named: compare two to see whether anything was written.</summary>
    public static Dictionary<string, List<string>> Snapshot(string db, params string[] except)
    {
        using var connection = Open(db);
        var tables = new List<string>();
        using (var command = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }

        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in tables.Except(except))
        {
            using var command = new SqliteCommand($"SELECT * FROM \"{table}\"", connection);
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = rows;
        }

        return snapshot;
    }

    public static long Count(string db, string sql, params (string Name, object Value)[] args)
    {
        using var connection = Open(db);
        using var command = new SqliteCommand(sql, connection);
        foreach (var (name, value) in args)
            command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Text(string db, string sql)
    {
        using var connection = Open(db);
        using var command = new SqliteCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Asserts two snapshots hold the same rows, naming the first table that differs.</summary>
    public static void AssertSame(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after, string what)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (table, rows) in before)
            Assert.True(rows.SequenceEqual(after[table]), $"{what}: table {table} changed ({rows.Count} → {after[table].Count} rows)");
    }

    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
