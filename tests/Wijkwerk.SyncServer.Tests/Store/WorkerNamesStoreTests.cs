using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// The colleagues' names a pull carries, on both stores: the worker's own team and no other, in order of id whatever
/// order the database reads them in, so one list has one fingerprint and a laptop holding it is not sent it again.
/// </summary>
public abstract class WorkerNamesStoreTests(StoreKind kind) : StoreTest(kind)
{
    [Fact]
    public async Task APull_NamesTheTeamInOrderOfId_AndTheSameListByTheSameFingerprint()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddTeamAsync("Zuid", Now);
        var team = new Dictionary<Guid, string>();
        // Names in the reverse of the order they are added, so neither order of name nor of adding is order of id by chance.
        for (var i = 12; i > 0; i--)
            team[await store.AddWorkerAsync($"Collega {i:D2}", Role.Nurse, "Noord", Now)] = $"Collega {i:D2}";
        await store.AddWorkerAsync("Buiten het team", Role.Nurse, "Zuid", Now);
        var device = await StoreDevices.Enrol(store, "Collega 07", Now);

        var workers = (await store.PullAsync(device, 0, 100, Now)).Workers!;
        var again = (await store.PullAsync(device, 0, 100, Now)).Workers!;

        Assert.Equal(team.OrderBy(w => w.Key).Select(w => new WorkerInfo(w.Key, w.Value)), workers);
        Assert.Equal(WorkerNames.Fingerprint(workers), WorkerNames.Fingerprint(again));
    }

    public sealed class OnSqlite() : WorkerNamesStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : WorkerNamesStoreTests(new PostgresKind(cluster));
}
