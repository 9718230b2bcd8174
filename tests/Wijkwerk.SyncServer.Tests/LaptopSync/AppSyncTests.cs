using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Conflicts;
using Wijkwerk.Tui.Screens.Revoked;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>F5 in the full-screen app, headless, against the real server: the screen stays live and shows the result.</summary>
public class AppSyncTests
{
    [Fact]
    public async Task F5_SyncsInTheBackground_ShowsOnlineAndTheResult_AndConflictsReachTheScreen()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (a, b) = (team.Laptops[0], team.Laptops[1]);
        var client = a.NewClient("Wilhelmina", "de Vries");
        await a.Sync();
        await b.Sync();
        a.Store.Clients.Update(a.Find(client.Id)! with { Notes = "Van Anna" });
        b.Store.Clients.Update(b.Find(client.Id)! with { Notes = "Van Bram" });
        await a.Sync();

        var terminal = new FakeTerminal(100, 30);
        var loop = new UiLoop(terminal, TimeProvider.System);
        using var app = new WijkwerkApp(loop, new AppOptions(Lang.Nl, ColorMode.NoColour, AppOptions.DefaultAutoLock), TimeProvider.System, b.Store.Path, b.Store.OpenAnother());
        app.Start();
        loop.RunUntilIdle();
        var before = terminal.ScreenText();

        terminal.Enqueue(KeyInput.Function(5));
        loop.RunUntilIdle();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (app.Sync.IsBusy && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
            loop.RunUntilIdle();
        }

        var after = terminal.ScreenText();
        Assert.False(app.Sync.IsBusy);
        // Before any contact the app does not claim to be offline (nor online): it does not know yet.
        Assert.Contains("verbinding nog onbekend ·", before, StringComparison.Ordinal);
        Assert.Contains("Gesynchroniseerd: 1 verstuurd", after, StringComparison.Ordinal);
        terminal.Enqueue(KeyInput.Character('4'));
        loop.RunUntilIdle();
        Assert.IsType<ConflictsScreen>(loop.Screens.Top);
        Assert.Matches(@"1 bewaard, van Anna: Van Anna\s*\n 2 andere, van u \(Bram\) op [0-9: -]+: Van Bram", terminal.ScreenText());
        app.Toast.Dismiss();
        loop.Post(() => { });
        loop.RunUntilIdle();
        Assert.Contains("online · sync", terminal.ScreenText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task F5_WhenTheStoreFailsMidSync_SaysSoOnTheScreen_AndTheNextF5Syncs()
    {
        using var team = await Team.Noord("Anna", "Bram");
        var (a, b) = (team.Laptops[0], team.Laptops[1]);
        var client = a.NewClient("Wilhelmina", "de Vries");
        await a.Sync();
        // Bram's laptop cannot store the end of the pulled page (as a full disk or a damaged file would do).
        Sql(b, "CREATE TRIGGER refuse_anchor BEFORE UPDATE ON meta WHEN NEW.key = 'sync_anchor' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        var (terminal, loop, app) = OpenApp(b);
        using var _ = app;

        Press(loop, terminal, app, KeyInput.Function(5));
        var failed = terminal.ScreenText();
        Sql(b, "DROP TRIGGER refuse_anchor");
        Press(loop, terminal, app, KeyInput.Function(5));

        Assert.Contains("Sync mislukt door een fout; druk F5 opnieuw.", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", failed, StringComparison.Ordinal);
        Assert.Contains("Gesynchroniseerd: 0 verstuurd, 1 ontvangen", terminal.ScreenText(), StringComparison.Ordinal);
        Assert.NotNull(b.Find(client.Id));
    }

    [Fact]
    public async Task RevokedWhileTheAppShowsADossier_TheAccessLogReachesTheServer_TheStoreIsWiped_AndTheAppSaysSo()
    {
        using var team = await Team.Noord("Anna");
        var a = team.Laptops[0];
        var client = a.NewClient("Wilhelmina", "de Vries");
        await a.Sync();
        var (terminal, loop, app) = OpenApp(a);
        using var _ = app;
        Press(loop, terminal, app, KeyInput.Character('c'));
        Press(loop, terminal, app, KeyInput.Enter);
        var local = AuditLog.Read(a.Store, client.Id);
        // Revoked while the dossier is open: the next contact (F5, or a connection check already under way) learns it.
        team.World.Admin("device", "revoke", a.Store.Identity.DeviceId.ToString());

        Press(loop, terminal, app, KeyInput.Function(5));

        Assert.IsType<RevokedScreen>(loop.Screens.Top);
        Assert.Contains("Deze laptop is ingetrokken door de beheerder.", terminal.ScreenText(), StringComparison.Ordinal);
        Assert.False(File.Exists(a.Store.Path));
        Assert.Contains(local, e => e.Type == AuditEventType.View);
        var central = team.World.Admin("audit", "--client", client.Id.ToString()).Split('\n').Where(l => l.Contains("\tlaptop\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(local.Count, central.Count);
        Assert.All(central, l => Assert.Contains(a.Store.Identity.DeviceId.ToString(), l, StringComparison.Ordinal));
    }

    private static (FakeTerminal Terminal, UiLoop Loop, WijkwerkApp App) OpenApp(Laptop laptop)
    {
        var terminal = new FakeTerminal(100, 30);
        var loop = new UiLoop(terminal, TimeProvider.System);
        var app = new WijkwerkApp(loop, new AppOptions(Lang.Nl, ColorMode.NoColour, AppOptions.DefaultAutoLock), TimeProvider.System, laptop.Store.Path, laptop.Store.OpenAnother());
        app.Start();
        loop.RunUntilIdle();
        return (terminal, loop, app);
    }

    /// <summary>Presses the key and lets a sync it started (after a connection check that may be running) finish, as a person waiting for the status line would.</summary>
    private static void Press(UiLoop loop, FakeTerminal terminal, WijkwerkApp app, KeyInput key)
    {
        terminal.Enqueue(key);
        loop.RunUntilIdle();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (app.Sync.IsBusy && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
            loop.RunUntilIdle();
        }

        Assert.False(app.Sync.IsBusy);
    }

    private static void Sql(Laptop laptop, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = laptop.Store.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
