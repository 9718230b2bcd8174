using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Tui.Screens.Conflicts;
using Wijkwerk.Tui.Screens.Dossier;
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
        Assert.Contains("1 bewaard, van u (Sanne Demo): Versie van Anna", before, StringComparison.Ordinal);
        Assert.Contains($"2 andere, van een collega op {AmsterdamTime.ShowDateTime(app.Clock.GetUtcNow())}: Versie van Bram", before, StringComparison.Ordinal);
        Assert.Empty(screen.Conflicts);
        Assert.Empty(app.Store.Conflicts.Open());
        Assert.Equal("Versie van Bram", app.Store.Clients.Search().Single(c => c.Id == client.Id).Notes);
        Assert.Equal(pending + 2, app.Store.PendingChanges());
        Assert.Contains("Geen conflicten", app.Screen(), StringComparison.Ordinal);
        Assert.Single(new LocalSync(app.Store).Pending(100_000), m => m.Mutation.Table == "conflicts" && m.Mutation.RowId == conflictId && m.Mutation.Columns.ContainsKey("resolved"));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(160)]
    public void TheList_SharesTheWidthInColumns_ALongNameEndsInAnEllipsis_AndTheFieldStaysWhole(int width)
    {
        using var app = new AppHarness(width, 24);
        var (client, problems) = new ClientInput("Wilhelmina-Theodora", "Vanderhoeven-Kleinschmidtberg-Oostenbroek", "1931-02-03", "4850 QX", "1", "", "", "")
            .Validate(Id<Client>.New(app.Clock), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        Assert.Empty(problems);
        app.Store.Clients.Add(client!);
        ArriveConflict(app, client!.Id.Value, "notes", "Valt vaak", "Eet slecht");
        ArriveConflict(app, app.Store.Clients.Search()[0].Id.Value, "phone", "0612345678", "0687654321");

        app.Press('4');
        var lines = app.Screen().Split('\n');
        app.Press('/').Type("telefoon");
        var filtered = app.TopAs<ConflictsScreen>().Conflicts;

        var heading = Assert.Single(lines, l => l.Contains("Wanneer", StringComparison.Ordinal));
        Assert.Matches(@"^  Wanneer\s+Cliënt\s+Veld$", heading.TrimEnd());
        var longRow = Assert.Single(lines, l => l.Contains("Vanderhoeven", StringComparison.Ordinal));
        Assert.Matches(@"Vanderhoeven-Kleinschmidtberg[^…]*… +Notities$", longRow.TrimEnd());
        Assert.Equal(heading.IndexOf("Veld", StringComparison.Ordinal), longRow.IndexOf("Notities", StringComparison.Ordinal));
        Assert.True(heading.IndexOf("Veld", StringComparison.Ordinal) > 50, heading);
        Assert.Equal("phone", Assert.Single(filtered).Column);
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

    [Fact]
    public void Dossier_SaysThereIsAnOpenConflict_AndFourOpensThatClientsConflictsOnly()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var dossier = app.TopAs<DossierScreen>();
        var client = dossier.Dossier!.Client;
        var other = app.Store.Clients.Search().First(c => c.Id != client.Id);
        ArriveConflict(app, client.Id.Value, "phone", "0612345678", "0687654321");
        ArriveConflict(app, other.Id.Value, "notes", "Valt vaak", "Eet slecht");
        var without = app.Screen();
        dossier.OnResumed();
        app.Press(KeyInput.Home);
        var with = app.Screen();

        app.Press('4');
        var conflicts = app.TopAs<ConflictsScreen>();
        var shown = conflicts.Conflicts.ToList();
        app.Press('2').Press('j').Press(KeyInput.Escape);

        Assert.DoesNotContain("Open conflict", without, StringComparison.Ordinal);
        Assert.Contains("! Open conflict over Telefoon", with, StringComparison.Ordinal);
        Assert.Equal(client.Id.Value, Assert.Single(shown).ClientId);
        Assert.Same(dossier, app.Top);
        Assert.DoesNotContain("Open conflict", app.Screen(), StringComparison.Ordinal);
        Assert.Single(app.Store.Conflicts.Open());
    }

    [Fact]
    public void Dossier_WithoutAConflict_LeavesFourToTheConflictsOfEveryone()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var client = app.TopAs<DossierScreen>().Dossier!.Client;
        var other = app.Store.Clients.Search().First(c => c.Id != client.Id);
        ArriveConflict(app, other.Id.Value, "notes", "Valt vaak", "Eet slecht");

        app.Press('4');

        Assert.Single(app.TopAs<ConflictsScreen>().Conflicts);
    }

    [Fact]
    public void AColleagueNamedByTheServer_IsNamedWithTheirValue()
    {
        using var app = new AppHarness();
        var client = app.Store.Clients.Search()[0];
        ArriveConflict(app, client.Id.Value, "phone", "0612345678", "0687654321");
        new LocalSync(app.Store).Apply(new PullResponse([], 1, false, 0, 0, [new WorkerInfo(Colleague, "Bram Testcollega")]));

        app.Press('4');

        Assert.Contains("2 andere, van Bram Testcollega op", app.Screen(), StringComparison.Ordinal);
    }

    private static readonly Guid Colleague = Guid.Parse("0193a000-0000-7000-8000-0000000000c2");

    internal static Guid ArriveConflict(AppHarness app, Guid clientId, string column, string kept, string other)
    {
        var id = Guid.CreateVersion7();
        new LocalSync(app.Store).Apply(new PullResponse(
        [
            new RowChange(1, "conflicts", id, 1, false, false, app.Clock.GetUtcNow(), Guid.Empty, new Dictionary<string, string?>
            {
                ["table_name"] = "clients", ["row_id"] = clientId.ToString(), ["client_id"] = clientId.ToString(), ["column_name"] = column,
                ["kept_value"] = kept, ["other_value"] = other, ["kept_by"] = app.Store.Identity.WorkerId.ToString(), ["other_by"] = Colleague.ToString(),
                ["at"] = app.Clock.GetUtcNow().ToString("O"), ["resolved"] = null,
            }),
        ], 1, false, 0, 0));
        return id;
    }
}
