using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Conflicts;
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
        while (app.Sync.IsRunning && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
            loop.RunUntilIdle();
        }

        var after = terminal.ScreenText();
        Assert.False(app.Sync.IsRunning);
        Assert.Contains("offline ·", before, StringComparison.Ordinal);
        Assert.Contains("Gesynchroniseerd: 1 verstuurd", after, StringComparison.Ordinal);
        terminal.Enqueue(KeyInput.Character('4'));
        loop.RunUntilIdle();
        Assert.IsType<ConflictsScreen>(loop.Screens.Top);
        Assert.True(terminal.ScreenText().Contains("2 andere: Van Bram", StringComparison.Ordinal), terminal.ScreenText());
        app.Toast.Dismiss();
        loop.Post(() => { });
        loop.RunUntilIdle();
        Assert.Contains("online · sync", terminal.ScreenText(), StringComparison.Ordinal);
    }
}
