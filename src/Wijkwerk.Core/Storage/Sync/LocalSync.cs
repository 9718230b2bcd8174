using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage.Rows;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// The laptop side of sync: turns the outbox into mutations, records the server's answers, and applies
/// pulled pages. Every step is one transaction with the anchor or outbox change it implies, so a crash
/// between steps repeats work but never loses or doubles it.
/// </summary>
public sealed class LocalSync(LocalStore store)
{
    private const string ServerKey = "sync_server";
    private const string TokenKey = "sync_token";
    private const string AnchorKey = "sync_anchor";
    private const string LastSyncKey = "sync_last";
    private static readonly string[] PulledTables = [.. SyncSchema.Tables.Select(t => t.Name), "conflicts"];
    private readonly Dictionary<string, Dictionary<string, string>> _columnTypes = [];

    public SyncSettings Settings()
    {
        var meta = new MetaTable(store.Connection, null);
        var server = meta.Get(ServerKey) as string;
        var anchor = meta.Get(AnchorKey) is string a ? long.Parse(a, CultureInfo.InvariantCulture) : 0;
        DateTimeOffset? last = meta.Get(LastSyncKey) is string l ? DateTimeOffset.Parse(l, CultureInfo.InvariantCulture) : null;
        return new SyncSettings(server is null ? null : new Uri(server), anchor, last);
    }

    public string? Token() =>
        new MetaTable(store.Connection, null).Get(TokenKey) is byte[] sealedToken ? store.Fields.Decrypt(sealedToken, "meta", TokenKey, store.StoreId) : null;

    /// <summary>From now on this laptop works as the worker the server named, with the device id and token it issued.</summary>
    public void Enrol(Uri server, EnrolResponse enrolment) => store.Write(scope =>
    {
        var meta = new MetaTable(store.Connection, scope.Transaction);
        meta.Set(ServerKey, server.ToString());
        meta.Set(TokenKey, store.Fields.Encrypt(enrolment.Token, "meta", TokenKey, store.StoreId));
        meta.Set("worker_id", enrolment.WorkerId.ToString());
        meta.Set("worker_name", store.Fields.Encrypt(enrolment.WorkerName, "meta", "worker_name", store.StoreId));
        meta.Set("role", RoleCodes.TryParse(enrolment.Role, out var role) ? role.Code() : Role.Nurse.Code());
        meta.Set("device_id", enrolment.DeviceId.ToString());
        meta.Set(AnchorKey, "0");
        return 0;
    });

    /// <summary>The outbox folded per row, oldest first: one mutation carries every column changed since the last push.</summary>
    public IReadOnlyList<PendingMutation> Pending(int max)
    {
        var groups = new List<(string Table, string RowId, long First, long Last, List<string> Operations, HashSet<string> Columns)>();
        var index = new Dictionary<(string, string), int>();
        using (var command = store.Command("SELECT seq, table_name, row_id, operation, columns FROM outbox ORDER BY seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(1), reader.GetString(2));
                if (!index.TryGetValue(key, out var i))
                {
                    if (groups.Count == max)
                        continue;
                    index[key] = i = groups.Count;
                    groups.Add((key.Item1, key.Item2, reader.GetInt64(0), 0, [], []));
                }

                var g = groups[i];
                groups[i] = g with { Last = reader.GetInt64(0) };
                g.Operations.Add(reader.GetString(3));
                g.Columns.UnionWith(JsonSerializer.Deserialize<string[]>(reader.GetString(4)) ?? []);
            }
        }

        return groups.Select(g =>
        {
            var operation = g.Operations.Contains(OutboxOperations.Delete) ? SyncProtocol.Operations.Delete
                : g.Operations[0] == OutboxOperations.Insert ? SyncProtocol.Operations.Insert
                : SyncProtocol.Operations.Update;
            var (version, values) = ReadRow(g.Table, g.RowId, g.Columns);
            var mutation = new Mutation(g.Last, g.Table, Guid.Parse(g.RowId), operation, version,
                operation == SyncProtocol.Operations.Delete ? new Dictionary<string, string?>() : values);
            return new PendingMutation(mutation, g.First, g.Last);
        }).ToList();
    }

    /// <summary>Records the server's answer: the new version of accepted rows, the reason for refused ones; the outbox entries go.</summary>
    public void Record(IReadOnlyList<PendingMutation> pushed, PushResponse response) => store.Write(scope =>
    {
        var results = response.Results.ToDictionary(r => r.MutationId);
        foreach (var pending in pushed)
        {
            if (!results.TryGetValue(pending.Mutation.MutationId, out var result))
                continue;
            var m = pending.Mutation;
            if (result.Status == SyncProtocol.Results.Refused)
            {
                Execute(scope, "INSERT OR REPLACE INTO sync_refusals (mutation_id, table_name, row_id, reason, at) VALUES ($m, $t, $r, $why, $at)",
                    ("$m", m.MutationId), ("$t", m.Table), ("$r", m.RowId.ToString()), ("$why", result.Reason ?? ""), ("$at", store.Now()));
            }
            else if (SyncSchema.Find(m.Table) is not null)
            {
                Execute(scope, $"UPDATE {m.Table} SET version = $v WHERE id = $id", ("$v", result.Version), ("$id", m.RowId.ToString()));
            }

            Execute(scope, "DELETE FROM outbox WHERE table_name = $t AND row_id = $r AND seq <= $last",
                ("$t", m.Table), ("$r", m.RowId.ToString()), ("$last", pending.LastSeq));
        }

        return 0;
    });

    /// <summary>Applies one pulled page and moves the anchor past it, in one transaction.</summary>
    public (int Applied, int Removed) Apply(PullResponse page) => store.Write(scope =>
    {
        int applied = 0, removed = 0;
        foreach (var change in page.Changes)
        {
            if (!PulledTables.Contains(change.Table))
                continue;
            var id = change.RowId.ToString();
            if (change.Removed || change.Deleted)
            {
                Execute(scope, $"DELETE FROM {change.Table} WHERE id = $id", ("$id", id));
                Execute(scope, "DELETE FROM outbox WHERE table_name = $t AND row_id = $id", ("$t", change.Table), ("$id", id));
                removed += change.Removed ? 1 : 0;
                applied += change.Deleted && !change.Removed ? 1 : 0;
                continue;
            }

            Upsert(scope, change);
            applied++;
        }

        new MetaTable(store.Connection, scope.Transaction).Set(AnchorKey, page.NextAnchor.ToString(CultureInfo.InvariantCulture));
        return (applied, removed);
    });

    public void MarkSynced() => new MetaTable(store.Connection, null).Set(LastSyncKey, store.Now());

    /// <summary>Count and additive checksum of what this laptop holds from the server, to compare with the server's.</summary>
    public (long Count, uint Checksum) Scope()
    {
        var rows = new List<(string, Guid, long)>();
        foreach (var table in PulledTables)
        {
            using var command = store.Command($"SELECT id, version FROM {table} WHERE deleted = 0 AND version > 0");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add((table, Guid.Parse(reader.GetString(0)), reader.GetInt64(1)));
        }

        return (rows.Count, ScopeChecksum.Sum(rows));
    }

    /// <summary>Refusals the worker has not yet seen resolved: what the server would not take, and why.</summary>
    public IReadOnlyList<(long MutationId, string Table, string RowId, string Reason)> Refusals()
    {
        using var command = store.Command("SELECT mutation_id, table_name, row_id, reason FROM sync_refusals ORDER BY mutation_id");
        using var reader = command.ExecuteReader();
        var list = new List<(long, string, string, string)>();
        while (reader.Read())
            list.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return list;
    }

    private (long Version, Dictionary<string, string?> Values) ReadRow(string table, string rowId, IEnumerable<string> columns)
    {
        var wanted = columns.Where(c => Types(table).ContainsKey(c) && c is not ("id" or "version" or "updated_at" or "updated_by" or "deleted")).ToList();
        using var command = store.Command($"SELECT * FROM {table} WHERE id = $id");
        command.Parameters.AddWithValue("$id", rowId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return (0, wanted.ToDictionary(c => c, _ => (string?)null));
        var values = new Dictionary<string, string?>();
        foreach (var column in wanted)
        {
            var value = reader[column];
            values[column] = value switch
            {
                DBNull => null,
                byte[] sealedValue => store.Fields.Decrypt(sealedValue, table, column, rowId),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        return (reader.GetInt64(reader.GetOrdinal("version")), values);
    }

    private void Upsert(WriteScope scope, RowChange change)
    {
        var table = change.Table;
        var id = change.RowId.ToString();
        var types = Types(table);
        var pending = PendingColumns(scope, table, id);
        var columns = change.Columns.Keys.Where(c => types.ContainsKey(c) && !pending.Contains(c) && c is not ("id" or "version" or "updated_at" or "updated_by" or "deleted")).ToList();

        // A row with local edits not yet pushed keeps its old version: the push then carries the version
        // those edits were made on, and the server can tell a concurrent change from a stale one.
        var exists = Count(scope, $"SELECT count(*) FROM {table} WHERE id = $id", id) > 0;
        var sql = exists
            ? $"UPDATE {table} SET {string.Join("", columns.Select(c => $"{c} = ${c}, "))}updated_at = $updated_at, updated_by = $updated_by, deleted = 0{(pending.Count == 0 ? ", version = $version" : "")} WHERE id = $id"
            : $"INSERT INTO {table} (id, {string.Join("", columns.Select(c => c + ", "))}version, updated_at, updated_by, deleted) VALUES ($id, {string.Join("", columns.Select(c => "$" + c + ", "))}$version, $updated_at, $updated_by, 0)";
        using var command = scope.Command(sql);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$version", change.Version);
        command.Parameters.AddWithValue("$updated_at", RowReader.FormatInstant(change.UpdatedAt));
        command.Parameters.AddWithValue("$updated_by", change.UpdatedBy.ToString());
        foreach (var column in columns)
            command.Parameters.AddWithValue("$" + column, ToLocal(table, column, id, change.Columns[column], types[column]));
        command.ExecuteNonQuery();
    }

    private object ToLocal(string table, string column, string id, string? value, string type)
    {
        if (SecretColumns.IsSecret(table, column))
            return store.Fields.Encrypt(value ?? "", table, column, id);
        if (value is null)
            return DBNull.Value;
        return type == "INTEGER" ? long.Parse(value, CultureInfo.InvariantCulture) : value;
    }

    private HashSet<string> PendingColumns(WriteScope scope, string table, string id)
    {
        using var command = scope.Command("SELECT columns FROM outbox WHERE table_name = $t AND row_id = $id");
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>();
        while (reader.Read())
            columns.UnionWith(JsonSerializer.Deserialize<string[]>(reader.GetString(0)) ?? []);
        return columns;
    }

    private Dictionary<string, string> Types(string table)
    {
        if (_columnTypes.TryGetValue(table, out var types))
            return types;
        types = [];
        using (var command = store.Command($"SELECT name, type FROM pragma_table_info('{table}')"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                types[reader.GetString(0)] = reader.GetString(1);
        }

        return _columnTypes[table] = types;
    }

    private static long Count(WriteScope scope, string sql, string id)
    {
        using var command = scope.Command(sql);
        command.Parameters.AddWithValue("$id", id);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(WriteScope scope, string sql, params (string Name, object Value)[] args)
    {
        using var command = scope.Command(sql);
        foreach (var (name, value) in args)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
