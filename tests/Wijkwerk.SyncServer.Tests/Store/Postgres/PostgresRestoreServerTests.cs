using Npgsql;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// The pg_dump/pg_restore route end to end with the real programs: <c>wijkwerk-server serve --store postgres</c> and its
/// admin commands on a database, real laptops syncing over HTTP, a dump, more work after it, the dump restored into a new
/// database of a fresh cluster (ids far below the first one's), the server started on it, and the laptops syncing on.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestoreServerTests(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly PostgresCluster _fresh = new();

    public Task InitializeAsync() => _fresh.InitializeAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _fresh.DisposeAsync();
    }

    [Fact]
    public async Task ServerOnARestoredDump_LaptopsSyncOn_NoClientIsLost_TheirWorkAfterTheDumpComesBack()
    {
        var original = await cluster.CreateDatabaseAsync();
        await Admin(original, "team", "add", "Noord");
        await Admin(original, "user", "add", "--team", "Noord", "--name", "Anna", "--role", "nurse");
        await Admin(original, "user", "add", "--team", "Noord", "--name", "Bram", "--role", "nurse");
        await BurnTransactionIds(original, 2_000);
        string dump;
        Guid known, lostByAnna, lostByBram;
        ServerLaptop anna, bram;
        await using (var lost = await ServerProgram.Running.StartWith(Store(original)))
        {
            anna = await ServerLaptop.Enrol(lost.Address, await Code(original, "Anna"));
            bram = await ServerLaptop.Enrol(lost.Address, await Code(original, "Bram"));
            known = anna.NewClient("Geertje").Id.Value;
            await anna.Sync(lost.Address);
            await bram.Sync(lost.Address);
            dump = await cluster.DumpAsync(original);

            // Written after the dump: the restore loses all of it. Only Bram holds his own client.
            lostByAnna = anna.NewClient("Hendrik").Id.Value;
            anna.Store.Clients.Update(anna.Clients().Single(c => c.Id.Value == known) with { Notes = "Na de dump geschreven" });
            await anna.Sync(lost.Address);
            lostByBram = bram.NewClient("Ineke").Id.Value;
            await bram.Sync(lost.Address);
        }

        using (anna)
        using (bram)
        {
            var restored = await _fresh.RestoreAsync(dump);
            await using var server = await ServerProgram.Running.StartWith(Store(restored));
            var afterRestore = Enumerable.Range(0, 3).Select(i => anna.NewClient("Na" + i).Id.Value).ToList();
            var annaRepair = await anna.Sync(server.Address);
            var bramRepair = await bram.Sync(server.Address);
            var annaAgain = await anna.Sync(server.Address);
            using var fresh = await ServerLaptop.Enrol(server.Address, await Code(restored, "Bram"));
            var first = await fresh.Sync(server.Address);

            var everyClient = new[] { known, lostByAnna, lostByBram }.Concat(afterRestore).Order().ToList();
            Assert.Equal(2, annaRepair.Repair?.Requeued);
            Assert.Equal(1, bramRepair.Repair?.Requeued);
            Assert.All(new[] { annaRepair, bramRepair, annaAgain, first, await bram.Sync(server.Address) }, r => Assert.True(r.Converged));
            foreach (var laptop in new[] { anna, bram, fresh })
            {
                Assert.Equal(everyClient, laptop.Clients().Select(c => c.Id.Value).Order().ToList());
                Assert.Equal("Na de dump geschreven", laptop.Clients().Single(c => c.Id.Value == known).Notes);
            }
        }
    }

    private static string[] Store(string connection) => ["--store", "postgres", "--connection", connection];

    private static async Task Admin(string connection, params string[] args)
    {
        var outcome = await ServerProgram.Run(["admin", .. args, .. Store(connection)]);
        Assert.True(outcome.ExitCode == 0, $"admin {string.Join(' ', args)} failed ({outcome.ExitCode}): {outcome.Error}");
    }

    private static async Task<string> Code(string connection, string user)
    {
        var outcome = await ServerProgram.Run(["admin", "device", "enroll", "--user", user, .. Store(connection)]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        return outcome.LastLine.Trim();
    }

    /// <summary>Moves the first cluster's transaction counter on, as the other work of a real cluster does.</summary>
    private static async Task BurnTransactionIds(string connection, int count)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_current_xact_id();", db);
        for (var i = 0; i < count; i++)
            await cmd.ExecuteScalarAsync();
    }
}
