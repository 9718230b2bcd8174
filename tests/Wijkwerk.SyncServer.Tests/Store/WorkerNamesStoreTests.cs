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
        var held = (await store.PullAsync(device, 0, 100, Now)).Workers!;
        var readAgain = (await (await Kind.OpenAsync()).PullAsync(device, 0, 100, Now)).Workers!;

        Assert.Equal(team.OrderBy(w => w.Key).Select(w => new WorkerInfo(w.Key, w.Value)), workers);
        // With no change between them, one instance's second pull reuses the list it read; another instance reads its own.
        Assert.Same(workers, held);
        Assert.NotSame(workers, readAgain);
        Assert.Equal(workers, readAgain);
        // The fingerprint the list carries is the one its names make, and a list read again has the same.
        Assert.Equal(WorkerNames.Fingerprint(workers.ToArray()), WorkerNames.Fingerprint(workers));
        Assert.Equal(WorkerNames.Fingerprint(workers), WorkerNames.Fingerprint(readAgain.ToArray()));
    }

    [Fact]
    public async Task EveryChangeToTheTeam_ReachesThePullAfterIt_ByWhateverWriterMadeIt()
    {
        var store = await Kind.OpenAsync();
        var other = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddTeamAsync("Zuid", Now);
        var first = await store.AddWorkerAsync("Collega A", Role.Nurse, "Noord", Now);
        var device = await StoreDevices.Enrol(store, "Collega A", Now);
        async Task<IReadOnlyList<WorkerInfo>> Names() => (await store.PullAsync(device, 0, 100, Now)).Workers!;
        Assert.Equal([new WorkerInfo(first, "Collega A")], await Names());

        // Another instance on the same store adds a colleague.
        var second = await other.AddWorkerAsync("Collega B", Role.Nurse, "Noord", Now);
        var afterAdd = await Names();
        Assert.Equal(new[] { new WorkerInfo(first, "Collega A"), new WorkerInfo(second, "Collega B") }.OrderBy(w => w.Id), afterAdd);

        // An administrator renames, moves and removes in the database itself, each a change the next pull shows.
        await Kind.ExecAsync($"UPDATE workers SET name = 'Collega B2' WHERE id = '{second:D}'");
        Assert.Contains(new WorkerInfo(second, "Collega B2"), await Names());
        Assert.Equal(1, await Kind.ExecAsync($"UPDATE worker_teams SET team_id = (SELECT id FROM teams WHERE name = 'Zuid') WHERE worker_id = '{second:D}'"));
        Assert.Equal([new WorkerInfo(first, "Collega A")], await Names());
        await Kind.ExecAsync($"UPDATE worker_teams SET team_id = (SELECT id FROM teams WHERE name = 'Noord') WHERE worker_id = '{second:D}'");
        Assert.Equal(2, (await Names()).Count);
        await Kind.ExecAsync($"DELETE FROM worker_teams WHERE worker_id = '{second:D}'");
        Assert.Equal([new WorkerInfo(first, "Collega A")], await Names());
    }

    public sealed class OnSqlite() : WorkerNamesStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : WorkerNamesStoreTests(new PostgresKind(cluster));
}
