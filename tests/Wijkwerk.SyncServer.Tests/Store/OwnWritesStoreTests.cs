using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A pull by a laptop that holds what its accepted pushes wrote leaves out the rows that device wrote exactly as it pushed
/// them, on both stores; every other device receives them, the scope figures still count them, and whatever the server
/// did beyond the push (a merge, another device's write, a client entering the caseload again) goes back to that device.
/// </summary>
public abstract class OwnWritesStoreTests(StoreKind kind) : StoreTest(kind)
{
    private long _mutation;

    [Fact]
    public async Task RowsADeviceWroteAsPushed_AreLeftOutOfItsOwnPull_AndReachItsOtherLaptop_AndStillCount()
    {
        var (store, laptop, otherLaptop) = await World();
        var client = Guid.NewGuid();
        var inserted = await Push(store, laptop, client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns());
        var updated = await Push(store, laptop, client, SyncProtocol.Operations.Update, inserted.Version, new() { ["notes"] = "Trap naar de slaapkamer is te steil" });
        Assert.Equal((SyncProtocol.Results.Accepted, 2L), (updated.Status, updated.Version));

        var (own, ownPage) = await PullAll(store, laptop, ownWritesHeld: true);
        var (whole, wholePage) = await PullAll(store, laptop, ownWritesHeld: false);
        var (other, _) = await PullAll(store, otherLaptop, ownWritesHeld: true);

        Assert.Empty(own);
        var row = Assert.Single(whole);
        Assert.Equal((client, 2L, "Trap naar de slaapkamer is te steil"), (row.RowId, row.Version, row.Columns["notes"]));
        var delivered = Assert.Single(other);
        Assert.Equal((client, 2L), (delivered.RowId, delivered.Version));
        Assert.Equal((1L, wholePage.ScopeChecksum), (ownPage.ScopeCount, ownPage.ScopeChecksum));
        Assert.Equal(ScopeChecksum.Of("clients", client, 2, row.Columns), ownPage.ScopeChecksum);
    }

    [Fact]
    public async Task WhatTheServerDidBeyondThePush_GoesBackToTheDeviceThatPushed()
    {
        var (store, laptop, otherLaptop) = await World();
        var (merged, touched, overwritten) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var client in new[] { merged, touched, overwritten })
            await Push(store, laptop, client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns());
        var (_, before) = await PullAll(store, laptop, ownWritesHeld: true);

        // Another laptop's change, then this laptop's edit of another column on the version it had: merged into version 3.
        await Push(store, otherLaptop, merged, SyncProtocol.Operations.Update, 1, new() { ["phone"] = "0612345678" });
        var merge = await Push(store, laptop, merged, SyncProtocol.Operations.Update, 1, new() { ["notes"] = "Sleutel bij de buren" });
        Assert.Equal(3L, merge.Version);
        await Push(store, otherLaptop, overwritten, SyncProtocol.Operations.Update, 1, new() { ["notes"] = "Mantelzorger is de dochter" });
        await store.UnassignClientAsync(touched, "Noord", Now);
        await store.AssignClientAsync(touched, "Noord", Now);

        var (changes, after) = await PullAll(store, laptop, ownWritesHeld: true, before.NextAnchor);

        var rows = changes.Where(c => !c.Removed).ToDictionary(c => c.RowId);
        Assert.Equal(new[] { merged, overwritten, touched }.Order(), rows.Keys.Order());
        Assert.Equal(("0612345678", "Sleutel bij de buren"), (rows[merged].Columns["phone"], rows[merged].Columns["notes"]));
        Assert.Equal("Mantelzorger is de dochter", rows[overwritten].Columns["notes"]);
        Assert.Equal(1L, rows[touched].Version);
        Assert.Equal(3L, after.ScopeCount);
    }

    private async Task<(ISyncStore Store, DeviceSession Laptop, DeviceSession OtherLaptop)> World()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        return (store, await StoreDevices.Enrol(store, "Anna", Now), await StoreDevices.Enrol(store, "Anna", Now));
    }

    private async Task<MutationResult> Push(ISyncStore store, DeviceSession device, Guid client, string operation, long version, Dictionary<string, string?> columns)
    {
        var result = Assert.Single(await store.PushAsync(device, [new Mutation(++_mutation, "clients", client, operation, version, columns)], Now));
        Assert.Equal(SyncProtocol.Results.Accepted, result.Status);
        return result;
    }

    private static async Task<(List<RowChange> Changes, PullResponse Last)> PullAll(ISyncStore store, DeviceSession device, bool ownWritesHeld, long after = 0)
    {
        var changes = new List<RowChange>();
        var last = await CatchUp.Pull(from => store.PullAsync(device, from, 2, Now, ownWritesHeld), after, page => changes.AddRange(page.Changes));
        return (changes, last);
    }

    public sealed class OnSqlite() : OwnWritesStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : OwnWritesStoreTests(new PostgresKind(cluster));
}
