using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A push is applied in a few statements (rows read up front, writes buffered); what it guarantees must not change with
/// that: a poisoned mutation is refused alone and the rest of the batch lands once, a mutation sent twice is applied once,
/// and a batch that writes one row twice keeps the last write. On both stores.
/// </summary>
public abstract class PushBatchStoreTests(StoreKind kind) : StoreTest(kind)
{
    private async Task<(ISyncStore Store, DeviceSession Device)> NewStore()
    {
        var store = await Kind.OpenAsync();
        return (store, await store.EnrolNoordNurse(Now));
    }

    private static Mutation Insert(long id, Guid client, string firstName = "Jan") =>
        new(id, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns(firstName));

    private static Mutation Rename(long id, Guid client, string firstName) =>
        new(id, "clients", client, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["first_name"] = firstName });

    [Fact]
    public async Task Push_WithAMutationOnAnUnreadableStoredRow_RefusesThatOne_AndAppliesTheRestOnce()
    {
        var (store, device) = await NewStore();
        Guid damaged = Guid.NewGuid(), sound = Guid.NewGuid(), added = Guid.NewGuid();
        await store.PushAsync(device, [Insert(1, damaged), Insert(2, sound)], Now);
        // A stored row the server can no longer read (damaged behind its back): its mutation cannot be applied.
        await using (var db = await Kind.ConnectAsync())
        {
            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"UPDATE rows SET column_versions = 'not json' WHERE row_id = '{damaged:D}';";
            await cmd.ExecuteNonQueryAsync();
        }

        Mutation[] batch = [Rename(3, damaged, "Piet"), Rename(4, sound, "Klaas"), Insert(5, added)];
        var first = await store.PushAsync(device, batch, Now);
        var again = await store.PushAsync(device, batch, Now);

        Assert.Equal([SyncProtocol.Results.Refused, SyncProtocol.Results.Accepted, SyncProtocol.Results.Accepted], first.Select(r => r.Status));
        Assert.Contains("niet verwerken", first[0].Reason);
        Assert.Equal(first.Select(r => (r.Status, r.Version)), again.Select(r => (r.Status, r.Version)));
        var page = await store.PullAsync(device, 0, 100, Now);
        Assert.Equal("Klaas", page.Changes.Single(c => c.RowId == sound).Columns["first_name"]);
        Assert.Equal(2, page.Changes.Single(c => c.RowId == sound).Version);
        Assert.Single(page.Changes, c => c.RowId == added);
        Assert.Equal(3, await Kind.CountAsync("SELECT count(*) FROM rows;"));
        Assert.Equal(5, await Kind.CountAsync("SELECT count(*) FROM applied_mutations;"));
    }

    [Fact]
    public async Task Push_ThatWritesOneRowTwice_KeepsTheLastWrite_AndTheScopeSumsMatchTheRows()
    {
        var (store, device) = await NewStore();
        var client = Guid.NewGuid();

        var results = await store.PushAsync(device, [Insert(1, client, "Jan"), Rename(2, client, "Kees"), Insert(3, Guid.NewGuid(), "Els")], Now);
        var page = await store.PullAsync(device, 0, 100, Now);

        Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        var row = Assert.Single(page.Changes, c => c.RowId == client);
        Assert.Equal(("Kees", 2L), (row.Columns["first_name"], row.Version));
        Assert.Equal(2, page.ScopeCount);
        Assert.Equal(page.Changes.Aggregate(0u, (sum, c) => unchecked(sum + Wijkwerk.Core.Sync.ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns))), page.ScopeChecksum);
    }

    public sealed class OnSqlite() : PushBatchStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : PushBatchStoreTests(new PostgresKind(cluster));
}
