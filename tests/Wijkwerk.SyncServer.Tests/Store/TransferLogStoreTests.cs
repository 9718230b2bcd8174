using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// Many pulls at once have their transfers logged together (GroupCommit), on both stores: still every pull's rows are in
/// the log, with the device, worker and counts of that pull, by the time the pull has its page.
/// </summary>
public abstract class TransferLogStoreTests(StoreKind kind) : StoreTest(kind)
{
    [Fact]
    public async Task PullsAtOnce_EachFindItsTransfersLogged_WhenItHasItsPage()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        var devices = new List<DeviceSession>();
        for (var i = 0; i < 12; i++)
        {
            await store.AddWorkerAsync($"Verpleegkundige {i}", Role.Nurse, "Noord", Now);
            devices.Add(await StoreDevices.Enrol(store, $"Verpleegkundige {i}", Now));
        }

        var clients = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var pushed = await store.PushAsync(devices[0], [.. clients.Select((c, i) => new Mutation(i + 1, "clients", c, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()))], Now);
        Assert.All(pushed, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));

        // Each on a thread of its own, as requests come; each checks the log the moment its page is there.
        var logged = await Task.WhenAll(devices.Select(device => Task.Run(async () =>
        {
            var page = await store.PullAsync(device, 0, 100, Now);
            var rows = await Kind.CountAsync($"SELECT count(*) FROM {Kind.TransferEntries} WHERE device_id = '{device.DeviceId:D}' AND worker_id = '{device.WorkerId:D}' AND row_count = 1;");
            return (Delivered: page.Changes.Count, Logged: rows);
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(logged, l => Assert.Equal((3, 3L), (l.Delivered, l.Logged)));
        Assert.Equal(devices.Count * clients.Count, await Kind.CountAsync($"SELECT count(*) FROM {Kind.TransferEntries};"));
        // On PostgreSQL each pull is one row with its clients, and 'transfers' holds none.
        Assert.Equal(Kind is PostgresKind ? (devices.Count, 0L) : (0L, devices.Count * clients.Count),
            (await Batches(), await Kind.CountAsync("SELECT count(*) FROM transfers;")));
    }

    [Fact]
    public async Task AStoreFromBefore_LogsEachClientAsARow_UntilTheUpdateIsFinished_AndTheClientsLogAndRetentionReadBothForms()
    {
        var older = await Kind.OpenAsync();
        await older.AddTeamAsync("Noord", Now);
        await older.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await older.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        var anna = await StoreDevices.Enrol(older, "Anna", Now);
        var bram = await StoreDevices.Enrol(older, "Bram", Now);
        // Three clients, the second with a signal too and the third with two: each client's count is its own.
        var clients = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var mutations = clients.Select((c, i) => new Mutation(i + 1, "clients", c, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns())).ToList();
        foreach (var (client, at) in new[] { (clients[1], 4), (clients[2], 5), (clients[2], 6) })
            mutations.Add(new Mutation(at, "signals", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.SignalColumns(client)));
        Assert.All(await older.PushAsync(anna, mutations, Now), r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        // As the release before left the store: it named no form for the log, which was a row for each client of a pull.
        await Kind.ExecAsync("DELETE FROM store_settings WHERE name = 'transfer_log';");
        var updated = await Kind.OpenAsync();

        await updated.PullAsync(anna, 0, 100, Now);
        Assert.Equal((0L, 3L), (await Batches(), await Kind.CountAsync("SELECT count(*) FROM transfers;")));
        Assert.True(await (await Kind.OpenAsync()).FinishUpdateAsync());
        Assert.False(await (await Kind.OpenAsync()).FinishUpdateAsync());
        var dayBefore = Now.AddDays(-1);
        await updated.PullAsync(bram, 0, 100, dayBefore);

        Assert.Equal(Kind is PostgresKind ? (1L, 3L) : (0L, 6L), (await Batches(), await Kind.CountAsync("SELECT count(*) FROM transfers;")));
        for (var i = 0; i < clients.Count; i++)
        {
            var rows = $"rows={i + 1}";
            Assert.Equal([(dayBefore, bram.DeviceId, rows), (Now, anna.DeviceId, rows)],
                (await updated.ClientAuditAsync(clients[i])).Where(e => e.Type == "Transfer").Select(e => (e.At, e.DeviceId, e.Detail)));
        }

        var cut = Now.AddHours(-1);
        Assert.Equal(new AuditCount(0, 3), await updated.CountAuditBeforeAsync(cut));
        Assert.Equal(new AuditCount(0, 3), await updated.PurgeAuditBeforeAsync(cut));
        Assert.Equal((0L, 3L), (await Batches(), await Kind.CountAsync($"SELECT count(*) FROM {Kind.TransferEntries};")));
        Assert.Equal([anna.DeviceId], (await updated.ClientAuditAsync(clients[2])).Where(e => e.Type == "Transfer").Select(e => e.DeviceId));
    }

    /// <summary>Pulls logged as one row each; SQLite has no such rows.</summary>
    private Task<long> Batches() => Kind is PostgresKind ? Kind.CountAsync("SELECT count(*) FROM transfer_batches;") : Task.FromResult(0L);

    public sealed class OnSqlite() : TransferLogStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : TransferLogStoreTests(new PostgresKind(cluster));
}
