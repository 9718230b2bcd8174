using Microsoft.Data.Sqlite;

namespace Wijkwerk.Core.Storage;

/// <summary>Writes rows of any synced table, reusing one prepared statement per table and column set.</summary>
internal sealed class RowWriter(WriteScope scope) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public void Upsert(TableRow row, string now, string updatedBy)
    {
        var columns = row.Columns.ToList();
        var sql = $"INSERT INTO {row.Table} (id, {string.Join(", ", columns)}, updated_at, updated_by, deleted) " +
                  $"VALUES ($id, {string.Join(", ", columns.Select(c => "$" + c))}, $updated_at, $updated_by, 0) " +
                  $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = excluded.{c}"))}, " +
                  "updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted = 0";
        var command = Prepared(sql, columns.Prepend("id").Append("updated_at").Append("updated_by"));
        command.Parameters["$id"].Value = row.Id;
        foreach (var column in columns)
        {
            var value = row[column];
            command.Parameters["$" + column].Value = row.IsSecret(column)
                ? scope.Seal(row.Table, column, row.Id, (string)value!)
                : value ?? DBNull.Value;
        }

        command.Parameters["$updated_at"].Value = now;
        command.Parameters["$updated_by"].Value = updatedBy;
        command.ExecuteNonQuery();
    }

    /// <summary>A delete is a tombstone: the row stays so the deletion itself can be synced.</summary>
    public int MarkDeleted(string table, string id, string now, string updatedBy)
    {
        var command = Prepared($"UPDATE {table} SET deleted = 1, updated_at = $updated_at, updated_by = $updated_by WHERE id = $id AND deleted = 0", ["id", "updated_at", "updated_by"]);
        command.Parameters["$id"].Value = id;
        command.Parameters["$updated_at"].Value = now;
        command.Parameters["$updated_by"].Value = updatedBy;
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
            command.Dispose();
    }

    private SqliteCommand Prepared(string sql, IEnumerable<string> parameters)
    {
        if (_prepared.TryGetValue(sql, out var command))
            return command;
        command = scope.Command(sql);
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + name });
        command.Prepare();
        _prepared[sql] = command;
        return command;
    }
}
