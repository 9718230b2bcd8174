using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Indications;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// A bracketed paste in the running app, through the same key decoding as the real terminal: text for the field
/// that has the focus, and nothing at all where no field has it — never a command, an Esc or an Enter.
/// </summary>
public sealed class PasteTests
{
    [Fact]
    public void APasteOnAList_IsNoCommand_NothingQuitsFiltersOpensOrMoves()
    {
        using var app = new AppHarness();
        app.Press('c');
        var before = app.Screen();

        app.Paste("q/n4\nc");

        Assert.False(app.Loop.IsStopped, "A pasted q quit the app.");
        app.TopAs<ClientsScreen>();
        Assert.Equal(before, app.Screen());
        app.Press('j').Press('q');
        Assert.True(app.Loop.IsStopped, "Keys typed after a paste no longer worked.");
    }

    [Fact]
    public void APasteOnHome_OpensNothing()
    {
        using var app = new AppHarness();
        var before = app.Screen();

        app.Paste("c\n");

        app.TopAs<HomeScreen>();
        Assert.Equal(before, app.Screen());
    }

    [Fact]
    public void APasteInAOneLineField_IsTypedThere_ItsLineBreakASpace_AndTheFocusStays()
    {
        using var app = new AppHarness();
        app.Press('c').Press('n');
        var form = app.TopAs<ClientFormScreen>();

        app.Paste("Jan\nPiet\tKlaas");
        app.Type("x");

        Assert.Equal("Jan Piet Klaasx", form.Field("voornaam").Read());
        Assert.Equal("", form.Field("tussenvoegsel").Read());
        Assert.Same(form, app.Top);
    }

    [Fact]
    public void APasteInAMultiLineField_KeepsItsLineBreaks_AndEndsNothing()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('w');
        var form = app.TopAs<AdviceFormScreen>();

        app.Paste("Thuis blijven wonen.\nMet hulp bij het huishouden: q, i, j en /.");
        app.Type(" Klaar");

        Assert.Equal("Thuis blijven wonen.\nMet hulp bij het huishouden: q, i, j en /. Klaar", form.Field("wens van de cliënt").Read());
        Assert.Same(form, app.Top);
        Assert.Contains(" Thuis blijven wonen.", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALongPaste_IsKeptInTheDraftWhole_BeforeAnotherKeyComes()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        app.Press('w');
        var paragraph = string.Concat(Enumerable.Repeat("Mevrouw wil thuis blijven wonen. ", 60)).TrimEnd();

        app.Paste(paragraph);

        Assert.Equal(paragraph, app.TopAs<AdviceFormScreen>().Field("wens van de cliënt").Read());
        var draft = app.Store.Drafts.Load(DraftKeys.ForNewAdvice(clientId));
        Assert.NotNull(draft);
        Assert.Contains(paragraph, System.Text.Json.JsonSerializer.Deserialize(draft, DraftJson.Default.DictionaryStringString)!.Values);
    }

    [Fact]
    public void APasteInAConfirm_AnswersNothing()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('w').Type("Thuis blijven wonen").Press(KeyInput.Escape);
        app.TopAs<ConfirmScreen>();

        app.Paste("j\n");

        app.TopAs<ConfirmScreen>();
        app.Press(KeyInput.Escape);
        Assert.Equal("Thuis blijven wonen", app.TopAs<AdviceFormScreen>().Field("wens van de cliënt").Read());
    }
}
