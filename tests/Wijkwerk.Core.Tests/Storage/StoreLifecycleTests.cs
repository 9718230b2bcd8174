using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

public class StoreLifecycleTests
{
    [Fact]
    public void Create_EmptyFolder_MigratesToLatestInWalMode()
    {
        using var temp = new TempStore();
        temp.Close();
        Assert.Equal(Migrations.LatestVersion, temp.Count("PRAGMA user_version"));
        using var connection = temp.Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
        Assert.False(File.Exists(temp.PathToStore + ".creating"));
        Assert.Equal(16384, temp.Count("PRAGMA page_size"));
    }

    /// <summary>
    /// A store made before new stores took larger pages: it keeps its own, and what it holds, as it is used on, and copies
    /// its log back at SQLite's default 1,000 pages as before.
    /// </summary>
    [Fact]
    public void Open_StoreWithSqlitesDefaultPages_KeepsThemAndItsRows()
    {
        using var temp = new TempStore();
        var before = temp.NewClient("Anna");
        temp.Store.Clients.Add(before);
        temp.Close();
        temp.Execute("PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM; PRAGMA journal_mode=WAL;");
        Assert.Equal(4096, temp.Count("PRAGMA page_size"));

        var after = temp.NewClient("Piet", "Jansen");
        temp.Reopen().Clients.Add(after);
        var reopened = temp.Reopen();
        using (var autoCheckpoint = new SqliteCommand("PRAGMA wal_autocheckpoint", reopened.Connection))
            Assert.Equal(1000L, autoCheckpoint.ExecuteScalar());

        Assert.Equal(new[] { before.Id, after.Id }.OrderBy(id => id.Value), reopened.Clients.Search().Select(c => c.Id).OrderBy(id => id.Value));
        temp.Close();
        Assert.Equal(4096, temp.Count("PRAGMA page_size"));
        using var connection = temp.Raw();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }

    [Fact]
    public void Reopen_AfterWrites_KeepsClientAndIdentity()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);

        var reopened = temp.Reopen();

        Assert.Equal(client, Assert.Single(reopened.Clients.Search()));
        Assert.Equal(TempStore.Identity, reopened.Identity);
    }

    [Fact]
    public void Open_WrongPassphrase_RefusedAndFileUnchanged()
    {
        using var temp = new TempStore();
        temp.Store.Clients.Add(temp.NewClient());
        temp.Close();
        var before = TempStore.Hash(temp.PathToStore);

        var e = Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, "not the passphrase", temp.Clock));

        Assert.Equal(StoreProblem.WrongPassphrase, e.Problem);
        Assert.Equal(before, TempStore.Hash(temp.PathToStore));
        Assert.Contains("wachtwoordzin klopt niet", e.Describe(Localization.Lang.Nl));
        temp.Reopen();
    }

    [Fact]
    public void Open_NewerSchema_RefusedAndFileUnchanged()
    {
        using var temp = new TempStore();
        temp.Close();
        temp.Execute($"PRAGMA user_version = {Migrations.LatestVersion + 1}");
        var before = TempStore.Hash(temp.PathToStore);

        var e = Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, TempStore.Passphrase, temp.Clock));

        Assert.Equal(StoreProblem.NewerSchema, e.Problem);
        Assert.Contains("newer Wijkwerk", e.Message);
        Assert.Equal(before, TempStore.Hash(temp.PathToStore));
        temp.Execute($"PRAGMA user_version = {Migrations.LatestVersion}");
        temp.Reopen();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(10 * 1024 * 1024)]
    public void Open_GarbageFile_RefusedAsDamagedAndUnchanged(int size)
    {
        var folder = Directory.CreateTempSubdirectory("wijkwerk-garbage-").FullName;
        try
        {
            var path = Path.Combine(folder, "wijkwerk.db");
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(size));
            var before = TempStore.Hash(path);

            var e = Assert.Throws<StoreException>(() => LocalStore.Open(path, TempStore.Passphrase, new FakeClock()));

            Assert.Equal(StoreProblem.Damaged, e.Problem);
            Assert.Equal(before, TempStore.Hash(path));
            Assert.Equal(["wijkwerk.db"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Open_TruncatedStore_RefusedAsDamaged()
    {
        using var temp = new TempStore();
        temp.Store.Demo();
        temp.Close();
        var bytes = File.ReadAllBytes(temp.PathToStore);
        File.WriteAllBytes(temp.PathToStore, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, TempStore.Passphrase, temp.Clock));

        Assert.Equal(StoreProblem.Damaged, e.Problem);
        File.WriteAllBytes(temp.PathToStore, bytes);
        temp.Reopen();
    }

    [Fact]
    public void ChangePassphrase_RewrapsKeyOnly_RowsUntouched()
    {
        using var temp = new TempStore();
        temp.Store.Clients.Add(temp.NewClient());
        var sealedBefore = temp.Raw().Blob("SELECT first_name FROM clients");

        temp.Store.ChangePassphrase(TempStore.Passphrase, "a brand new passphrase");
        temp.Close();

        Assert.Equal(sealedBefore, temp.Raw().Blob("SELECT first_name FROM clients"));
        Assert.Throws<StoreException>(() => LocalStore.Open(temp.PathToStore, TempStore.Passphrase, temp.Clock));
        Assert.Single(temp.Reopen("a brand new passphrase").Clients.Search());
    }

    [Fact]
    public void ChangePassphrase_WrongCurrent_RefusedAndOldStillWorks()
    {
        using var temp = new TempStore();
        var e = Assert.Throws<StoreException>(() => temp.Store.ChangePassphrase("wrong passphrase", "another passphrase"));
        Assert.Equal(StoreProblem.WrongPassphrase, e.Problem);
        temp.Reopen();
    }
}

internal static class RawConnectionExtensions
{
    public static byte[] Blob(this SqliteConnection connection, string sql)
    {
        using (connection)
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            return (byte[])command.ExecuteScalar()!;
        }
    }
}

internal static class DemoExtensions
{
    public static void Demo(this LocalStore store, int clients = 30) => Wijkwerk.Demo.DemoData.Fill(store, clients);
}
