using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// The help overlay of every screen lists that screen's own command table (and the global keys),
/// read back from the rendered 80×24 screen, so help cannot drift from what the keys do.
/// </summary>
public sealed class HelpOverlayTests
{
    public static TheoryData<string> ScreenNames => new() { "unlock", "home", "clients", "dossier", "client-new", "client-edit", "signal-new", "visit-new" };

    [Theory]
    [MemberData(nameof(ScreenNames))]
    public void F1_ListsEveryKeyOfTheScreen(string name)
    {
        using var app = Open(name, Lang.Nl);
        var screen = (AppScreen)app.Top!;
        var own = screen.Commands.HelpEntries(Lang.Nl);
        var others = OtherScreensOnlyLabels(name);

        app.Press(KeyInput.Function(1));
        var help = AllPages(app);
        app.TopAs<HelpScreen>();
        var lines = help.Split('\n');

        Assert.NotEmpty(own);
        foreach (var entry in own.Concat(app.App.GlobalCommands.HelpEntries(Lang.Nl)))
            Assert.True(lines.Any(l => l.Contains($"│ {entry.Keys} ", StringComparison.Ordinal) && l.Contains(entry.Label, StringComparison.Ordinal)), $"'{entry.Keys} {entry.Label}' missing from help of {name}:\n{help}");
        foreach (var label in others)
            Assert.DoesNotContain("  " + label, help, StringComparison.Ordinal);

        app.Press(KeyInput.Escape);
        Assert.Same(screen, app.Top);
    }

    [Fact]
    public void QuestionMark_OpensHelpOutsideTextFields_AndTypesInsideThem()
    {
        using var app = new AppHarness();
        app.Press('?');
        var onHome = app.Top;
        app.Press('?').Press('c').Press('?');
        var onTheList = app.Top;
        app.Press('?').Press('/').Press('?');

        Assert.IsType<HelpScreen>(onHome);
        Assert.IsType<HelpScreen>(onTheList);
        Assert.Contains("> Zoek      ?", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void DisabledCommands_AreListedInParentheses_AndFollowTheSelectedSignal()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('?');
        var whileNew = app.Screen();
        app.Press(KeyInput.Escape).Press('o').Press('j').Press('a').Press('j').Press('?');
        var whenClosed = app.Screen();

        // A new signal can only be picked up; a closed one cannot move at all.
        Assert.Contains("│ o          Signaal oppakken ", whileNew, StringComparison.Ordinal);
        Assert.Contains("│ r          (Doorverwijzen) ", whileNew, StringComparison.Ordinal);
        Assert.Contains("│ a          (Signaal afsluiten) ", whileNew, StringComparison.Ordinal);
        Assert.Contains("│ o          (Signaal oppakken) ", whenClosed, StringComparison.Ordinal);
        Assert.Contains("│ a          (Signaal afsluiten) ", whenClosed, StringComparison.Ordinal);
        Assert.Contains("│ n          Nieuw signaal ", whenClosed, StringComparison.Ordinal);
    }

    [Fact]
    public void English_HelpUsesTheEnglishLabels()
    {
        using var app = Open("dossier", Lang.En);
        var entries = ((AppScreen)app.Top!).AllCommands.HelpEntries(Lang.En);
        app.Press('?');
        var help = AllPages(app);

        Assert.Contains("Keys", help, StringComparison.Ordinal);
        foreach (var entry in entries)
            Assert.Contains(entry.Label, help, StringComparison.Ordinal);
        Assert.DoesNotContain("Nieuw signaal", help, StringComparison.Ordinal);
    }

    /// <summary>The help as it reads paged through: a screen with more keys than fit at 80×24 scrolls its help.</summary>
    private static string AllPages(AppHarness app)
    {
        var pages = new List<string> { app.Screen() };
        for (var i = 0; i < 5; i++)
            pages.Add(app.Press(KeyInput.PageDown).Screen());
        for (var i = 0; i < 5; i++)
            app.Press(KeyInput.PageUp);
        return string.Join('\n', pages);
    }

    private static AppHarness Open(string name, Lang lang)
    {
        var app = new AppHarness(lang: lang, locked: name == "unlock");
        switch (name)
        {
            case "clients":
                app.Press('c');
                break;
            case "dossier":
                app.Dispose();
                return ScreenSnapshotTests.OpenFirstDossier(lang: lang);
            case "client-new":
                app.Press('c').Press('n');
                break;
            case "client-edit":
                app.Press('c').Press(KeyInput.Enter).Press('e');
                break;
            case "signal-new":
                app.Press('c').Press(KeyInput.Enter).Press('n');
                break;
            case "visit-new":
                app.Press('c').Press(KeyInput.Enter).Press('b');
                break;
        }

        return app;
    }

    // Labels only another screen has, so a help overlay listing the wrong table fails.
    private static IEnumerable<string> OtherScreensOnlyLabels(string name) => name switch
    {
        "unlock" => ["Dossier openen", "Nieuw signaal", "Opslaan"],
        "home" or "clients" => ["Nieuw signaal", "Opslaan"],
        "dossier" => ["Opslaan", "Nieuwe cliënt"],
        _ => ["Dossier openen", "Nieuw signaal"],
    };
}
