using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// A batch of long texts fits no single request a server takes (8 MB by default): the laptop splits its pushes by size, so
/// every row and every audit event still arrives, instead of the same batch being refused at every sync.
/// </summary>
public sealed class PushBodyTests
{
    [Fact]
    public async Task ABatchOfLongTexts_LargerThanTheServerTakes_ArrivesWhole_InPushesBelowTheLimit()
    {
        using var world = await LaptopSyncTests.TeamOfTwo();
        var (a, b) = (world.Laptops[0], world.Laptops[1]);
        // Beyond ASCII, every character travels as a six-byte escape: 400 such notes are about 10 MB.
        var notes = string.Concat(Enumerable.Repeat("ëé", Client.MaxNotesLength / 2));
        var clients = Enumerable.Range(0, 400).Select(i => a.NewClient("Klant" + i, "Test")).ToList();
        foreach (var client in clients)
            a.Store.Clients.Update(a.Find(client.Id)! with { Notes = notes });
        var events = AuditLog.Read(a.Store).Count;

        using var watching = new FaultyHandler(int.MaxValue, FaultyHandler.Cut.BeforeRequest);
        var pushed = await a.Sync(watching);
        var pulled = await b.Sync();

        Assert.True(pushed.Converged && pulled.Converged);
        Assert.Equal((clients.Count, 0), (pushed.Accepted, pushed.Refused));
        Assert.Equal(events, pushed.AuditUploaded);
        Assert.Equal(0, a.Store.PendingChanges());
        Assert.All(clients, c => Assert.Equal(notes, b.Find(c.Id)?.Notes));
        var pushes = watching.Paths.Select((path, i) => (path, bytes: watching.BodyBytes[i])).Where(r => r.path is SyncProtocol.PushPath or SyncProtocol.PushInTurnPath).ToList();
        Assert.True(pushes.Count > 2, $"{pushes.Count} pushes");
        Assert.All(pushes, p => Assert.InRange(p.bytes, 1, SyncProtocol.MaxPushBodyBytes));
    }
}
