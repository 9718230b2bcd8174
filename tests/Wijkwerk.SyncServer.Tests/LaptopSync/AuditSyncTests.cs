using System.Globalization;
using System.Text.RegularExpressions;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>NEN 7513: the laptops' access logs reach the server once, and "who looked at my file" is answered centrally.</summary>
public partial class AuditSyncTests
{
    [Fact]
    public async Task EventsReachTheServerOnce_EvenWhenTheSyncIsCutAfterTheUploadOrRepeated()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        var client = a.NewClient("Wilhelmina", "de Vries");
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Valt vaak" });

        // Request 1 pushes the outbox and the log with it: the server stores both, the answer is lost.
        using (var cut = new FaultyHandler(1, FaultyHandler.Cut.AfterResponse))
            await Assert.ThrowsAsync<SyncTransportException>(() => a.Sync(cut));
        var again = await a.Sync();
        var repeated = await a.Sync();
        await b.Sync();

        Assert.True(again.AuditUploaded > 0);
        var local = AuditLog.Read(a.Store, client.Id);
        Assert.Contains(local, e => e.Type == AuditEventType.Create);
        Assert.Contains(local, e => e.Type == AuditEventType.Change);
        var lines = world.World.Admin("audit", "--client", client.Id.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var laptopSeqs = lines.Where(l => l.Contains("\tlaptop\t", StringComparison.Ordinal))
            .Select(l => long.Parse(Seq().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(local.Select(e => e.Seq), laptopSeqs); // each once, oldest first
        Assert.All(lines.Where(l => l.Contains("\tlaptop\t", StringComparison.Ordinal)), l => Assert.Contains(a.Store.Identity.DeviceId.ToString(), l));

        // The server's own deliveries of the client's data are in the same log: to B; none to A, which wrote the rows and
        // is not sent them back.
        var transfers = lines.Where(l => l.Contains("\tserver\tTransfer\t", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(transfers, l => l.Contains(a.Store.Identity.DeviceId.ToString()));
        Assert.Contains(transfers, l => l.Contains(b.Store.Identity.DeviceId.ToString()));
        Assert.Contains(transfers, l => l.Contains("Bram Mulder"));

        // Nothing new about the client: a further sync sends none of its events again.
        var before = laptopSeqs.Count;
        await a.Sync();
        Assert.Equal(before, world.World.Admin("audit", "--client", client.Id.ToString()).Split('\n').Count(l => l.Contains("\tlaptop\t", StringComparison.Ordinal)));
        Assert.True(repeated.AuditUploaded <= again.AuditUploaded);
    }

    [Fact]
    public async Task TheLog_TravelsWithThePush_WithoutACallOfItsOwn_AndWithoutAPush_ByTheAuditUpload()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var a = world.Laptops[0];
        var client = a.NewClient("Wilhelmina", "de Vries");
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Valt vaak" });
        var pending = AuditLog.Read(a.Store).Count;

        using var withChanges = new FaultyHandler(int.MaxValue, FaultyHandler.Cut.BeforeRequest);
        var pushed = await a.Sync(withChanges);
        a.Store.Dossiers.Open(client.Id);
        using var withoutChanges = new FaultyHandler(int.MaxValue, FaultyHandler.Cut.BeforeRequest);
        var viewed = await a.Sync(withoutChanges);

        Assert.Equal(pending, pushed.AuditUploaded);
        Assert.DoesNotContain(SyncProtocol.AuditPath, withChanges.Paths);
        Assert.Contains(SyncProtocol.PushPath, withChanges.Paths);
        Assert.Equal(1, viewed.AuditUploaded);
        Assert.Contains(SyncProtocol.AuditPath, withoutChanges.Paths);
        Assert.DoesNotContain(SyncProtocol.PushPath, withoutChanges.Paths);
        var local = AuditLog.Read(a.Store, client.Id);
        var central = world.World.Admin("audit", "--client", client.Id.ToString()).Split('\n').Where(l => l.Contains("\tlaptop\t", StringComparison.Ordinal));
        Assert.Equal(local.Select(e => e.Seq), central.Select(l => long.Parse(Seq().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Contains(local, e => e.Type == AuditEventType.View);
    }

    [Fact]
    public async Task ALargeLog_TravelsInBatches_AndIsConfirmed()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var a = world.Laptops[0];
        var client = a.NewClient("Piet", "Jansen");
        for (var i = 0; i < 25; i++)
            a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Notitie " + i });

        var total = AuditLog.Read(a.Store).Count;
        var report = await new SyncEngine(a.Store, new HttpSyncTransport(new HttpClient { BaseAddress = world.World.Address })) { AuditBatchSize = 10 }.Run();

        Assert.Equal(total, report.AuditUploaded);
        Assert.Equal(AuditLog.Read(a.Store, client.Id).Count,
            world.World.Admin("audit", "--client", client.Id.ToString()).Split('\n').Count(l => l.Contains("\tlaptop\t", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RevokedLaptop_UploadsItsPendingAccessLog_ThenTheRealProgramWipesTheStore()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var a = world.Laptops[0];
        var client = a.NewClient("Wilhelmina", "de Vries");
        await a.Sync();
        a.Store.Dossiers.Open(client.Id);
        var local = AuditLog.Read(a.Store, client.Id);
        var device = a.Store.Identity.DeviceId.ToString();
        world.World.Admin("device", "revoke", device);
        a.Store.Dispose();

        var (code, _, error) = SyncWorld.Run(
            Path.Combine(AppContext.BaseDirectory, "wijkwerk.dll"), ["sync", "--data", a.Folder],
            new Dictionary<string, string> { ["WIJKWERK_PASSPHRASE"] = SyncWorld.Passphrase });

        Assert.Equal(1, code);
        Assert.Contains("ingetrokken", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(a.Folder, "wijkwerk.db")));
        Assert.Contains(local, e => e.Type == AuditEventType.View);
        var central = world.World.Admin("audit", "--client", client.Id.ToString()).Split('\n').Where(l => l.Contains("\tlaptop\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(local.Select(e => e.Seq), central.Select(l => long.Parse(Seq().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.All(central, l => Assert.Contains(device, l, StringComparison.Ordinal));
    }

    [Fact]
    public void AdminAudit_WithABadClientId_FailsWithAReason()
    {
        using var world = new SyncWorld();
        var (code, _, error) = SyncWorld.Run(SyncWorld.ServerDll, ["admin", "audit", "--client", "geen-id", "--db", world.Database]);
        Assert.Equal(2, code);
        Assert.Contains("geen geldig cliënt-id", error);
    }

    [GeneratedRegex(@"\tseq=(\d+)")]
    private static partial Regex Seq();
}
