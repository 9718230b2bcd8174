using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Security;

namespace Wijkwerk.Core.Storage;

/// <summary>Key/value facts about the store: its id, the sealed data key, who works with it.</summary>
internal sealed class MetaTable
{
    private readonly Func<string, SqliteCommand> _command;

    /// <summary>While a store file is created or checked, before there is a store.</summary>
    public MetaTable(SqliteConnection connection, SqliteTransaction? tx) => _command = sql => new SqliteCommand(sql, connection, tx);

    /// <summary>Through the open store's kept commands: a sync reads and sets its anchor and settings every time.</summary>
    public MetaTable(LocalStore store, SqliteTransaction? tx) => _command = sql => store.Command(sql, tx);

    public void Set(string key, object value)
    {
        using var command = _command("INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public object? Get(string key)
    {
        using var command = _command("SELECT value FROM meta WHERE key = $key");
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar();
    }

    public string GetText(string key) => Get(key) as string ?? throw Missing(key);

    public byte[] GetBlob(string key) => Get(key) as byte[] ?? throw Missing(key);

    public void SetSealedKey(SealedKey key)
    {
        Set("kdf_salt", key.Salt);
        Set("kdf_iterations", key.Iterations.ToString(CultureInfo.InvariantCulture));
        Set("wrapped_key", key.WrappedKey);
    }

    public SealedKey GetSealedKey() =>
        new(GetBlob("kdf_salt"), int.Parse(GetText("kdf_iterations"), CultureInfo.InvariantCulture), GetBlob("wrapped_key"));

    private static SqliteException Missing(string key) => new($"The store's meta table lacks '{key}'.", 11);
}
