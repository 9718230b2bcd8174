using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// The store runs at most <c>Concurrency</c> operations at once; the rest wait in line, holding neither a thread nor a
/// pooled connection. Two pushes held up by locks fill a pool of two here: pulls and device lookups started meanwhile
/// wait their turn and then succeed, where without the line they ask the pool, wait past its timeout and fail.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreConcurrencyTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task OperationsBeyondTheBound_WaitInLine_AndSucceedWhereThePoolWouldHaveRunOut()
    {
        var database = await cluster.CreateDatabaseAsync();
        var store = new PostgresSyncStore(database + ";Maximum Pool Size=2;Timeout=1") { Concurrency = 2 };
        await store.MigrateAsync();
        await store.AddTeamAsync("Noord", Now);
        var devices = new List<DeviceSession>();
        for (var i = 0; i < 2; i++)
        {
            await store.AddWorkerAsync("Verpleegkundige" + i, Role.Nurse, "Noord", Now);
            devices.Add(await StoreDevices.Enrol(store, "Verpleegkundige" + i, Now, tokenHash: "token-hash-" + i));
        }

        var first = Guid.NewGuid();
        await store.PushAsync(devices[0], [new Mutation(1, "clients", first, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns())], Now);

        // Another session holds each device's push lock (the key SqlSyncStore.Push takes), so both pushes wait inside the store.
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        foreach (var device in devices)
            await holder.ExecAsync($"SELECT pg_advisory_lock(hashtextextended('device/{device.DeviceId:D}', 1));");
        // Each on a thread of its own, as requests come: the store's statements are synchronous.
        var pushes = devices.Select((device, i) => Task.Run(() => store.PushAsync(device,
            [new Mutation(10 + i, "clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns())], Now))).ToList();
        await WaitForLockWaiters(holder, 2);

        var pulls = Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.PullAsync(devices[1], 0, 100, Now))).ToList();
        var lookups = Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.FindDeviceAsync("token-hash-1"))).ToList();
        // Longer than the pool's timeout: an operation that went to the pool now would fail.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.All(pulls, p => Assert.False(p.IsCompleted));
        await holder.ExecAsync("SELECT pg_advisory_unlock_all();");

        var pushed = await Task.WhenAll(pushes).WaitAsync(TimeSpan.FromSeconds(60));
        var pages = await Task.WhenAll(pulls).WaitAsync(TimeSpan.FromSeconds(60));
        var found = await Task.WhenAll(lookups).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(pushed, p => Assert.Equal(SyncProtocol.Results.Accepted, Assert.Single(p).Status));
        Assert.All(pages, page => Assert.Contains(page.Changes, c => c.RowId == first));
        Assert.All(found, d => Assert.Equal(devices[1].DeviceId, d!.DeviceId));
    }

    /// <summary>Waits, at most 30 s, until that many sessions wait for an advisory lock.</summary>
    private static async Task WaitForLockWaiters(NpgsqlConnection db, int count)
    {
        for (var tries = 0; tries < 300; tries++)
        {
            await using var cmd = new NpgsqlCommand("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
                """, db);
            if ((long)(await cmd.ExecuteScalarAsync())! >= count)
                return;
            await Task.Delay(100);
        }

        Assert.Fail($"{count} pushes never came to wait for the device lock");
    }
}
