using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Security;

namespace Wijkwerk.Core.Storage;

/// <summary>Key/value facts about the store: its id, the sealed data key, who works with it.</summary>
internal sealed class MetaTable
{
    /// <summary>Names the derivation; a store made before version 17 may name none, and was sealed under PBKDF2.</summary>
    private const string DerivationKey = "kdf";
    private const string Argon2idName = "argon2id";
    private const string Pbkdf2Name = "pbkdf2-sha256";

    /// <summary>Every derivation's settings: a seal under one kind leaves none of another behind.</summary>
    private static readonly string[] DerivationKeys = [DerivationKey, "kdf_memory_kib", "kdf_passes", "kdf_iterations"];

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
        foreach (var setting in DerivationKeys)
            Delete(setting);
        switch (key.Derivation)
        {
            case Argon2idSettings argon2id:
                Set(DerivationKey, Argon2idName);
                Set("kdf_memory_kib", Text(argon2id.MemoryKib));
                Set("kdf_passes", Text(argon2id.Passes));
                break;
            case Pbkdf2Settings pbkdf2:
                Set(DerivationKey, Pbkdf2Name);
                Set("kdf_iterations", Text(pbkdf2.Iterations));
                break;
            default:
                throw new ArgumentException($"No stored form for {key.Derivation}.", nameof(key));
        }

        Set("wrapped_key", key.WrappedKey);
    }

    /// <exception cref="FormatException">A salt not of <see cref="KeyDerivation.SaltBytes"/>, a derivation this version does not know, or a setting that is not a number.</exception>
    public SealedKey GetSealedKey() =>
        GetBlob("kdf_salt") is { Length: KeyDerivation.SaltBytes } salt
            ? new(salt, GetDerivation(), GetBlob("wrapped_key"))
            : throw new FormatException($"The store's salt is not {KeyDerivation.SaltBytes} bytes long.");

    private KeyDerivationSettings GetDerivation() => (Get(DerivationKey) ?? Pbkdf2Name) switch
    {
        Argon2idName => new Argon2idSettings(Number("kdf_memory_kib"), Number("kdf_passes")),
        Pbkdf2Name => new Pbkdf2Settings(Number("kdf_iterations")),
        _ => throw new FormatException("The store names a key derivation this version does not know."),
    };

    private void Delete(string key)
    {
        using var command = _command("DELETE FROM meta WHERE key = $key");
        command.Parameters.AddWithValue("$key", key);
        command.ExecuteNonQuery();
    }

    private int Number(string key) => int.TryParse(GetText(key), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        ? number
        : throw new FormatException($"The store's '{key}' is not a whole number.");

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static SqliteException Missing(string key) => new($"The store's meta table lacks '{key}'.", 11);
}
