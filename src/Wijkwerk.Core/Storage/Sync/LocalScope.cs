using System.Globalization;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// What this laptop holds from the server, row by row, with each row's value checksum computed from the
/// local values (sealed columns opened) exactly as the server computes it from the values it sends.
/// </summary>
internal sealed class LocalScope(LocalStore store)
{
    /// <summary>The tables a pull fills, parents before children (the order a re-push must keep).</summary>
    public static readonly IReadOnlyList<string> Tables = [.. SyncSchema.Tables.Select(t => t.Name), SyncProtocol.ConflictsTable];

    public readonly record struct Row(long Version, uint Sum);

    /// <summary>Every live row the server has taken (version above 0), by table and id, by its local values.</summary>
    public Dictionary<(string Table, Guid Id), Row> Rows()
    {
        var rows = new Dictionary<(string, Guid), Row>();
        foreach (var table in Tables)
        {
            foreach (var (id, row) in RowsOf(table))
                rows[(table, id)] = row;
        }

        return rows;
    }

    /// <summary>
    /// Count and sum of <see cref="Rows"/>, where a row kept different on purpose (a refused edit, see
    /// migration 4) counts with the server's checksum as long as its refusal stands and the row is unchanged.
    /// </summary>
    public (long Count, uint Checksum) Totals()
    {
        long count = 0;
        uint sum = 0;
        foreach (var share in Shares())
        {
            count++;
            sum = unchecked(sum + share.Sum);
        }

        return (count, sum);
    }

    /// <summary>Every row that counts in <see cref="Totals"/>, with the checksum it counts with.</summary>
    public IEnumerable<(string Table, string Id, uint Sum)> Shares()
    {
        var kept = Kept();
        var setAside = SetAside();
        foreach (var table in Tables)
        {
            foreach (var (id, row) in RowsOf(table))
            {
                if (setAside.Contains((table, id)))
                    continue; // an older copy: the set-aside row below stands for it
                yield return (table, id.ToString(), kept.TryGetValue((table, id), out var server) && server.Version == row.Version ? server.Sum : row.Sum);
            }
        }

        // A row set aside (this laptop could not store it) is the server's row all the same: it counts with
        // the server's checksum, so it does not make every sync re-read the whole scope.
        using var command = store.Command("SELECT table_name, row_id, checksum FROM sync_set_aside");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), reader.GetString(1), (uint)(reader.GetInt64(2) & uint.MaxValue));
    }

    private HashSet<(string, Guid)> SetAside()
    {
        using var command = store.Command("SELECT table_name, row_id FROM sync_set_aside");
        using var reader = command.ExecuteReader();
        var keys = new HashSet<(string, Guid)>();
        while (reader.Read())
            keys.Add((reader.GetString(0), Guid.Parse(reader.GetString(1))));
        return keys;
    }

    private Dictionary<(string, Guid), Row> Kept()
    {
        using var command = store.Command(
            "SELECT k.table_name, k.row_id, k.version, k.checksum FROM scope_kept k " +
            "WHERE EXISTS (SELECT 1 FROM sync_refusals r WHERE r.table_name = k.table_name AND r.row_id = k.row_id)");
        using var reader = command.ExecuteReader();
        var kept = new Dictionary<(string, Guid), Row>();
        while (reader.Read())
            kept[(reader.GetString(0), Guid.Parse(reader.GetString(1)))] = new Row(reader.GetInt64(2), (uint)reader.GetInt64(3));
        return kept;
    }

    private IEnumerable<(Guid Id, Row Row)> RowsOf(string table)
    {
        var columns = SyncSchema.ColumnsOf(table);
        using var command = store.Command($"SELECT id, version, {string.Join(", ", columns)} FROM {table} WHERE deleted = 0 AND version > 0");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new string?[columns.Count];
            var id = reader.GetString(0);
            for (var i = 0; i < columns.Count; i++)
                values[i] = ServerText(store, reader.GetValue(i + 2), table, columns[i], id);
            var version = reader.GetInt64(1);
            yield return (Guid.Parse(id), new Row(version, ScopeChecksum.Of(table, Guid.Parse(id), version, values)));
        }
    }

    /// <summary>A stored value as the text the server holds: sealed text opened, numbers in invariant form.</summary>
    public static string? ServerText(LocalStore store, object value, string table, string column, string id) => value switch
    {
        DBNull => null,
        byte[] sealedValue => store.Fields.Decrypt(sealedValue, table, column, id),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
