using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Patterns;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Issue 14, the patterns screens driven by keys on the demo's patterns: home tells a team leader how many are new and
/// opens them with a key listed in help; the list and detail show counts and money, never a client; only the steps
/// the rules allow are offered, each confirmed with Nee as the default and checked as typed.
/// </summary>
public sealed class PatternScreenTests
{
    private static readonly string[] Steps = ["pattern-discussed", "pattern-fix", "pattern-close", "pattern-dismiss"];

    [Fact]
    public void Home_OfATeamLeader_CountsTheNewPatterns_AndKeyWOpensTheList()
    {
        using var app = PatternDesk.Open();

        Assert.Contains("2 nieuwe patronen voor de werktafel (toets w)", app.Screen(), StringComparison.Ordinal);
        app.Press('w');

        var list = app.TopAs<PatternsScreen>();
        Assert.Equal(["spookbewoning", "tandarts-geen-dekking", "tandartskosten"], list.Visible.Select(p => p.Pattern.TagKey).Order());
        Assert.Contains(list.Visible, p => p.Pattern is { TagKey: "spookbewoning", Cases: 5, Clients: 5, State: PatternState.Raised });
    }

    [Fact]
    public void Help_OnHome_ListsThePatternsKey()
    {
        using var app = PatternDesk.Open(120, 40);

        app.Press('?');

        Assert.Contains("Werktafel", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Home_OfANurse_HasNoPatternsLineNorKey()
    {
        using var app = PatternDesk.Open(role: Role.Nurse);

        Assert.DoesNotContain("patro", app.Screen(), StringComparison.OrdinalIgnoreCase);
        app.Press('w');
        Assert.IsType<HomeScreen>(app.Top);
    }

    [Fact]
    public void Detail_ShowsCountsPerBudgetAsBars_AndNoClientName()
    {
        using var app = PatternDesk.Open(160, 50);
        var names = app.Store.Clients.Search().Select(c => c.Name.Surname).ToList();
        OpenPattern(app, DemoPatterns.GhostResidents);

        var screen = app.Screen();
        Assert.Contains("5 zaken van 5 cliënten", screen, StringComparison.Ordinal);
        Assert.Matches(@"minimaatwerkbudget\s+█+\s+5 · ", screen);
        Assert.All(names, name => Assert.DoesNotContain(name, screen, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PatternState.Raised, new[] { "pattern-discussed", "pattern-dismiss" })]
    [InlineData(PatternState.Discussed, new[] { "pattern-fix", "pattern-dismiss" })]
    public void Detail_OffersOnlyTheStepsTheRulesAllow(PatternState state, string[] offered)
    {
        using var app = PatternDesk.Open();
        var detail = OpenPattern(app, app.Store.Patterns.All().First(p => p.Pattern.State == state).Pattern.TagKey);

        Assert.Equal(offered, Steps.Where(s => Offered(detail, s)));
    }

    [Fact]
    public void Discussed_IsConfirmedWithNeeAsDefault_ThenWaitsForTheServer()
    {
        using var app = PatternDesk.Open(160, 50);
        var pending = app.Store.PendingChanges(); // the demo's own records, never synced
        OpenPattern(app, DemoPatterns.GhostResidents);
        app.Press('b').Type("Werktafel van dinsdag");

        app.Press(KeyInput.Ctrl('s'));
        Assert.IsType<ConfirmScreen>(app.Top);
        app.Press(KeyInput.Enter); // Nee
        Assert.IsType<PatternStepFormScreen>(app.Top);
        Assert.Equal(PatternState.Raised, Find(app, DemoPatterns.GhostResidents).Pattern.State);

        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);

        var detail = app.TopAs<PatternDetailScreen>();
        Assert.Equal(PatternState.Discussed, detail.View!.Pattern.State);
        Assert.True(detail.View.Steps[^1].Pending);
        Assert.Contains("(wacht op synchronisatie)", app.Screen(), StringComparison.Ordinal);
        Assert.Equal(pending + 1, app.Store.PendingChanges());
    }

    [Fact]
    public void FixAgreed_WithoutWhoAndWhen_NamesTheFields_AndIsNotStored()
    {
        using var app = PatternDesk.Open(120, 40);
        var pending = app.Store.PendingChanges();
        OpenPattern(app, DemoPatterns.DentalCosts);
        app.Press('o').Type("Zorgverzekeraar vergoedt prothesereparatie uit de basis");

        app.Press(KeyInput.Ctrl('s'));

        var form = app.TopAs<PatternStepFormScreen>();
        Assert.Equal(["uiterlijk", "wie"], form.Problems.Select(p => p.Field).Order());
        Assert.Equal(pending, app.Store.PendingChanges());
    }

    [Fact]
    public void Dismiss_WithoutReason_IsRefusedAsTyped()
    {
        using var app = PatternDesk.Open();
        OpenPattern(app, DemoPatterns.GhostResidents);

        app.Press('x').Press(KeyInput.Ctrl('s'));

        var form = app.TopAs<PatternStepFormScreen>();
        Assert.Equal("reden", Assert.Single(form.Problems).Field);
        Assert.Equal(TextId.FieldRequired, form.Problems[0].Text);
    }

    private static PatternDetailScreen OpenPattern(AppHarness app, string tag)
    {
        app.Press('w');
        var list = app.TopAs<PatternsScreen>();
        var index = list.Visible.ToList().FindIndex(p => p.Pattern.TagKey == tag);
        for (var i = 0; i < index; i++)
            app.Press(KeyInput.Down);
        app.Press(KeyInput.Enter);
        return app.TopAs<PatternDetailScreen>();
    }

    private static Core.Storage.Repositories.PatternView Find(AppHarness app, string tag) => app.Store.Patterns.All().Single(p => p.Pattern.TagKey == tag);

    private static bool Offered(PatternDetailScreen screen, string command) =>
        screen.AllCommands.Commands.Any(c => c.Id == command && c.IsEnabled());
}
