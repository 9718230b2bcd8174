using System.Diagnostics;
using Wijkwerk.Core.Sync.Laptop;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>Connections cut at every batch boundary, a server crash mid-sync, a laptop killed mid-pull: nothing doubled, nothing lost.</summary>
public class FaultInjectionTests
{
    private const int Batch = 50;

    [Theory]
    [InlineData(FaultyHandler.Cut.BeforeRequest)]
    [InlineData(FaultyHandler.Cut.AfterResponse)]
    public async Task ConnectionCutAtEveryPushAndPullBoundary_EndsComplete(FaultyHandler.Cut cut)
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (world, a, b) = (team.World, team.Laptops[0], team.Laptops[1]);
        a.Store.Batch(() =>
        {
            for (var i = 0; i < 4 * Batch; i++)
                a.NewClient("Naam" + i, "Achternaam" + i);
        });

        // Request k is the k-th batch boundary: first the pushes of A, then the pulls of A and B.
        for (var failAt = 1; failAt <= 12; failAt++)
        {
            foreach (var laptop in new[] { a, b })
            {
                using var handler = new FaultyHandler(failAt, cut);
                var failed = false;
                try
                {
                    await laptop.Sync(handler, Batch);
                }
                catch (SyncTransportException)
                {
                    failed = true;
                }

                // A sync that reached the cut must fail, unless the cut push was one the laptop dropped and sent again; one that finished before it must not.
                Assert.Equal(handler.Requests >= failAt && !handler.CutPushDroppedBehindAConflict, failed);
            }
        }

        var reportA = await a.Sync(batch: Batch);
        var reportB = await b.Sync(batch: Batch);

        Assert.True(reportA.Converged && reportB.Converged);
        Assert.Equal(4 * Batch, a.Store.Clients.Count());
        Assert.Equal(4 * Batch, b.Store.Clients.Count());
        Assert.Equal(0, a.Store.PendingChanges());
        Assert.Equal(a.Clients().Select(c => c.ToString()).Order(), b.Clients().Select(c => c.ToString()).Order());
    }

    [Fact]
    public async Task ServerCrashesAndRestartsInTheMiddleOfASync_NextSyncCompletes()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (world, a, b) = (team.World, team.Laptops[0], team.Laptops[1]);
        a.Store.Batch(() =>
        {
            for (var i = 0; i < 3 * Batch; i++)
                a.NewClient("Naam" + i, "Achternaam" + i);
        });

        using (var crashDuringPush = new FaultyHandler(2, FaultyHandler.Cut.BeforeRequest, world.RestartServer))
            await Assert.ThrowsAsync<SyncTransportException>(() => a.Sync(crashDuringPush, Batch));
        await a.Sync(batch: Batch);
        using (var crashDuringPull = new FaultyHandler(2, FaultyHandler.Cut.BeforeRequest, world.RestartServer))
            await Assert.ThrowsAsync<SyncTransportException>(() => b.Sync(crashDuringPull, Batch));
        var report = await b.Sync(batch: Batch);

        Assert.True(report.Converged);
        Assert.Equal(3 * Batch, b.Store.Clients.Count());
    }

    [Fact]
    public async Task RealProgramKilledWhilePulling_NextSyncHasEverythingOnce()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (world, a, b) = (team.World, team.Laptops[0], team.Laptops[1]);
        const int clients = 3000;
        a.Store.Batch(() =>
        {
            for (var i = 0; i < clients; i++)
                a.NewClient("Naam" + i, "Achternaam" + i);
        });
        await a.Sync();
        b.Store.Dispose();

        // The real wijkwerk pulls in pages of 1000, each applied with its anchor in one transaction; kill it once pages land.
        var environment = new Dictionary<string, string> { ["WIJKWERK_PASSPHRASE"] = SyncWorld.Passphrase };
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "wijkwerk.dll"), "sync", "--data", b.Folder })
            info.ArgumentList.Add(arg);
        info.Environment["WIJKWERK_PASSPHRASE"] = SyncWorld.Passphrase;
        using (var process = Process.Start(info)!)
        {
            var wal = Path.Combine(b.Folder, "wijkwerk.db-wal");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(File.Exists(wal) && new FileInfo(wal).Length > 500_000) && !process.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(2);
            Assert.False(process.HasExited, "the sync finished before it could be killed mid-pull");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var (code, output, error) = SyncWorld.Run(Path.Combine(AppContext.BaseDirectory, "wijkwerk.dll"), ["sync", "--data", b.Folder], environment);
        Assert.True(code == 0, error);
        b.Reopen();

        Assert.Equal(clients, b.Store.Clients.Count());
        Assert.DoesNotContain("Let op", error);
        Assert.Contains("Gesynchroniseerd", output);
    }
}
