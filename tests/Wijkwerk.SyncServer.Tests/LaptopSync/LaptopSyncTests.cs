using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Sync.Laptop;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>Two and three real laptops against the real server: the guarantees of the sync design, end to end.</summary>
public class LaptopSyncTests
{
    [Fact]
    public async Task CreateOnA_Sync_AppearsOnB()
    {
        using var world = await TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Wilhelmina", "de Vries");

        var pushed = await a.Sync();
        var pulled = await b.Sync();

        Assert.Equal(1, pushed.Accepted);
        Assert.Equal(client, b.Find(client.Id));
        Assert.True(pushed.Converged && pulled.Converged);
        Assert.Equal(0, a.Store.PendingChanges());
    }

    [Fact]
    public async Task WhatALaptopPushed_DoesNotComeBack_WhatTheServerMergedDoes()
    {
        using var world = await TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Fenna", "Bakker");
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Slecht ter been" });
        var first = await a.Sync();
        await b.Sync();

        b.Store.Clients.Update(b.Find(client.Id)! with { Phone = PhoneNumber.Parse("0687654321").Value });
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Rollator aangevraagd" });
        var merged = await a.Sync();
        var again = await a.Sync();

        Assert.Equal((1, 0, true), (first.Accepted, first.Pulled, first.Converged));
        Assert.Equal((1, true), (merged.Pulled, merged.Converged));
        Assert.Equal(("Rollator aangevraagd", "0687654321"), (a.Find(client.Id)!.Notes, a.Find(client.Id)!.Phone?.Value));
        Assert.Equal((0, true), (again.Pulled, again.Converged));
    }

    [Fact]
    public async Task DifferentFieldsEditedOnAAndB_BothEditsKept()
    {
        using var world = await TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Piet", "Jansen");
        await a.Sync();
        await b.Sync();

        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Valt vaak" });
        b.Store.Clients.Update(b.Find(client.Id)! with { Phone = PhoneNumber.Parse("0612345678").Value });
        var fromA = await a.Sync();
        var fromB = await b.Sync();
        await a.Sync();

        Assert.Equal(0, fromA.Conflicts + fromB.Conflicts);
        foreach (var laptop in world.Laptops)
        {
            var merged = laptop.Find(client.Id)!;
            Assert.Equal("Valt vaak", merged.Notes);
            Assert.Equal("0612345678", merged.Phone?.Value);
        }
    }

    [Fact]
    public async Task SameFieldEditedOnAAndB_OneKept_TheOtherAConflictOnBoth()
    {
        using var world = await TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Truus", "Kok");
        await a.Sync();
        await b.Sync();

        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Versie van A" });
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Versie van B" });
        await a.Sync();
        var second = await b.Sync();
        await a.Sync();

        Assert.Equal(1, second.Conflicts);
        Assert.Equal("Versie van A", a.Find(client.Id)!.Notes);
        Assert.Equal("Versie van A", b.Find(client.Id)!.Notes);
        foreach (var laptop in world.Laptops)
        {
            var conflict = Assert.Single(laptop.Store.Conflicts.All());
            Assert.Equal(("notes", "Versie van A", "Versie van B"), (conflict.Column, conflict.KeptValue, conflict.OtherValue));
        }
    }

    [Fact]
    public async Task DeleteOnA_DisappearsFromB()
    {
        using var world = await TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Kees", "Smit");
        await a.Sync();
        await b.Sync();

        a.Store.Clients.Delete(client.Id);
        await a.Sync();
        await b.Sync();

        Assert.Null(b.Find(client.Id));
        Assert.Null(a.Find(client.Id));
    }

    [Fact]
    public async Task ClientUnassignedFromTeam_RemovedFromItsLaptops()
    {
        using var world = await TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Joke", "Visser");
        await a.Sync();
        await b.Sync();

        world.World.Admin("client", "unassign", client.Id.ToString(), "--team", "Noord");
        var report = await b.Sync();
        await a.Sync();

        Assert.True(report.Removed >= 1);
        Assert.Null(b.Find(client.Id));
        Assert.Null(a.Find(client.Id));
        Assert.Equal(0, b.Store.Clients.Count());
    }

    [Fact]
    public async Task RevokedDevice_IsRefusedAndTheRealProgramWipesItsStore()
    {
        using var world = await TeamOfTwo();
        var b = world.Laptops[1];
        var deviceId = b.Store.Identity.DeviceId.ToString();
        world.World.Admin("device", "revoke", deviceId);

        var refused = await Assert.ThrowsAsync<SyncTransportException>(() => b.Sync());
        Assert.True(refused.IsRevoked);

        b.Store.Dispose();
        var (code, _, error) = SyncWorld.Run(
            Path.Combine(AppContext.BaseDirectory, "wijkwerk.dll"), ["sync", "--data", b.Folder],
            new Dictionary<string, string> { ["WIJKWERK_PASSPHRASE"] = SyncWorld.Passphrase });
        Assert.Equal(1, code);
        Assert.Contains("ingetrokken", error);
        Assert.False(File.Exists(Path.Combine(b.Folder, "wijkwerk.db")));
    }

    internal static Task<Team> TeamOfTwo() => Team.Noord("Anna de Wit", "Bram Mulder");
}
