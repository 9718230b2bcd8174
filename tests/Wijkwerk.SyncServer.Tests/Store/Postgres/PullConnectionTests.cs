using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// A pull holds one pooled connection at a time: it gives its read connection back before it writes the transfer log
/// on another. One that held the first while it waited for the second left many pulls at once, each holding one, waiting
/// for the pool until its wait ran out; with a pool of one connection a single pull shows it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PullConnectionTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task APullThatDeliversRows_NeedsOneConnectionAtATime_SoItRunsOnAPoolOfOne()
    {
        var database = await cluster.CreateDatabaseAsync();
        var store = new PostgresSyncStore(database + ";Maximum Pool Size=1;Timeout=5");
        await store.MigrateAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        var device = await StoreDevices.Enrol(store, "Anna", Now);
        var client = Guid.NewGuid();
        var pushed = await store.PushAsync(device, [new Mutation(1, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns())], Now);
        Assert.Equal(SyncProtocol.Results.Accepted, Assert.Single(pushed).Status);

        var page = await store.PullAsync(device, 0, 100, Now);

        Assert.Equal(client, Assert.Single(page.Changes).RowId);
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {PostgresDialect.Instance.TransferEntries} WHERE device_id = @d AND client_id = @c;", db);
        count.Parameters.AddWithValue("@d", device.DeviceId.ToString("D"));
        count.Parameters.AddWithValue("@c", client.ToString("D"));
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }
}
