using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// SQLite has one writer, and pushes queued for that turn take none of the places the store's operations share: while
/// one push waits for the file (another process holds its write lock) and more queue behind it, a device's lookup and a
/// pull, which SQLite reads beside a writer, still run. With writers taking a place before their turn, the second push
/// filled the last place and the reads waited for the file too.
/// </summary>
public sealed class WriterQueueTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-writer-queue-").FullName;

    [Fact]
    public async Task PushesQueuedForTheOneWriter_LeaveRoomForReads()
    {
        var path = Path.Combine(_folder, "server.db");
        var store = new SqliteSyncStore(path) { Concurrency = 2 };
        await store.MigrateAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        var device = await StoreDevices.Enrol(store, "Anna", Now, tokenHash: "token-hash-anna");

        await using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        // Each on a thread of its own, as requests come: the store's statements are synchronous.
        var pushes = Enumerable.Range(1, 4).Select(i => Task.Run(() => store.PushAsync(device,
            [new Mutation(i, "clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns())], Now))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var lookup = Task.Run(() => store.FindDeviceAsync("token-hash-anna"));
        var pull = Task.Run(() => store.PullAsync(device, 0, 100, Now));

        var found = await lookup.WaitAsync(TimeSpan.FromSeconds(10));
        var page = await pull.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(pushes, p => Assert.False(p.IsCompleted));
        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var pushed = await Task.WhenAll(pushes).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(device.DeviceId, found!.DeviceId);
        Assert.Empty(page.Changes);
        Assert.All(pushed, p => Assert.Equal(SyncProtocol.Results.Accepted, Assert.Single(p).Status));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
