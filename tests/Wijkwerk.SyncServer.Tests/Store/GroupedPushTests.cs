using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sqlite;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// On SQLite the pushes that wait for the one writer are applied in one transaction, each in a savepoint of its own. What a
/// push guarantees alone still holds in such a group: a poisoned mutation is refused alone and the rest of its batch and
/// the other devices' pushes land once, each device gets its own answers, and the scope sums match the rows.
/// </summary>
public sealed class GroupedPushTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-grouped-push-").FullName;

    private static Mutation Insert(long id, Guid client) =>
        new(id, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns());

    [Fact]
    public async Task PushesThatWaitedTogether_EachGetTheirOwnAnswers_AndAPoisonedMutationIsRefusedAlone()
    {
        var path = Path.Combine(_folder, "server.db");
        var store = new SqliteSyncStore(path);
        await store.MigrateAsync();
        await store.AddTeamAsync("Noord", Now);
        var devices = new List<DeviceSession>();
        for (var i = 0; i < 6; i++)
        {
            await store.AddWorkerAsync($"Verpleegkundige {i}", Role.Nurse, "Noord", Now);
            devices.Add(await StoreDevices.Enrol(store, $"Verpleegkundige {i}", Now));
        }

        var damaged = Guid.NewGuid();
        Assert.Equal(SyncProtocol.Results.Accepted, Assert.Single(await store.PushAsync(devices[0], [Insert(1, damaged)], Now)).Status);
        await using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        await other.OpenAsync();
        await using (var cmd = other.CreateCommand())
        {
            // A stored row the server can no longer read: a mutation on it cannot be applied. Then the file's write lock,
            // held while the pushes come in, so they queue for the one writer.
            cmd.CommandText = $"UPDATE rows SET column_versions = 'not json' WHERE row_id = '{damaged:D}'; BEGIN IMMEDIATE;";
            await cmd.ExecuteNonQueryAsync();
        }

        var batches = devices.Select((device, i) => i == 0
            ? (Mutation[])[new Mutation(2, "clients", damaged, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["first_name"] = "Piet" }), Insert(3, Guid.NewGuid())]
            : [Insert(1, Guid.NewGuid()), Insert(2, Guid.NewGuid())]).ToList();
        // The last device's push comes first and waits for the file alone; the others, the poisoned one among them, queue
        // behind it and go together.
        var first = Task.Run(() => store.PushAsync(devices[^1], batches[^1], Now));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var pushes = devices.SkipLast(1).Select((device, i) => Task.Run(() => store.PushAsync(device, batches[i], Now))).Append(first).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(pushes, p => Assert.False(p.IsCompleted));
        await using (var cmd = other.CreateCommand())
        {
            cmd.CommandText = "ROLLBACK;";
            await cmd.ExecuteNonQueryAsync();
        }

        var answers = await Task.WhenAll(pushes).WaitAsync(TimeSpan.FromSeconds(60));
        var again = await Task.WhenAll(devices.Select((device, i) => store.PushAsync(device, batches[i], Now)));

        Assert.Equal([SyncProtocol.Results.Refused, SyncProtocol.Results.Accepted], answers[0].Select(r => r.Status));
        Assert.Contains("niet verwerken", answers[0][0].Reason);
        Assert.All(answers.Skip(1), a => Assert.Equal([SyncProtocol.Results.Accepted, SyncProtocol.Results.Accepted], a.Select(r => r.Status)));
        Assert.All(answers.Zip(batches), p => Assert.Equal(p.Second.Select(m => m.MutationId), p.First.Select(r => r.MutationId)));
        Assert.Equal(answers.Select(a => a.Select(r => (r.Status, r.Version))), again.Select(a => a.Select(r => (r.Status, r.Version))));
        var page = await store.PullAsync(devices[5], 0, 100, Now);
        Assert.Equal(12, page.Changes.Count);
        Assert.Equal(12, page.ScopeCount);
        Assert.Equal(page.Changes.Aggregate(0u, (sum, c) => unchecked(sum + ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns))), page.ScopeChecksum);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
