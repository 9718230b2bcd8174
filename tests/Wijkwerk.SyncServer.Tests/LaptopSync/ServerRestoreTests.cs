using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Scenario 5, the server restored from an older backup. Change numbers written after the restore are at or
/// below the laptops' anchors, and the backup lacks what the laptops wrote since. The laptops notice by the
/// value checksum, re-read their scope and push again what the server lost.
/// </summary>
public class ServerRestoreTests
{
    [Fact]
    public async Task AfterARestoreFromAnOlderBackup_NoLaptopMissesARow_AndTheRowsTheServerLostComeBack()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (anna, bram) = (team.Laptops[0], team.Laptops[1]);
        var known = anna.NewClient("Geertje", "Bos");
        await anna.Sync();
        await bram.Sync();
        var backup = team.World.Backup();

        // Written after the backup: the restore loses all of it. Only Bram holds his own client.
        var lostByAnna = anna.NewClient("Hendrik", "Smit");
        anna.Store.Clients.Update(anna.Find(known.Id)! with { Notes = "Na de back-up geschreven" });
        await anna.Sync();
        var lostByBram = bram.NewClient("Ineke", "de Vries");
        await bram.Sync();
        Assert.Equal(2, anna.Clients().Count);
        Assert.Equal(3, bram.Clients().Count);

        team.World.Restore(backup);
        // New work after the restore takes change numbers again from the backup's counter, past the anchors.
        var afterRestore = Enumerable.Range(0, 6).Select(i => anna.NewClient("Na" + i, "Herstel").Id).ToList();
        var annaRepair = await anna.Sync();
        var bramRepair = await bram.Sync();
        var annaAgain = await anna.Sync();
        var fresh = await team.World.Laptop("Anna");
        var server = await fresh.Sync();

        var everyClient = new[] { known.Id, lostByAnna.Id, lostByBram.Id }.Concat(afterRestore).Select(c => c.Value).Order().ToList();
        // Anna pushes her lost client and her lost edit again; Bram had missed Anna's first new clients
        // (change numbers at or below his anchor) and pushes his lost client again.
        Assert.Equal(2, annaRepair.Repair?.Requeued);
        Assert.Equal(1, bramRepair.Repair?.Requeued);
        Assert.True(bramRepair.Repair!.Rewritten >= 3, $"Bram's repair wrote {bramRepair.Repair.Rewritten} rows");
        Assert.True(annaRepair.Converged && bramRepair.Converged);
        Assert.All(new[] { annaAgain, server, await bram.Sync() }, r => Assert.True(r.Converged));
        foreach (var laptop in new[] { anna, bram, fresh })
        {
            Assert.Equal(everyClient, laptop.Clients().Select(c => c.Id.Value).Order().ToList());
            Assert.Equal("Na de back-up geschreven", laptop.Find(known.Id)!.Notes);
        }

        Assert.Equal(State(anna), State(bram));
        Assert.Equal(State(anna), State(fresh));
    }

    [Fact]
    public async Task AfterARestoreOfAPlainCopy_WithNothingWrittenSince_ALaptopsNewerEditIsKeptAndPushedAgain_NotOverwrittenByTheCopysOlderRow()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (anna, bram) = (team.Laptops[0], team.Laptops[1]);
        var known = anna.NewClient("Geertje", "Bos");
        await anna.Sync();
        await bram.Sync();
        var copy = team.World.Backup();

        anna.Store.Clients.Update(anna.Find(known.Id)! with { Notes = "Na de kopie geschreven" });
        await anna.Sync();
        await bram.Sync();

        // A plain copy has no jump in its change counter: both anchors are now above everything the server holds.
        team.World.Restore(copy);
        var annaRepair = await anna.Sync();
        var bramRepair = await bram.Sync();
        var fresh = await team.World.Laptop("Bram");
        Assert.True((await fresh.Sync()).Converged);

        Assert.Equal(1, annaRepair.Repair?.Requeued);
        Assert.True(annaRepair.Converged && bramRepair.Converged);
        foreach (var laptop in new[] { anna, bram, fresh })
            Assert.Equal("Na de kopie geschreven", laptop.Find(known.Id)!.Notes);
    }

    private static string State(Laptop laptop) => string.Join('\n', laptop.Clients().OrderBy(c => c.Id.Value).Select(c => c.ToString()));
}
