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
            var rows = await Kind.CountAsync($"SELECT count(*) FROM transfers WHERE device_id = '{device.DeviceId:D}' AND worker_id = '{device.WorkerId:D}' AND row_count = 1;");
            return (Delivered: page.Changes.Count, Logged: rows);
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(logged, l => Assert.Equal((3, 3L), (l.Delivered, l.Logged)));
        Assert.Equal(devices.Count * clients.Count, await Kind.CountAsync("SELECT count(*) FROM transfers;"));
    }

    public sealed class OnSqlite() : TransferLogStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : TransferLogStoreTests(new PostgresKind(cluster));
}
