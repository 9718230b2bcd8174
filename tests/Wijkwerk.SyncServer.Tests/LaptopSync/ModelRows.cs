using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>One synced row by value: every synced column as text (null and "" are the same: a laptop seals null as "").</summary>
public sealed record ModelRow(string Table, Guid Id, Guid ClientId, long Version, bool Deleted, IReadOnlyDictionary<string, string> Values);

/// <summary>One conflict record by value, as the server or a laptop holds it.</summary>
public sealed record ModelConflict(Guid Id, string Table, Guid RowId, Guid ClientId, string Column, string Kept, string Other, string KeptBy, string OtherBy, bool Resolved, long Version)
{
    /// <summary>Whether this record keeps <paramref name="value"/> of the column, directly or inside the values a tombstone refused.</summary>
    public bool Holds(string column, string value) =>
        (Column == column && (Kept == value || Other == value))
        || (Column == "deleted" && Other.Length > 0 && Other[0] == '{'
            && JsonSerializer.Deserialize<Dictionary<string, string?>>(Other) is { } refused && refused.TryGetValue(column, out var v) && (v ?? "") == value);
}

/// <summary>The server's SQLite file read directly: every row (tombstones too), every conflict record, and each team's caseload.</summary>
public sealed class ServerRows
{
    private ServerRows(Dictionary<(string, Guid), ModelRow> rows, List<ModelConflict> conflicts, Dictionary<string, HashSet<Guid>> caseloads)
    {
        Rows = rows;
        Conflicts = conflicts;
        Caseloads = caseloads;
    }

    public IReadOnlyDictionary<(string Table, Guid Id), ModelRow> Rows { get; }

    public IReadOnlyList<ModelConflict> Conflicts { get; }

    public IReadOnlyDictionary<string, HashSet<Guid>> Caseloads { get; }

    public IReadOnlySet<Guid> Caseload(string team) => Caseloads.TryGetValue(team, out var clients) ? clients : [];

    public ModelRow? Find(string table, Guid id) => Rows.GetValueOrDefault((table, id));

    public static ServerRows Read(string database)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        using var tx = db.BeginTransaction(deferred: true);
        var caseloads = new Dictionary<string, HashSet<Guid>>();
        foreach (var (team, client) in Query(db, tx, "SELECT t.name, tc.client_id FROM team_clients tc JOIN teams t ON t.id = tc.team_id", r => (r.GetString(0), Guid.Parse(r.GetString(1)))))
        {
            if (!caseloads.TryGetValue(team, out var set))
                caseloads[team] = set = [];
            set.Add(client);
        }

        var rows = Query(db, tx, "SELECT tbl, row_id, client_id, version, deleted, columns FROM rows", r =>
        {
            var columns = JsonSerializer.Deserialize<Dictionary<string, string?>>(r.GetString(5)) ?? [];
            var table = SyncSchema.Find(r.GetString(0));
            var values = (table?.Columns ?? []).ToDictionary(c => c, c => columns.GetValueOrDefault(c) ?? "");
            return new ModelRow(r.GetString(0), Guid.Parse(r.GetString(1)), Guid.Parse(r.GetString(2)), r.GetInt64(3), r.GetInt64(4) == 1, values);
        }).ToDictionary(r => (r.Table, r.Id));
        var conflicts = Query(db, tx, "SELECT id, tbl, row_id, client_id, column_name, kept_value, other_value, kept_by, other_by, resolved, version FROM conflicts", r =>
            new ModelConflict(Guid.Parse(r.GetString(0)), r.GetString(1), Guid.Parse(r.GetString(2)), Guid.Parse(r.GetString(3)), r.GetString(4),
                r.IsDBNull(5) ? "" : r.GetString(5), r.IsDBNull(6) ? "" : r.GetString(6), r.GetString(7), r.GetString(8), r.GetInt64(9) == 1, r.GetInt64(10)));
        return new ServerRows(rows, conflicts, caseloads);
    }

    private static List<T> Query<T>(SqliteConnection db, SqliteTransaction? tx, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
            list.Add(map(reader));
        return list;
    }
}

/// <summary>A laptop store read by value: the synced columns of its live rows, decrypted with the store's own key.</summary>
public static class LaptopRows
{
    public static List<ModelRow> Live(LocalStore store)
    {
        var rows = new List<ModelRow>();
        foreach (var table in SyncSchema.Tables)
        {
            using var command = store.Command($"SELECT * FROM {table.Name} WHERE deleted = 0");
            using var reader = command.ExecuteReader();
            var present = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet();
            while (reader.Read())
            {
                var id = reader.GetString(reader.GetOrdinal("id"));
                var values = table.Columns.Where(present.Contains).ToDictionary(c => c, c => Text(store, table.Name, c, id, reader[c]));
                var client = table.ClientColumn is { } tie ? Guid.Parse(values[tie]) : table.ParentTable is null ? Guid.Parse(id) : Guid.Empty;
                rows.Add(new ModelRow(table.Name, Guid.Parse(id), client, reader.GetInt64(reader.GetOrdinal("version")), false, values));
            }
        }

        return rows;
    }

    public static List<ModelConflict> Conflicts(LocalStore store)
    {
        using var command = store.Command("SELECT id, table_name, row_id, client_id, column_name, kept_value, other_value, kept_by, other_by, resolved, version FROM conflicts WHERE deleted = 0");
        using var reader = command.ExecuteReader();
        var list = new List<ModelConflict>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var resolved = reader.IsDBNull(9) ? "" : reader.GetString(9);
            list.Add(new ModelConflict(Guid.Parse(id), reader.GetString(1), Guid.Parse(reader.GetString(2)), reader.IsDBNull(3) ? Guid.Empty : Guid.Parse(reader.GetString(3)),
                reader.GetString(4), Text(store, "conflicts", "kept_value", id, reader[5]), Text(store, "conflicts", "other_value", id, reader[6]),
                reader.GetString(7), reader.GetString(8), resolved.Length > 0 && resolved != "0", reader.GetInt64(10)));
        }

        return list;
    }

    /// <summary>What the laptop shows in one column of a live row now; null when it holds no such live row.</summary>
    public static string? Shown(LocalStore store, string table, Guid row, string column)
    {
        using var command = store.Command($"SELECT {column} FROM {table} WHERE id = $id AND deleted = 0");
        command.Parameters.AddWithValue("$id", row.ToString());
        using var reader = command.ExecuteReader();
        return reader.Read() ? Text(store, table, column, row.ToString(), reader[0]) : null;
    }

    /// <summary>Ids of live rows, optionally of one client, in the order the laptop stored them (ids are partly random; the model's picks must follow the seed).</summary>
    public static List<Guid> Ids(LocalStore store, string table, Guid? client = null)
    {
        var tie = SyncSchema.Find(table)?.ClientColumn;
        using var command = store.Command($"SELECT id FROM {table} WHERE deleted = 0{(client is null ? "" : table == "clients" ? " AND id = $c" : $" AND {tie} = $c")} ORDER BY rowid");
        if (client is { } c)
            command.Parameters.AddWithValue("$c", c.ToString());
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
            ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }

    /// <summary>Pending outbox entries per row, for the account of a failure.</summary>
    public static long Pending(LocalStore store, string table, Guid row)
    {
        using var command = store.Command("SELECT count(*) FROM outbox WHERE table_name = $t AND row_id = $r");
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$r", row.ToString());
        return (long)command.ExecuteScalar()!;
    }

    private static string Text(LocalStore store, string table, string column, string id, object value) => value switch
    {
        DBNull => "",
        byte[] sealedValue when SecretColumns.IsSecret(table, column) => store.Fields.Decrypt(sealedValue, table, column, id),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
