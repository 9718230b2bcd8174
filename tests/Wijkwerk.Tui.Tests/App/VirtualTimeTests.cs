using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Unlock;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.App;

/// <summary>
/// The app's timers on a virtual clock: time passes tick by tick through the real UI loop, and no test
/// sleeps. What depends on time alone (a message going away, the idle lock) happens without a key.
/// </summary>
public sealed class VirtualTimeTests
{
    [Fact]
    public void Toast_DisappearsFromTheScreenWhenItsTimeIsUp_WithoutAKey()
    {
        using var app = new AppHarness();
        app.App.Notify("Proefbericht verstuurd.");
        app.Loop.RunUntilIdle();

        app.Clock.Pass(app.Loop, Toast.DefaultDuration - TimeSpan.FromMilliseconds(500));
        var before = app.Screen();
        app.Clock.Pass(app.Loop, TimeSpan.FromSeconds(1));

        Assert.Contains("Proefbericht verstuurd.", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Proefbericht verstuurd.", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void IdleLock_CountsFromTheLastKey()
    {
        using var app = new AppHarness();
        var almost = AppOptions.DefaultAutoLock - TimeSpan.FromMinutes(1);

        app.Clock.Pass(app.Loop, almost);
        app.Press(KeyInput.Down);
        app.Clock.Pass(app.Loop, almost);
        app.TopAs<HomeScreen>();
        app.Clock.Pass(app.Loop, TimeSpan.FromMinutes(1) + app.Loop.TickInterval);

        app.TopAs<UnlockScreen>();
        Assert.True(app.App.IsLocked);
    }
}
