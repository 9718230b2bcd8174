using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

public class AuditLogTests
{
    [Fact]
    public void Actions_EachAppendTheirEvent_WithWorkerRoleAndDevice()
    {
        using var temp = new TempStore();
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        temp.Store.Clients.Search();
        temp.Store.Dossiers.Open(client.Id);
        temp.Store.Clients.Update(client with { Notes = "Nieuwe notitie" });
        Exports.RecordDelivery(temp.Store, Exports.Clients(temp.Store));
        temp.Store.Clients.Delete(client.Id);

        var events = AuditLog.Read(temp.Store);

        Assert.Equal(
            [AuditEventType.Create, AuditEventType.Search, AuditEventType.View, AuditEventType.Change, AuditEventType.Export, AuditEventType.Delete],
            events.Select(e => e.Type));
        Assert.All(events, e =>
        {
            Assert.Equal(TempStore.Identity.WorkerId.Value, e.WorkerId);
            Assert.Equal("nurse", e.Role);
            Assert.Equal(TempStore.Identity.DeviceId, e.DeviceId);
            Assert.Equal(AuditOutcome.Success, e.Outcome);
            Assert.Equal(temp.Clock.UtcNow, e.At);
        });
        Assert.Null(events[1].ClientId);
        Assert.Equal(client.Id.Value, events[2].ClientId);
    }

    [Fact]
    public void ConflictsReviewedOnScreen_AreLoggedAsOneSearch_WhileTheSyncsOwnReadingIsNot()
    {
        using var temp = new TempStore();

        temp.Store.Conflicts.Open();
        temp.Store.Conflicts.Review();

        var logged = Assert.Single(AuditLog.Read(temp.Store));
        Assert.Equal((AuditEventType.Search, null), (logged.Type, logged.ClientId));
    }

    [Fact]
    public void Read_ForOneClient_ListsOnlyThatClientsEvents()
    {
        using var temp = new TempStore();
        var anna = temp.NewClient("Anna");
        var piet = temp.NewClient("Piet", "Jansen");
        temp.Store.Clients.Add(anna);
        temp.Store.Clients.Add(piet);
        temp.Store.Dossiers.Open(piet.Id);

        var events = AuditLog.Read(temp.Store, piet.Id);

        Assert.Equal([AuditEventType.Create, AuditEventType.View], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(piet.Id.Value, e.ClientId));
    }

    [Fact]
    public void Verify_UntouchedLog_IsIntact()
    {
        using var temp = new TempStore();
        Fill(temp);

        var result = AuditLog.Verify(temp.Store);

        Assert.True(result.IsIntact);
        Assert.Equal(temp.Count("SELECT count(*) FROM audit_events"), result.EventsChecked);
    }

    [Fact]
    public void Verify_ChangedEvent_BreaksAtThatEvent()
    {
        using var temp = new TempStore();
        Fill(temp);
        temp.Execute("UPDATE audit_events SET event_type = 'Search' WHERE seq = 3");

        var result = AuditLog.Verify(temp.Store);

        Assert.Equal(AuditBreak.Changed, result.Break);
        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(2, result.EventsChecked);
    }

    [Fact]
    public void Verify_RemovedMiddleEvent_ReportsItMissing()
    {
        using var temp = new TempStore();
        Fill(temp);
        temp.Execute("DELETE FROM audit_events WHERE seq = 2");

        var result = AuditLog.Verify(temp.Store);

        Assert.Equal(AuditBreak.Missing, result.Break);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public void Verify_RenumberedAfterRemoval_StillDetected()
    {
        using var temp = new TempStore();
        Fill(temp);
        temp.Execute("DELETE FROM audit_events WHERE seq = 2; UPDATE audit_events SET seq = seq - 1 WHERE seq > 2");

        Assert.Equal(AuditBreak.Changed, AuditLog.Verify(temp.Store).Break);
    }

    [Fact]
    public void Verify_LastEventsCutOff_ReportsTruncation()
    {
        using var temp = new TempStore();
        Fill(temp);
        var total = temp.Count("SELECT count(*) FROM audit_events");
        temp.Execute($"DELETE FROM audit_events WHERE seq >= {total - 1}");

        var result = AuditLog.Verify(temp.Store);

        Assert.Equal(AuditBreak.Truncated, result.Break);
        Assert.Equal(total - 1, result.BrokenAt);
    }

    private static void Fill(TempStore temp)
    {
        for (var i = 0; i < 3; i++)
        {
            var client = temp.NewClient("Anna" + i);
            temp.Store.Clients.Add(client);
            temp.Store.Dossiers.Open(client.Id);
        }
    }
}
