using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A push that names the push before it (<see cref="PushTurn.Follows"/>) is applied only when that one is the device's last
/// push applied; otherwise nothing of it is, its audit events included. On both stores.
/// </summary>
public abstract class PushTurnStoreTests(StoreKind kind) : StoreTest(kind)
{
    private static Mutation Insert(long id, Guid client) =>
        new(id, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Jan"));

    [Fact]
    public async Task APushFollowingThePushAppliedLast_IsApplied_AndOneFollowingAnyOther_AppliesNothing()
    {
        var store = await Kind.OpenAsync();
        var device = await store.EnrolNoordNurse(Now);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid(), never = Guid.NewGuid();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();

        await Assert.ThrowsAsync<PushOutOfTurnException>(() => store.PushAsync(device, [Insert(1, a)], [], Now, new PushTurn(first, Follows: never)));
        await store.PushAsync(device, [Insert(2, b)], [], Now, new PushTurn(first, Follows: null));
        var followed = await store.PushAsync(device, [Insert(3, c)], [], Now, new PushTurn(second, Follows: first));
        // The push before it is applied, but it is no longer the device's last: the one after it was.
        await Assert.ThrowsAsync<PushOutOfTurnException>(() => store.PushAsync(device, [Insert(4, d)], [new AuditRecord(1, "View", Now, b, device.WorkerId, "nurse", device.DeviceId, "Success", "clients")], Now, new PushTurn(Guid.NewGuid(), Follows: first)));

        Assert.Equal(SyncProtocol.Results.Accepted, Assert.Single(followed.Results).Status);
        var page = await store.PullAsync(device, 0, 100, Now);
        Assert.Equal(new[] { b, c }.Order(), page.Changes.Select(r => r.RowId).Order());
        Assert.Equal(2, await Kind.CountAsync("SELECT count(*) FROM applied_mutations;"));
        Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM audit_events;"));
        Assert.Equal(1, await Kind.CountAsync($"SELECT count(*) FROM device_pushes WHERE push_id = '{second:D}';"));
    }

    public sealed class OnSqlite() : PushTurnStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : PushTurnStoreTests(new PostgresKind(cluster));
}
