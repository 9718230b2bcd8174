using Microsoft.Data.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Admin;

/// <summary>
/// Issue 15: <c>admin store finish-update</c> through the real program: a store from before the grouped column stamps
/// switches once and says so; a new store is already there; a store that does not exist is named, not created.
/// </summary>
public sealed class StoreAdminCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-store-admin-").FullName;

    private string Db => Path.Combine(_folder, "server.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<ServerProgram.Outcome> Run(params string[] args) => await ServerProgram.Run([.. args, "--db", Db]);

    private string? Setting() => ServerStore.Text(Db, "SELECT value FROM store_settings WHERE name = 'column_stamps'");

    [Fact]
    public async Task AStoreFromBefore_IsSwitchedOnce_OnlyAfterAnInstanceOfThisReleaseOpenedIt_ANewStoreNeedsNothing()
    {
        Assert.Equal(0, (await Run("admin", "team", "add", "Noord")).ExitCode);
        Assert.Equal("grouped", Setting());
        Assert.Contains("al in de nieuwste vorm", (await Run("admin", "store", "finish-update")).LastLine);
        // The store as the release before left it: without migration 15 and its table, nor any migration after it.
        using (var db = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "DROP TABLE store_settings; DELETE FROM schema_migrations WHERE number >= 15;";
            cmd.ExecuteNonQuery();
        }

        var upgrading = await Run("admin", "store", "finish-update");
        var finished = await Run("admin", "store", "finish-update");
        var again = await Run("admin", "store", "finish-update");

        Assert.NotEqual(0, upgrading.ExitCode);
        Assert.Contains("heeft de opslag zojuist zelf bijgewerkt", upgrading.Error);
        Assert.Equal((0, 0), (finished.ExitCode, again.ExitCode));
        Assert.Contains($"De update is afgerond voor SQLite-bestand '{Db}': kolomstempels worden voortaan per groep geschreven", finished.Out);
        Assert.Equal("grouped", Setting());
        Assert.Contains("er is niets veranderd", again.Out);
    }

    [Fact]
    public async Task AMissingStore_IsNamed_AndNotCreated()
    {
        var outcome = await Run("admin", "store", "finish-update");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains(Db, outcome.Error);
        Assert.False(File.Exists(Db));
    }
}
