using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Screens.Conflicts;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// The one focus model of every list screen: the list has the focus on open, so letters are commands;
/// "/" moves to the filter, Enter goes back to the list with the filter kept, Esc clears it.
/// </summary>
public class ListFocusTests
{
    public static TheoryData<string> ListScreens => ["clients", "queue", "conflicts"];

    /// <summary>The list screens and home, which is the root: Esc there has no screen to go back to.</summary>
    public static TheoryData<string> ListScreensAndHome => ["clients", "queue", "conflicts", "home"];

    [Theory]
    [MemberData(nameof(ListScreensAndHome))]
    public void OnOpen_TheListHasTheFocus_SoJMovesAndQQuits(string name)
    {
        using var list = ListUnderTest.Open(name);
        var app = list.App;
        var opened = app.Screen();
        var cursorRow = app.Top!.Cursor!.Value.Y;

        app.Press('j');
        var afterJ = app.Screen();
        var movedTo = app.Top!.Cursor!.Value.Y;
        app.Press('q');

        Assert.False(FilterLine(opened).StartsWith('>'), $"The filter has the focus on open:\n{opened}");
        Assert.StartsWith("> ", opened.Split('\n')[cursorRow], StringComparison.Ordinal);
        Assert.Equal(cursorRow + 1, movedTo);
        Assert.DoesNotContain("Zoek      j", afterJ, StringComparison.Ordinal);
        Assert.Equal(list.All, list.Visible());
        Assert.True(app.Loop.IsStopped, "q did not quit from the list.");
    }

    [Theory]
    [MemberData(nameof(ListScreens))]
    public void Slash_FocusesTheFilter_EnterKeepsTheFilterOnTheList_EscClearsIt_ThenGoesBack(string name)
    {
        using var list = ListUnderTest.Open(name);
        var app = list.App;
        var screen = app.Top;

        app.Press('/');
        var filtering = app.Screen();
        app.Type(list.Query);
        var narrowed = list.Visible();
        app.Press(KeyInput.Enter);
        var backOnTheList = app.Screen();
        // On the list again, letters are commands: "j" is not typed into the kept filter.
        app.Press('j');
        var keptFilter = app.Screen();
        var stillNarrowed = list.Visible();
        app.Press(KeyInput.Escape);
        var cleared = list.Visible();
        var stayed = app.Top;
        app.Press(KeyInput.Escape);

        Assert.StartsWith(">", FilterLine(filtering), StringComparison.Ordinal);
        Assert.Equal(1, narrowed);
        Assert.False(FilterLine(backOnTheList).StartsWith('>'), backOnTheList);
        Assert.Contains(list.Query, FilterLine(backOnTheList), StringComparison.Ordinal);
        Assert.EndsWith(list.Query, FilterLine(keptFilter), StringComparison.Ordinal);
        Assert.Equal(1, stillNarrowed);
        Assert.Equal(list.All, cleared);
        Assert.Same(screen, stayed);
        Assert.NotSame(screen, app.Top);
    }

    [Theory]
    [MemberData(nameof(ListScreensAndHome))]
    public void EscInTheFilter_ClearsItAndGoesBackToTheList_WhereQQuits(string name)
    {
        using var list = ListUnderTest.Open(name);
        var app = list.App;

        app.Press('/').Type(list.Query).Press(KeyInput.Escape);
        var left = app.Screen();
        var all = list.Visible();
        app.Press('q');

        Assert.False(FilterLine(left).StartsWith('>'), left);
        Assert.Equal(list.All, all);
        Assert.True(app.Loop.IsStopped);
    }

    [Theory]
    [MemberData(nameof(ListScreensAndHome))]
    public void TypingInTheFilter_TakesLettersAndDigits_AsSearchText(string name)
    {
        using var list = ListUnderTest.Open(name);
        var app = list.App;
        var screen = app.Top;

        app.Press('/').Type("q5hn4");

        Assert.Same(screen, app.Top);
        Assert.False(app.Loop.IsStopped);
        Assert.EndsWith("q5hn4", FilterLine(app.Screen()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ListScreensAndHome))]
    public void Help_OnTheList_ListsSlashToFilter_AndWhileFiltering_EnterAndEsc(string name)
    {
        using var list = ListUnderTest.Open(name);
        var app = list.App;

        app.Press('?');
        var onList = app.Screen();
        app.Press(KeyInput.Escape).Press('/').Press(KeyInput.Function(1));
        var whileFiltering = app.Screen();

        Assert.Contains("/ ", onList, StringComparison.Ordinal);
        Assert.Contains("Filteren", onList, StringComparison.Ordinal);
        Assert.Contains("Afsluiten", onList, StringComparison.Ordinal);
        Assert.Contains("Naar de lijst", whileFiltering, StringComparison.Ordinal);
        Assert.Contains("Filter wissen", whileFiltering, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_SlashFiltersItsSignals_EnterKeepsTheFilterOnTheList_EscClearsIt_AndHomeStays()
    {
        using var list = ListUnderTest.Open("home");
        var app = list.App;
        var home = app.TopAs<HomeScreen>();

        app.Press('/').Type(list.Query);
        var narrowed = list.Visible();
        app.Press(KeyInput.Enter);
        var backOnTheList = app.Screen();
        app.Press(KeyInput.Escape);
        var cleared = list.Visible();
        app.Press(KeyInput.Escape);

        Assert.Equal(1, narrowed);
        Assert.False(FilterLine(backOnTheList).StartsWith('>'), backOnTheList);
        Assert.Contains(list.Query, backOnTheList.Split('\n').Single(l => l.StartsWith("> ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(list.All, cleared);
        Assert.True(list.All > 1);
        Assert.Same(home, app.Top);
        app.Press(KeyInput.Enter);
        app.TopAs<DossierScreen>();
    }

    [Fact]
    public void OneLetterCommands_WorkFromTheClientList()
    {
        using var app = new AppHarness();

        app.Press('c').Press('n');
        var form = app.Top;
        app.Press(KeyInput.Escape).Press('5');
        var queue = app.Top;
        app.Press('c').Press('4');
        var conflicts = app.Top;
        app.Press('c').Press('h');

        Assert.IsType<ClientFormScreen>(form);
        Assert.IsType<ReviewQueueScreen>(queue);
        Assert.IsType<ConflictsScreen>(conflicts);
        app.TopAs<HomeScreen>();
    }

    private static string FilterLine(string screen) => screen.Split('\n').First(l => l.Contains("Zoek", StringComparison.Ordinal)).Trim();

    /// <summary>A list screen opened the way a person opens it, with a query that leaves exactly one row.</summary>
    private sealed class ListUnderTest(AppHarness app, IDisposable owner, Func<int> visible, string query) : IDisposable
    {
        public AppHarness App { get; } = app;

        public string Query { get; } = query;

        public int All { get; } = visible();

        public int Visible() => visible();

        public static ListUnderTest Open(string name)
        {
            switch (name)
            {
                case "clients":
                {
                    var app = new AppHarness();
                    var client = app.Store.Clients.Search()[3];
                    app.Press('c');
                    var screen = app.TopAs<ClientsScreen>();
                    return new(app, app, () => screen.Visible.Count, $"{client.Name.Full} {Core.Domain.Common.DateText.Show(client.BirthDate)}");
                }
                case "queue":
                {
                    var desk = new ConsultantDesk();
                    desk.App.Press('5');
                    var screen = desk.App.TopAs<ReviewQueueScreen>();
                    return new(desk.App, desk, () => screen.Visible.Count, "zuid");
                }
                case "home":
                {
                    var app = new AppHarness();
                    var screen = app.TopAs<HomeScreen>();
                    var names = screen.Signals.Select(s => app.Store.Clients.NameOf(s.Signal.ClientId)!.SortForm).ToList();
                    var query = names.First(n => names.Count(m => m.Contains(n, StringComparison.OrdinalIgnoreCase)) == 1);
                    return new(app, app, () => screen.Signals.Count, query);
                }
                default:
                {
                    var app = new AppHarness();
                    var clients = app.Store.Clients.Search();
                    ConflictsScreenTests.ArriveConflict(app, clients[0].Id.Value, "notes", "Valt vaak", "Eet slecht");
                    ConflictsScreenTests.ArriveConflict(app, clients[1].Id.Value, "phone", "0612345678", "0687654321");
                    app.Press('4');
                    var screen = app.TopAs<ConflictsScreen>();
                    return new(app, app, () => screen.Conflicts.Count, "Telefoon");
                }
            }
        }

        public void Dispose() => owner.Dispose();
    }
}
