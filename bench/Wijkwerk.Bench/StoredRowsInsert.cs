using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Bench;

/// <summary>
/// A second floor for the first sync, beside the plain table: the rows a first sync stored, exactly as stored (sealed
/// values and all), inserted again into a new file with the laptop's own tables and indexes and its settings (its page
/// size among them), one prepared statement a table with its values bound by place as the sync binds them
/// (<see cref="BoundStatement"/>), one transaction. What SQLite itself costs for those rows in that schema, without the
/// sync's own work (reading pages, sealing, the scope sums); the indexes are the screens' (the open signals, a client's
/// signals). Bound through a command's named parameters, as before, the same rows took 0.94 and 0.98 s (two runs)
/// against 0.71-0.75 s bound by place (eleven runs the same afternoon, each the median of three), both in pages of
/// 4,096 bytes: that much of the old floor was the command's, not SQLite's.
/// </summary>
internal static class StoredRowsInsert
{
    /// <summary>Inserts the rows of <paramref name="tables"/> of the store at <paramref name="storePath"/> into the new file <paramref name="file"/>.</summary>
    /// <returns>The time from the first insert to the commit, and how many rows.</returns>
    public static (TimeSpan Elapsed, int Rows) Time(string storePath, IReadOnlyList<string> tables, string file)
    {
        using var source = Open(new SqliteConnectionStringBuilder { DataSource = storePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false });
        using var target = Open(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false });
        Execute(target, $"PRAGMA page_size={PageSize(source)}; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY;");
        foreach (var table in tables)
        {
            foreach (var sql in Schema(source, table))
                Execute(target, sql);
        }

        // Read whole first, in the order the sync stored them, so the timed part is SQLite's alone.
        var rows = tables.Select(table => (Table: table, Rows: Rows(source, table))).ToList();
        var watch = Stopwatch.StartNew();
        using var transaction = target.BeginTransaction();
        foreach (var (table, values) in rows.Where(r => r.Rows.Count > 0))
        {
            var width = values[0].Length;
            using var insert = BoundStatement.Prepare(target, $"INSERT INTO {table} VALUES ({string.Join(", ", Enumerable.Range(1, width).Select(i => "$p" + i))})");
            foreach (var row in values)
            {
                for (var i = 0; i < width; i++)
                    insert.Bind(i + 1, row[i]);
                insert.Run();
            }
        }

        transaction.Commit();
        return (watch.Elapsed, rows.Sum(r => r.Rows.Count));
    }

    private static long PageSize(SqliteConnection source)
    {
        using var command = source.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(SqliteConnectionStringBuilder settings)
    {
        var connection = new SqliteConnection(settings.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The table's CREATE statement, then its indexes' (a trigger would need the tables it names first: none has one).</summary>
    private static List<string> Schema(SqliteConnection source, string table)
    {
        using var command = source.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = $t AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'index'";
        command.Parameters.AddWithValue("$t", table);
        using var reader = command.ExecuteReader();
        var statements = new List<string>();
        while (reader.Read())
            statements.Add(reader.GetString(0));
        return statements;
    }

    private static List<object[]> Rows(SqliteConnection source, string table)
    {
        using var command = source.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
