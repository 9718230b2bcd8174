namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>Issue 9, scenario 7 end to end: a delete made on an older version never silently discards a colleague's newer update.</summary>
public class StaleDeleteSyncTests
{
    [Fact]
    public async Task DeleteOnAnOlderVersion_BecomesAConflict_TheDeletingLaptopGetsTheUpdatedClientBack()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Truus", "Kok");
        await a.Sync();
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Nieuwe sleutelkluis bij de voordeur" });
        await a.Sync();

        Assert.True(b.Store.Clients.Delete(client.Id));
        Assert.Null(b.Find(client.Id));
        var fromB = await b.Sync();
        var toA = await a.Sync();

        Assert.Equal((1, 0), (fromB.Conflicts, fromB.Refused));
        Assert.True(fromB.Converged && toA.Converged);
        foreach (var laptop in world.Laptops)
        {
            Assert.Equal("Nieuwe sleutelkluis bij de voordeur", laptop.Find(client.Id)?.Notes);
            var conflict = Assert.Single(laptop.Store.Conflicts.Open());
            Assert.Equal(("clients", client.Id.Value, "deleted", "0", "1"), (conflict.Table, conflict.RowId, conflict.Column, conflict.KeptValue, conflict.OtherValue));
            Assert.Equal(0, laptop.Store.PendingChanges());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StaleDeleteConflict_SettledInTheInbox_ReachesEveryLaptop_TheDeletionOnlyWhenChosen(bool chooseTheDeletion)
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Truus", "Kok");
        await a.Sync();
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Nieuwe sleutelkluis bij de voordeur" });
        await a.Sync();
        b.Store.Clients.Delete(client.Id);
        await b.Sync();
        await a.Sync();

        var conflict = Assert.Single(b.Store.Conflicts.Open());
        b.Store.Conflicts.Resolve(conflict, chooseTheDeletion ? conflict.OtherValue : conflict.KeptValue);
        var settled = await b.Sync();
        await a.Sync();

        Assert.Equal((0, 0), (settled.Conflicts, settled.Refused));
        foreach (var laptop in world.Laptops)
        {
            Assert.Empty(laptop.Store.Conflicts.Open());
            Assert.Equal(chooseTheDeletion, laptop.Find(client.Id) is null);
            Assert.Equal(0, laptop.Store.PendingChanges());
        }
    }

    [Fact]
    public async Task EditOnARowDeletedElsewhere_SettledInTheInbox_ClosesTheConflict_AndTheDeletionStands()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Truus", "Kok");
        await a.Sync();
        await b.Sync();
        b.Store.Clients.Delete(client.Id);
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Belt niet terug" });
        await a.Sync();
        await b.Sync();

        var conflict = Assert.Single(b.Store.Conflicts.Open());
        Assert.Equal(("deleted", "1"), (conflict.Column, conflict.KeptValue));
        b.Store.Conflicts.Resolve(conflict, conflict.OtherValue);
        var settled = await b.Sync();
        await a.Sync();

        Assert.Equal((0, 0), (settled.Conflicts, settled.Refused));
        foreach (var laptop in world.Laptops)
        {
            Assert.Empty(laptop.Store.Conflicts.Open());
            Assert.Null(laptop.Find(client.Id));
        }
    }
}
