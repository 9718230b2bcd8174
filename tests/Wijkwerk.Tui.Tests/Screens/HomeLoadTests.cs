using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Home reads a screenful of open signals for its first frame and the rest right after it; once the loop has run,
/// the list is the whole one, in order, with the counts of the whole one.
/// </summary>
public class HomeLoadTests
{
    [Theory]
    [InlineData(Role.Nurse)]
    [InlineData(Role.TeamLeader)]
    public void OnACaseloadOfSeveralScreenfuls_HomeListsEveryOpenSignalInOrder_AndCountsThemAll(Role role)
    {
        using var app = new AppHarness(clients: 400, role: role);
        var home = app.TopAs<HomeScreen>();
        var mine = role == Role.TeamLeader ? (Id<Worker>?)null : app.Store.Identity.WorkerId;
        var all = app.Store.Signals.OpenHeaders(mine);

        Assert.True(all.Headers.Count(s => s.Urgency != Urgency.Eropaf) > 200, "the demo must hold more than a screenful");
        Assert.Equal(all.Headers, home.Signals.Select(s => s.Signal));
        Assert.Contains($"open: {all.Count} ", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void BackFromADossier_HomeReadsAgain_AndHoldsEachSignalOnce()
    {
        using var app = new AppHarness(clients: 400);
        var home = app.TopAs<HomeScreen>();
        var before = home.Signals.Select(s => s.Signal.Id).ToList();

        app.Press(KeyInput.Enter);
        Assert.IsNotType<HomeScreen>(app.Top);
        app.Press(KeyInput.Escape);

        var after = app.TopAs<HomeScreen>().Signals.Select(s => s.Signal.Id).ToList();
        Assert.Equal(before, after);
        Assert.Equal(after.Count, after.Distinct().Count());
    }
}
