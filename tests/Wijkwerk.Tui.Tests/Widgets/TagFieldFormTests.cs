using Wijkwerk.Core.Localization;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Budget;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Widgets;

/// <summary>
/// Issue 14 item 1: the bottleneck tag field in a real form on the demo's list of tags: Tab completes the first tag of
/// the list, a tag not in the list says it is a new proposal (and is stored as typed), Tab with nothing to complete
/// moves on as in every other field.
/// </summary>
public sealed class TagFieldFormTests
{
    private static (AppHarness App, TagField Tag) FormAtTheTag(Lang lang = Lang.Nl)
    {
        var app = BudgetDesk.Open(lang: lang);
        DemoTags.Give(app.Store);
        app.Press('c').Press(KeyInput.Enter).Press('g');
        var form = app.TopAs<BudgetRequestFormScreen>();
        app.Type("Wasmachine").Press(KeyInput.Tab).Type("Witgoed West").Press(KeyInput.Tab).Type("offerte 77").Press(KeyInput.Tab)
            .Type("350").Press(KeyInput.Tab);
        for (var i = 0; i < 7; i++)
            app.Press(KeyInput.Right);
        app.Press(KeyInput.Tab).Type("Bijzondere bijstand duurt te lang").Press(KeyInput.Tab).Type("Hygiene voor het gezin").Press(KeyInput.Tab)
            .Type("Zij regelt de plaatsing").Press(KeyInput.Tab).Press(' ').Press(KeyInput.Tab);
        return (app, Assert.IsType<TagField>(form.Field("knelpunt").Widget));
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()));

    [Fact]
    public void TypedStartOfATag_TabCompletesIt_AndTheLineSaysItIsInTheList()
    {
        var (app, tag) = FormAtTheTag();
        using var _ = app;

        app.Type("Tand");
        Assert.Contains("Tab: tandarts-geen-dekking · nieuw voorstel", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press(KeyInput.Tab);

        Assert.Equal("tandarts-geen-dekking", tag.Text);
        Assert.Contains("in de lijst", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.DoesNotContain("nieuw voorstel", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void WordInsideATag_Completes_ButATagOfTheListTypedInOtherCase_IsKnownAsIs()
    {
        var (app, tag) = FormAtTheTag();
        using var _ = app;

        app.Type("wachttijd").Press(KeyInput.Tab);
        Assert.Equal("reiskosten-wachttijd", tag.Text);

        app.Press(KeyInput.Ctrl('u')).Type("ENERGIE-afsluiting ");
        Assert.Null(tag.Completion);
        Assert.Equal("in de lijst", tag.Hint);
    }

    [Fact]
    public void TagNotInTheList_SaysNewProposal_TabMovesOn_AndIsStoredAsTyped()
    {
        var (app, tag) = FormAtTheTag();
        using var _ = app;

        app.Type("Wachtlijst schuldhulp");
        Assert.Contains("nieuw voorstel; de beheerder beoordeelt het", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press(KeyInput.Tab);
        Assert.Equal("Wachtlijst schuldhulp", tag.Text);

        app.Press(KeyInput.Ctrl('s')).Press(KeyInput.Left).Press(KeyInput.Enter);
        Assert.Equal("Wachtlijst schuldhulp", app.Store.Budget.All().Single(r => r.What == "Wasmachine").BottleneckTag);
    }

    [Fact]
    public void InEnglish_TheLineSaysNewProposal()
    {
        var (app, _) = FormAtTheTag(Lang.En);
        using var __ = app;

        app.Type("Waiting list");

        Assert.Contains("new proposal; the administrator judges it", Flat(app.Screen()), StringComparison.Ordinal);
    }
}
