namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// The server's reasons for the rows of some tables that it refused and that still stand, read in one query so a
/// screen can show each row with its reason; a row refused twice keeps the latest.
/// </summary>
public static class RefusalReasons
{
    public static Dictionary<(string Table, Guid RowId), string> Of(LocalStore store, params string[] tables)
    {
        using var command = store.Command($"SELECT table_name, row_id, reason FROM sync_refusals WHERE table_name IN ({string.Join(", ", tables.Select((_, i) => "$t" + i))}) ORDER BY mutation_id");
        for (var i = 0; i < tables.Length; i++)
            command.Parameters.AddWithValue("$t" + i, tables[i]);
        using var reader = command.ExecuteReader();
        var reasons = new Dictionary<(string, Guid), string>();
        while (reader.Read())
        {
            if (Guid.TryParse(reader.GetString(1), out var row))
                reasons[(reader.GetString(0), row)] = reader.GetString(2);
        }

        return reasons;
    }
}
