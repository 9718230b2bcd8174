using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Tui.Screens.Conflicts;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The conflicts screen on a store holding conflicts as the server delivers them.</summary>
public class ConflictsScreenTests
{
    [Fact]
    public void KeepOrTakeOther_SettlesTheConflictAndQueuesTheChoice()
    {
        using var app = new AppHarness();
        var client = app.Store.Clients.Search()[0];
        var conflictId = ArriveConflict(app, client.Id.Value, "notes", "Versie van Anna", "Versie van Bram");
        app.Press('4');
        var screen = app.TopAs<ConflictsScreen>();
        var before = app.Screen();
        var pending = app.Store.PendingChanges();

        app.Press('2');
        var asked = app.Screen();
        app.Press(KeyInput.Escape);
        var afterNo = app.Store.Conflicts.Open().Count;
        app.Press('2').Press('j');

        Assert.Contains("'Versie van Bram' houden en de andere waarde laten vallen?", asked, StringComparison.Ordinal);
        Assert.Equal(1, afterNo);
        Assert.Contains("Notities", before, StringComparison.Ordinal);
        Assert.Contains("1 bewaard: Versie van Anna", before, StringComparison.Ordinal);
        Assert.Contains("2 andere: Versie van Bram", before, StringComparison.Ordinal);
        Assert.Empty(screen.Conflicts);
        Assert.Empty(app.Store.Conflicts.Open());
        Assert.Equal("Versie van Bram", app.Store.Clients.Search().Single(c => c.Id == client.Id).Notes);
        Assert.Equal(pending + 2, app.Store.PendingChanges());
        Assert.Contains("Geen conflicten", app.Screen(), StringComparison.Ordinal);
        Assert.Single(new LocalSync(app.Store).Pending(100_000), m => m.Mutation.Table == "conflicts" && m.Mutation.RowId == conflictId && m.Mutation.Columns.ContainsKey("resolved"));
    }

    [Fact]
    public void Merge_SavesTheTextTheWorkerTyped()
    {
        using var app = new AppHarness();
        var client = app.Store.Clients.Search()[1];
        ArriveConflict(app, client.Id.Value, "notes", "Valt vaak", "Eet slecht");
        app.Press('4').Press('m');
        app.Press(KeyInput.End).Type(" en drinkt weinig");

        app.Press(KeyInput.Ctrl('s'));

        Assert.Equal("Valt vaak\nEet slecht en drinkt weinig", app.Store.Clients.Search().Single(c => c.Id == client.Id).Notes);
        Assert.Empty(app.Store.Conflicts.Open());
        app.TopAs<ConflictsScreen>();
    }

    internal static Guid ArriveConflict(AppHarness app, Guid clientId, string column, string kept, string other)
    {
        var id = Guid.CreateVersion7();
        new LocalSync(app.Store).Apply(new PullResponse(
        [
            new RowChange(1, "conflicts", id, 1, false, false, app.Clock.GetUtcNow(), Guid.Empty, new Dictionary<string, string?>
            {
                ["table_name"] = "clients", ["row_id"] = clientId.ToString(), ["client_id"] = clientId.ToString(), ["column_name"] = column,
                ["kept_value"] = kept, ["other_value"] = other, ["kept_by"] = "Anna", ["other_by"] = "Bram",
                ["at"] = app.Clock.GetUtcNow().ToString("O"), ["resolved"] = null,
            }),
        ], 1, false, 0, 0));
        return id;
    }
}
