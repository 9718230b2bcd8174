namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>A worker settles a conflict on one laptop; the chosen value and the resolution reach every laptop of the team.</summary>
public class ConflictResolutionSyncTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BResolvesTheConflict_BothLaptopsShowTheChosenValue_AndTheConflictIsResolvedOnBoth(bool merge)
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Truus", "Kok");
        await a.Sync();
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Versie van A" });
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Versie van B" });
        await a.Sync();
        await b.Sync();
        await a.Sync();
        var conflict = Assert.Single(b.Store.Conflicts.Open());
        Assert.Single(a.Store.Conflicts.Open());
        Assert.Equal("Versie van A", b.Find(client.Id)!.Notes);

        // B keeps its own value, which the server had not kept — or types a merge of both.
        var chosen = merge ? "Versie van A; aangevuld door B" : conflict.OtherValue;
        b.Store.Conflicts.Resolve(conflict, chosen);
        Assert.Empty(b.Store.Conflicts.Open());
        var fromB = await b.Sync();
        var toA = await a.Sync();
        await b.Sync();

        Assert.Equal((0, 0), (fromB.Refused, fromB.Conflicts));
        Assert.True(fromB.Converged && toA.Converged);
        foreach (var laptop in world.Laptops)
        {
            Assert.Equal(chosen, laptop.Find(client.Id)!.Notes);
            Assert.Empty(laptop.Store.Conflicts.Open());
            Assert.True(Assert.Single(laptop.Store.Conflicts.All()).Resolved);
            Assert.Equal(0, laptop.Store.PendingChanges());
        }

        Assert.Empty(new Wijkwerk.Core.Storage.Sync.LocalSync(b.Store).Refusals());
    }

    [Fact]
    public async Task KeepingTheServersValue_OnlyClosesTheConflict()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Kees", "Bakker");
        await a.Sync();
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Van A" });
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Van B" });
        await a.Sync();
        await b.Sync();
        await a.Sync();

        a.Store.Conflicts.Resolve(Assert.Single(a.Store.Conflicts.Open()), "Van A");
        var fromA = await a.Sync();
        await b.Sync();

        Assert.Equal(1, fromA.Pushed);
        foreach (var laptop in world.Laptops)
        {
            Assert.Equal("Van A", laptop.Find(client.Id)!.Notes);
            Assert.Empty(laptop.Store.Conflicts.Open());
        }
    }
}
