using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// Many pulls at once have their transfers logged together (GroupCommit), on both stores: still every pull's rows are in
/// the log, with the device, worker and counts of that pull, by the time the pull has its page. On PostgreSQL a pull is one
/// row of <c>transfer_batches</c>, and the rows of <c>transfers</c> an older release logged are read beside them.
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
    public async Task RowsAnOlderReleaseLogged_AndPullsLoggedNow_AreBothInTheClientsLog_AndRetentionCountsAndPurgesBoth()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        var anna = await StoreDevices.Enrol(store, "Anna", Now);
        var bram = await StoreDevices.Enrol(store, "Bram", Now);
        // Three clients, the second with a signal too and the third with two: each client's count is its own.
        var clients = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var mutations = clients.Select((c, i) => new Mutation(i + 1, "clients", c, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns())).ToList();
        foreach (var (client, id) in new[] { (clients[1], 4), (clients[2], 5), (clients[2], 6) })
            mutations.Add(new Mutation(id, "signals", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.SignalColumns(client)));
        Assert.All(await store.PushAsync(anna, mutations, Now), r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        // Anna's pull as a release that wrote a row of 'transfers' for each client logged it, the day before.
        var dayBefore = Now.AddDays(-1);
        await Kind.ExecAsync(string.Join(";", clients.Select((c, i) =>
            $"INSERT INTO transfers(device_id, worker_id, client_id, row_count, at) VALUES ('{anna.DeviceId:D}', '{anna.WorkerId:D}', '{c:D}', {i + 1}, '{InstantText.Write(dayBefore)}')")));

        Assert.Equal(3, (await store.PullAsync(bram, 0, 100, Now)).Changes.Count(c => c.Table == "clients"));

        Assert.Equal(Kind is PostgresKind ? (1L, 3L) : (0L, 6L), (await Batches(), await Kind.CountAsync("SELECT count(*) FROM transfers;")));
        for (var i = 0; i < clients.Count; i++)
        {
            var rows = $"rows={i + 1}";
            Assert.Equal([(dayBefore, anna.DeviceId, rows), (Now, bram.DeviceId, rows)],
                (await store.ClientAuditAsync(clients[i])).Where(e => e.Type == "Transfer").Select(e => (e.At, e.DeviceId, e.Detail)));
        }

        // Before a cut after both pulls: every entry in either form; before one between them: the older rows only.
        Assert.Equal(new AuditCount(0, 6), await store.CountAuditBeforeAsync(Now.AddHours(1)));
        Assert.Equal(new AuditCount(0, 3), await store.CountAuditBeforeAsync(Now.AddHours(-1)));
        Assert.Equal(new AuditCount(0, 6), await store.PurgeAuditBeforeAsync(Now.AddHours(1)));
        Assert.Equal((0L, 0L), (await Batches(), await Kind.CountAsync($"SELECT count(*) FROM {Kind.TransferEntries};")));
        Assert.DoesNotContain(await store.ClientAuditAsync(clients[2]), e => e.Type == "Transfer");
    }

    /// <summary>Pulls logged as one row each; SQLite has no such rows.</summary>
    private Task<long> Batches() => Kind is PostgresKind ? Kind.CountAsync("SELECT count(*) FROM transfer_batches;") : Task.FromResult(0L);

    public sealed class OnSqlite() : TransferLogStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : TransferLogStoreTests(new PostgresKind(cluster));
}
