using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Security;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>How a store's data key is sealed: under Argon2id when made, and stores an earlier version sealed under PBKDF2.</summary>
public class StoreKeyDerivationTests
{
    [Fact]
    public void Create_SealsTheKeyUnderArgon2id_AtOwaspsMinimum()
    {
        using var temp = new TempStore();
        temp.Close();

        var meta = Meta(temp);
        Assert.Equal("argon2id", meta["kdf"]);
        Assert.True(int.Parse(meta["kdf_memory_kib"], CultureInfo.InvariantCulture) >= 19 * 1024);
        Assert.True(int.Parse(meta["kdf_passes"], CultureInfo.InvariantCulture) >= 2);
        Assert.False(meta.ContainsKey("kdf_iterations"));
        temp.Reopen();
    }

    [Fact]
    public void Open_StoreAnEarlierVersionSealedUnderPbkdf2_OpensWithItsPassphrase_AndIsSealedAgainUnderArgon2id()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var oldSeal = SealAsAnEarlierVersionDid(temp);
        var before = TempStore.Hash(temp.PathToStore);

        var refused = Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, "not the passphrase", temp.Clock));
        Assert.Equal(StoreProblem.WrongPassphrase, refused.Problem);
        Assert.Equal(before, TempStore.Hash(temp.PathToStore));

        Assert.Equal(client, Assert.Single(temp.Reopen().Clients.Search()));
        // While the store is open, as a crash would leave it: the seal under PBKDF2 is in neither file.
        foreach (var file in new[] { temp.PathToStore, temp.PathToStore + "-wal" }.Where(File.Exists))
            Assert.False(File.ReadAllBytes(file).AsSpan().IndexOf(oldSeal) >= 0, $"the seal under PBKDF2 lingers in {Path.GetFileName(file)}");
        temp.Close();
        var meta = Meta(temp);
        Assert.Equal("argon2id", meta["kdf"]);
        Assert.False(meta.ContainsKey("kdf_iterations"));
        Assert.Equal(Migrations.LatestVersion, temp.Count("PRAGMA user_version"));

        Assert.Equal(client, Assert.Single(temp.Reopen().Clients.Search()));
        Assert.Equal(StoreProblem.WrongPassphrase, Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, "not the passphrase", temp.Clock)).Problem);
    }

    [Theory]
    [InlineData("UPDATE meta SET value = 'scrypt' WHERE key = 'kdf'")]
    [InlineData("UPDATE meta SET value = X'01' WHERE key = 'kdf'")]
    [InlineData("UPDATE meta SET value = '1024' WHERE key = 'kdf_memory_kib'")]
    [InlineData("UPDATE meta SET value = '524288' WHERE key = 'kdf_memory_kib'")]
    [InlineData("DELETE FROM meta WHERE key = 'kdf_memory_kib'")]
    [InlineData("UPDATE meta SET value = '11' WHERE key = 'kdf_passes'")]
    [InlineData("UPDATE meta SET value = 'twee' WHERE key = 'kdf_passes'")]
    [InlineData("UPDATE meta SET value = '99999999999' WHERE key = 'kdf_passes'")]
    [InlineData("UPDATE meta SET value = X'0001020304050607' WHERE key = 'kdf_salt'")]
    [InlineData("UPDATE meta SET value = 'pbkdf2-sha256' WHERE key = 'kdf'; INSERT INTO meta (key, value) VALUES ('kdf_iterations', '60000000')")]
    public void Open_KeyDerivationNoVersionWrote_RefusedAsDamaged_FileUnchanged(string tampering)
    {
        using var temp = new TempStore();
        temp.Close();
        temp.Execute(tampering);
        var before = TempStore.Hash(temp.PathToStore);

        var e = Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, TempStore.Passphrase, temp.Clock));

        Assert.Equal(StoreProblem.Damaged, e.Problem);
        Assert.Equal(before, TempStore.Hash(temp.PathToStore));
    }

    /// <summary>Another program changed the passphrase after this one opened the old seal: the new seal stays.</summary>
    [Fact]
    public void SealAgain_AfterTheSealChangedSinceItWasOpened_LeavesTheNewSeal()
    {
        using var temp = new TempStore();
        using var keys = temp.Store.CopyKeys();
        var opened = Pbkdf2Seal(keys, temp, TempStore.Passphrase);
        var changed = Pbkdf2Seal(keys, temp, "a brand new passphrase");
        using var connection = temp.Raw();
        Write(connection, changed);

        LocalStore.SealAgain(connection, keys, TempStore.Passphrase, temp.Store.StoreId, opened);
        Assert.Equal(changed.WrappedKey, new MetaTable(connection, null).GetSealedKey().WrappedKey);

        LocalStore.SealAgain(connection, keys, "a brand new passphrase", temp.Store.StoreId, changed);
        Assert.IsType<Argon2idSettings>(new MetaTable(connection, null).GetSealedKey().Derivation);
        temp.Close();
        temp.Reopen("a brand new passphrase");
    }

    [Fact]
    public void ChangePassphrase_OfAStoreStillSealedUnderPbkdf2_SealsUnderArgon2id()
    {
        using var temp = new TempStore();
        using (var keys = temp.Store.CopyKeys())
        using (var connection = temp.Raw())
            Write(connection, Pbkdf2Seal(keys, temp, TempStore.Passphrase));

        Assert.Equal("pbkdf2-sha256", Meta(temp)["kdf"]);
        temp.Store.ChangePassphrase(TempStore.Passphrase, "a brand new passphrase");
        temp.Close();

        Assert.Equal("argon2id", Meta(temp)["kdf"]);
        temp.Reopen("a brand new passphrase");
    }

    /// <summary>
    /// Closes the store and gives it the meta table and version of a store made before Argon2id: its data key sealed under
    /// PBKDF2-SHA256 at 600,000 iterations, and no name for the derivation.
    /// </summary>
    /// <returns>That seal's wrapped key.</returns>
    private static byte[] SealAsAnEarlierVersionDid(TempStore temp)
    {
        SealedKey sealedKey;
        using (var keys = temp.Store.CopyKeys())
            sealedKey = Pbkdf2Seal(keys, temp, TempStore.Passphrase);
        temp.Close();
        using var connection = temp.Raw();
        using var command = new SqliteCommand(
            "DELETE FROM meta WHERE key IN ('kdf', 'kdf_memory_kib', 'kdf_passes'); " +
            "INSERT INTO meta (key, value) VALUES ('kdf_iterations', '600000'); " +
            "UPDATE meta SET value = $salt WHERE key = 'kdf_salt'; UPDATE meta SET value = $wrapped WHERE key = 'wrapped_key'; " +
            $"PRAGMA user_version = {Migrations.LatestVersion - 1};", connection);
        command.Parameters.AddWithValue("$salt", sealedKey.Salt);
        command.Parameters.AddWithValue("$wrapped", sealedKey.WrappedKey);
        command.ExecuteNonQuery();
        return sealedKey.WrappedKey;
    }

    /// <summary>The store's data key sealed under PBKDF2-SHA256 at 600,000 iterations, as an earlier version sealed it.</summary>
    private static SealedKey Pbkdf2Seal(KeyRing keys, TempStore temp, string passphrase) =>
        keys.Seal(passphrase, temp.Store.StoreId, new Pbkdf2Settings(Pbkdf2Settings.MinimumIterations));

    /// <summary>Writes <paramref name="sealedKey"/> into the meta table behind the open store's back, as another program would.</summary>
    private static void Write(SqliteConnection connection, SealedKey sealedKey)
    {
        using var tx = connection.BeginTransaction();
        new MetaTable(connection, tx).SetSealedKey(sealedKey);
        tx.Commit();
    }

    private static Dictionary<string, string> Meta(TempStore temp)
    {
        using var connection = temp.Raw();
        using var command = new SqliteCommand("SELECT key, value FROM meta WHERE key LIKE 'kdf%'", connection);
        using var reader = command.ExecuteReader();
        var meta = new Dictionary<string, string>();
        while (reader.Read())
            meta[reader.GetString(0)] = reader.GetValue(1) is string text ? text : Convert.ToHexString((byte[])reader.GetValue(1));
        return meta;
    }
}
