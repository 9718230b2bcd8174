namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Half-typed forms, kept as the worker types so a killed program loses nothing. Sealed like any
/// other client text; never synced, because a draft is not yet a record.
/// </summary>
public sealed class DraftRepository(LocalStore store)
{
    private const string Table = "drafts";

    public void Save(string key, string body)
    {
        using var command = store.Command(
            "INSERT INTO drafts (key, body, updated_at) VALUES ($k, $b, $at) ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at");
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$b", store.Fields.Encrypt(body, Table, "body", key));
        command.Parameters.AddWithValue("$at", store.Now());
        command.ExecuteNonQuery();
    }

    public string? Load(string key)
    {
        using var command = store.Command("SELECT body FROM drafts WHERE key = $k");
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() is byte[] sealedBody ? store.Fields.Decrypt(sealedBody, Table, "body", key) : null;
    }

    public IReadOnlyList<string> Keys()
    {
        using var command = store.Command("SELECT key FROM drafts ORDER BY updated_at DESC");
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
            keys.Add(reader.GetString(0));
        return keys;
    }

    public void Delete(string key)
    {
        using var command = store.Command("DELETE FROM drafts WHERE key = $k");
        command.Parameters.AddWithValue("$k", key);
        command.ExecuteNonQuery();
    }
}
