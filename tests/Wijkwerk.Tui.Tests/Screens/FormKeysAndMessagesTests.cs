using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// What a form does with the keys a person reaches for (Ctrl+U, a ZRM digit), where a restored draft puts
/// the caret, and that a message stays with the screen it is about.
/// </summary>
public sealed class FormKeysAndMessagesTests
{
    private const string SignalSaved = "Signaal opgeslagen.";

    [Fact]
    public void SavedMessage_StaysOnTheScreenItIsAbout_NotOnTheNextForm_NorWhenComingBack()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Post stapelt zich op").Press(KeyInput.Ctrl('s'));
        var saved = app.Screen();

        app.Press('n');
        var nextForm = app.Screen();
        app.Press(KeyInput.Escape);
        var backOnTheDossier = app.Screen();

        Assert.Contains(SignalSaved, saved, StringComparison.Ordinal);
        Assert.DoesNotContain(SignalSaved, nextForm, StringComparison.Ordinal);
        Assert.DoesNotContain(SignalSaved, backOnTheDossier, StringComparison.Ordinal);
        app.TopAs<DossierScreen>();
    }

    [Fact]
    public void MessageUnderTheHelpOverlay_IsStillThereAfterIt()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Post stapelt zich op").Press(KeyInput.Ctrl('s'));

        app.Press('?').Press(KeyInput.Escape);

        Assert.Contains(SignalSaved, app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void RestoredDraft_PutsTheCaretInTheFieldAndPlaceWhereTypingStopped()
    {
        using var app = new AppHarness();
        app.Press('c').Press(KeyInput.Ctrl('n')).Type("Anna").Press(KeyInput.Tab, KeyInput.Tab).Type("Jnsen")
            .Press(KeyInput.Left, KeyInput.Left, KeyInput.Left, KeyInput.Left).Type("a");

        app.Restart();
        app.Type("X");

        var form = app.TopAs<ClientFormScreen>();
        Assert.Equal("JaXnsen", form.Field("achternaam").Read());
        Assert.Equal("Anna", form.Field("voornaam").Read());
    }

    [Fact]
    public void RestoredDraft_OfAMultiLineField_PutsTheCaretOnTheLineAndColumnWhereTypingStopped()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Post op de mat\nBuren bellen").Press(KeyInput.Home).Type("De ");

        app.Restart();
        app.Type("b");

        Assert.Equal("Post op de mat\nDe bBuren bellen", app.TopAs<SignalFormScreen>().Field("observatie").Read());
    }

    [Fact]
    public void CtrlU_ClearsTheFocusedField_Only_AndTheDraftKnows()
    {
        using var app = new AppHarness();
        app.Press('c').Press(KeyInput.Ctrl('n')).Type("Anna").Press(KeyInput.Tab, KeyInput.Tab).Type("Jansen");

        app.Press(KeyInput.Ctrl('u'));
        app.Restart();

        var form = app.TopAs<ClientFormScreen>();
        Assert.Equal("", form.Field("achternaam").Read());
        Assert.Equal("Anna", form.Field("voornaam").Read());
    }

    [Fact]
    public void CtrlU_ClearsAMultiLineField()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Post op de mat\nBuren bellen");

        app.Press(KeyInput.Ctrl('u'));

        Assert.Equal("", app.TopAs<SignalFormScreen>().Field("observatie").Read());
    }

    [Fact]
    public void ZrmField_TakesTheScoreAsADigit_ZeroForNotAsked_AndIgnoresOtherKeys()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var first = "zrm_" + ZrmVersion.Zrm2017.Domains[0];
        app.Press('b').Press(KeyInput.Tab, KeyInput.Tab);
        var form = app.TopAs<VisitFormScreen>();

        app.Type("4");
        var four = form.Field(first).Read();
        app.Type("7q");
        var afterOthers = form.Field(first).Read();
        app.Type("0");

        Assert.Equal("4", four);
        Assert.Equal("4", afterOthers);
        Assert.Equal("0", form.Field(first).Read());
        Assert.Same(form, app.Top);
    }
}
