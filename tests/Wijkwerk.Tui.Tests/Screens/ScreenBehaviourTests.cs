using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Clients;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Unlock;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The app driven by key sequences, as a nurse would use it, checked on screen and in the store.</summary>
public sealed class ScreenBehaviourTests
{
    private const string Observation = "Valt vaak, loopt met rollator";

    [Theory]
    [InlineData(80, 24)]
    [InlineData(160, 50)]
    public void NewSignalFromDossier_IsStoredAndOnTopOfTheTimeline(int width, int height)
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier(width, height);
        var dossier = app.TopAs<DossierScreen>();
        var clientId = dossier.Dossier!.Client.Id;
        var before = dossier.Dossier.Timeline(TimeZoneInfo.Utc).Count;

        app.Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type(Observation)
            .Press(KeyInput.Tab).Press(KeyInput.Down).Press(' ')
            .Press(KeyInput.Ctrl('s'));

        var after = app.TopAs<DossierScreen>().Dossier!;
        var stored = app.Store.Signals.Open().Single(s => s.Observation == Observation);
        Assert.Equal(clientId, stored.ClientId);
        Assert.Equal([LifeDomain.HealthyFinances], stored.LifeDomains);
        Assert.Equal(SignalStatus.New, stored.Status);
        Assert.Equal(app.Store.Identity.WorkerId, stored.Assignee);
        Assert.Equal(before + 1, after.Timeline(TimeZoneInfo.Utc).Count);
        Assert.Empty(app.Store.Drafts.Keys());
        var screen = app.Screen();
        var firstTimelineRow = screen.Split('\n').First(l => l.StartsWith("> ", StringComparison.Ordinal) || l.Contains(" > ", StringComparison.Ordinal));
        Assert.Contains("16-03-2026 10:30  Signaal [nieuw]  apotheek: " + Observation, firstTimelineRow, StringComparison.Ordinal);
        Assert.Contains("Signaal opgeslagen.", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingASignalWithoutObservation_StaysOnTheFormAndSaysWhy()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var count = app.Store.Signals.Open().Count;

        app.Press('n').Press(KeyInput.Ctrl('s'));

        app.TopAs<SignalFormScreen>();
        Assert.Equal(count, app.Store.Signals.Open().Count);
        Assert.Contains("! Wat is er gezien: is verplicht; vul dit veld in", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void EropafSignal_MissedDeadlineIsMarkedOnHomeInWords()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var name = app.TopAs<DossierScreen>().Dossier!.Client.Name.SortForm;
        app.Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Rook uit de keuken")
            .Press(KeyInput.Tab, KeyInput.Tab).Press(KeyInput.Right).Press(KeyInput.Ctrl('s'));
        app.Press('h');
        var due = app.Screen().Split('\n').First(l => l.StartsWith("> ", StringComparison.Ordinal));

        app.Clock.Advance(Signal.EropafWindow + TimeSpan.FromMinutes(1));
        app.Press('c').Press(KeyInput.Escape);
        var missed = app.Screen().Split('\n').First(l => l.StartsWith("> ", StringComparison.Ordinal));

        Assert.Contains(name, due, StringComparison.Ordinal);
        Assert.Contains("eropaf vóór 14:30", due, StringComparison.Ordinal);
        Assert.StartsWith("> ! ", missed, StringComparison.Ordinal);
        Assert.Contains(name, missed, StringComparison.Ordinal);
        Assert.Contains("eropaf te laat: 1", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void PickingUpASignalInTheDossier_AsksFirst_ThenMovesItInTheStore()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var signal = app.TopAs<DossierScreen>().Dossier!.Timeline(TimeZoneInfo.Utc).First().Signal!;
        Assert.Equal(SignalStatus.New, signal.Status);

        app.Press('o');
        var asked = app.Screen();
        app.Press(KeyInput.Escape);
        var afterNo = app.Store.Signals.Open().Single(s => s.Id == signal.Id).Status;
        app.Press('o').Press('j');

        Assert.Contains("Signaal op 'opgepakt' zetten? Dat kan daarna niet terug.", asked, StringComparison.Ordinal);
        Assert.Equal(SignalStatus.New, afterNo);

        var moved = app.Store.Signals.Open().Single(s => s.Id == signal.Id);
        Assert.Equal(SignalStatus.PickedUp, moved.Status);
        Assert.Equal(FakeClock.DefaultStart, moved.PickedUpAt);
        Assert.Contains("Signaal [opgepakt]", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void SlashThenTypingInTheClientFilter_NarrowsTheList_EscClearsThenGoesBack()
    {
        using var app = new AppHarness();
        AddQwispels(app);
        var someoneElse = app.Store.Clients.Search().First(c => !c.Name.Surname.StartsWith("Qwispel", StringComparison.Ordinal)).Name.SortForm;
        app.Press('c');
        var clients = app.TopAs<ClientsScreen>();

        app.Press('/').Type("qwis");
        var narrowed = clients.Visible.Select(c => c.Name.SortForm).ToList();
        var narrowedScreen = app.Screen();
        app.Type(" noa");
        var single = clients.Visible.Select(c => c.Name.SortForm).ToList();
        app.Press(KeyInput.Escape);
        var cleared = clients.Visible.Count;
        var clearedScreen = app.Screen();
        app.Press(KeyInput.Escape);

        Assert.Equal(["Qwispel, Noa", "Qwispelaar, Julia", "Qwispelaar, Stijn"], narrowed);
        Assert.Contains("3 van 27 cliënten", narrowedScreen, StringComparison.Ordinal);
        Assert.DoesNotContain(someoneElse, narrowedScreen, StringComparison.Ordinal);
        Assert.Contains("> Zoek      qwis", narrowedScreen, StringComparison.Ordinal);
        Assert.Equal(["Qwispel, Noa"], single);
        Assert.Equal(27, cleared);
        Assert.Contains("27 van 27 cliënten", clearedScreen, StringComparison.Ordinal);
        app.TopAs<HomeScreen>();
    }

    [Fact]
    public void ClientFilter_BackspaceWidensAgain_AndANewClientShowsUnderTheActiveFilter()
    {
        using var app = new AppHarness();
        AddQwispels(app);
        app.Press('c').Press('/').Type("qwispela");
        var clients = app.TopAs<ClientsScreen>();
        var narrow = clients.Visible.Count;
        app.Press(KeyInput.Backspace, KeyInput.Backspace);
        var wider = clients.Visible.Select(c => c.Name.SortForm).ToList();
        app.Press(KeyInput.Backspace, KeyInput.Backspace, KeyInput.Backspace, KeyInput.Backspace, KeyInput.Backspace, KeyInput.Backspace).Type("zwart");
        var none = clients.Visible.Count;

        app.Press(KeyInput.Ctrl('n'));
        TypeClient(app, "Marieke", "Zwart");
        app.Press(KeyInput.Ctrl('s'));

        Assert.Equal(2, narrow);
        Assert.Equal(["Qwispel, Noa", "Qwispelaar, Julia", "Qwispelaar, Stijn"], wider);
        Assert.Equal(0, none);
        Assert.Same(clients, app.Top);
        Assert.Equal(["Zwart, Marieke"], clients.Visible.Select(c => c.Name.SortForm));
        Assert.Contains("1 van 28 cliënten", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClientFilter_MatchesPostcodeAndBirthDate_EnterGoesToTheListAndThenOpensTheMatch()
    {
        using var app = new AppHarness();
        AddQwispels(app);
        app.Press('c').Press('/').Type("4850qx");
        var byPostcode = app.TopAs<ClientsScreen>().Visible.Select(c => c.Name.SortForm).ToList();
        app.Press(KeyInput.Escape).Press('/').Type("05-10-1911");
        var byBirthDate = app.TopAs<ClientsScreen>().Visible.Select(c => c.Name.SortForm).ToList();
        app.Press(KeyInput.Enter);
        var onTheList = app.TopAs<ClientsScreen>().Visible.Select(c => c.Name.SortForm).ToList();
        app.Press(KeyInput.Enter);

        Assert.Equal(["Qwispel, Noa"], byPostcode);
        Assert.Equal(["Qwispelaar, Stijn"], byBirthDate);
        Assert.Equal(byBirthDate, onTheList);
        Assert.Equal("Qwispelaar, Stijn", app.TopAs<DossierScreen>().Dossier!.Client.Name.SortForm);
    }

    /// <summary>Three made-up residents whose names, postcode and birth date no demo client shares.</summary>
    private static void AddQwispels(AppHarness app)
    {
        foreach (var (first, last, born, postcode) in new[] { ("Noa", "Qwispel", "1931-02-03", "4850 QX"), ("Julia", "Qwispelaar", "1932-04-05", "4851 QX"), ("Stijn", "Qwispelaar", "1911-10-05", "4852 QX") })
        {
            var (client, problems) = new ClientInput(first, last, born, postcode, "1", "", "", "").Validate(Id<Client>.New(app.Clock), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
            Assert.Empty(problems);
            app.Store.Clients.Add(client!);
        }
    }

    [Fact]
    public void ClientForm_ShowsTheDutchPostcodeMessageWhileTyping_AndDropsItWhenValid()
    {
        using var app = new AppHarness();
        app.Press('c').Press('n');
        app.Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("12");
        var invalid = app.Screen();
        app.Type("34 AB");
        var valid = app.Screen();

        // The whole message is readable at 80 columns (wrapped under the form), and only for the field typed in.
        Assert.Contains(" ! Postcode: is geen geldige postcode: gebruik vier cijfers en twee letters,\n   zoals 1234 AB", invalid, StringComparison.Ordinal);
        Assert.Contains("> Postcode                12         ! is geen geldige postcode", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("Geboortedatum:", invalid, StringComparison.Ordinal);
        Assert.Contains("> Postcode                12", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("geen geldige postcode", valid, StringComparison.Ordinal);
        Assert.Contains("> Postcode                1234 AB", valid, StringComparison.Ordinal);
    }

    [Fact]
    public void NewClient_SavedWithCtrlS_IsInTheListAndTheStore()
    {
        using var app = new AppHarness();
        app.Press('c').Press('n');
        TypeClient(app, "Marieke", "Zwart");
        app.Press(KeyInput.Ctrl('s'));

        var clients = app.TopAs<ClientsScreen>();
        Assert.Contains(app.Store.Clients.Search(), c => c.Name.Full == "Marieke Zwart" && c.Address.Postcode.Value == "1234 AB");
        Assert.Contains(clients.Visible, c => c.Name.SortForm == "Zwart, Marieke");
        Assert.Contains("Cliënt opgeslagen.", app.Screen(), StringComparison.Ordinal);
        Assert.Empty(app.Store.Drafts.Keys());
    }

    [Fact]
    public void EscOnADirtyForm_AsksFirst_NoKeepsTheForm_JaDiscards()
    {
        using var app = new AppHarness();
        app.Press('c').Press('n').Type("Marieke");

        app.Press(KeyInput.Escape);
        var dialog = app.TopAs<ConfirmScreen>().Dialog;
        var asked = app.Screen();
        app.Press(KeyInput.Escape);
        var keptByEsc = app.TopAs<ClientFormScreen>().Field("voornaam").Read();
        var draftKept = app.Store.Drafts.Keys();
        app.Press(KeyInput.Escape).Press(KeyInput.Enter);
        var keptByEnter = app.TopAs<ClientFormScreen>().Field("voornaam").Read();
        app.Press(KeyInput.Escape).Press('j');

        Assert.Contains("Wat u typte weggooien?", asked, StringComparison.Ordinal);
        Assert.Contains("[ Ja ]  > Nee <", asked, StringComparison.Ordinal);
        Assert.Equal("Marieke", keptByEsc);
        Assert.Equal([DraftKeys.NewClient], draftKept);
        Assert.Equal("Marieke", keptByEnter);
        Assert.True(dialog.Result is false);
        app.TopAs<ClientsScreen>();
        Assert.Empty(app.Store.Drafts.Keys());
        Assert.DoesNotContain(app.Store.Clients.Search(), c => c.Name.FirstName == "Marieke");
    }

    [Fact]
    public void EscOnAnUntouchedForm_GoesBackWithoutAsking()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Press('b').Press(KeyInput.Escape);

        app.TopAs<DossierScreen>();
    }

    [Fact]
    public void QuitWithUnsavedTyping_AsksFirst()
    {
        using var app = new AppHarness();
        app.Press('c').Press('n').Type("Marieke").Press(KeyInput.Ctrl('c'));
        var asked = app.TopAs<ConfirmScreen>();
        app.Press('n');
        var stillRunning = !app.Loop.IsStopped;
        app.Press(KeyInput.Ctrl('c')).Press('j');

        Assert.Contains("Afsluiten", asked.Dialog.Message + asked.Dialog.Title, StringComparison.OrdinalIgnoreCase);
        Assert.True(stillRunning);
        Assert.True(app.Loop.IsStopped);
    }

    [Fact]
    public void DraftLeftBehind_ReopensTheFormWithTheTyping()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        var clientId = app.TopAs<DossierScreen>().Dossier!.Client.Id;
        app.Press('n').Press(KeyInput.Tab, KeyInput.Tab).Type("Half getypt");

        app.Restart();

        var form = app.TopAs<SignalFormScreen>();
        Assert.Equal(DraftKeys.ForSignal(clientId), form.DraftKey);
        Assert.Equal("Half getypt", form.Field("observatie").Read());
        Assert.Contains("Concept hersteld", app.Screen(), StringComparison.Ordinal);
        app.Press(KeyInput.Escape).Press('j');
        Assert.Equal(clientId, app.TopAs<DossierScreen>().Dossier!.Client.Id);
    }

    [Fact]
    public void NewClientDraftLeftBehind_ReopensOverTheClientList_AndSavesFromThere()
    {
        using var app = new AppHarness();
        app.Press('c').Press('n');
        TypeClient(app, "Geertruida", "Halverwege");

        app.Restart();

        var form = app.TopAs<ClientFormScreen>();
        Assert.Equal("Geertruida", form.Field("voornaam").Read());
        Assert.Equal("1234 AB", form.Field("postcode").Read());
        Assert.Contains("Concept hersteld", app.Screen(), StringComparison.Ordinal);
        // The person may not have been looking when the app came back: the message waits well past its reading time.
        Assert.Contains("Concept hersteld", app.Wait(TimeSpan.FromSeconds(30)).Screen(), StringComparison.Ordinal);
        Assert.DoesNotContain("Concept hersteld", app.Wait(TimeSpan.FromSeconds(31)).Screen(), StringComparison.Ordinal);
        app.Press(KeyInput.Ctrl('s'));
        Assert.Contains(app.TopAs<ClientsScreen>().Visible, c => c.Name.SortForm == "Halverwege, Geertruida");
        Assert.Empty(app.Store.Drafts.Keys());
    }

    [Fact]
    public void Unlock_WrongPassphraseSaysSo_RightOneOpensHome()
    {
        using var app = new AppHarness(locked: true);
        app.Type("fout\n");
        var wrong = app.Screen();
        app.TopAs<UnlockScreen>();

        app.Type(AppHarness.Passphrase + "\n");

        Assert.Contains("! ", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Bakker", wrong, StringComparison.Ordinal);
        app.TopAs<HomeScreen>();
        Assert.False(app.App.IsLocked);
    }

    [Fact]
    public void IdleForTenMinutes_LocksAndHidesTheCaseload()
    {
        using var app = ScreenSnapshotTests.OpenFirstDossier();
        app.Clock.Advance(AppOptions.DefaultAutoLock + TimeSpan.FromSeconds(1));
        app.Loop.RunUntilIdle();

        app.TopAs<UnlockScreen>();
        Assert.True(app.App.IsLocked);
        Assert.DoesNotContain("Bakker", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void BelowMinimumSize_ShowsTheTooSmallMessage_AndTheScreenComesBack()
    {
        using var app = new AppHarness();
        app.Resize(79, 30);
        var narrow = app.Screen();
        app.Resize(120, 23);
        var low = app.Screen();
        app.Press('c');
        app.Resize(80, 24);

        Assert.StartsWith("Venster te klein: minimaal 80×24 nodig, nu 79×30.", narrow, StringComparison.Ordinal);
        Assert.StartsWith("Venster te klein: minimaal 80×24 nodig, nu 120×23.", low, StringComparison.Ordinal);
        Assert.DoesNotContain("Bakker", low, StringComparison.Ordinal);
        Assert.StartsWith(" Wijkwerk · ", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void English_ShowsEnglishLabelsEverywhere()
    {
        using var app = new AppHarness(lang: Lang.En);
        var home = app.Screen();
        app.Press('c');
        var clients = app.Screen();
        app.Press(KeyInput.Tab).Press('n').Press(KeyInput.Tab, KeyInput.Tab, KeyInput.Tab, KeyInput.Tab).Type("12");
        var form = app.Screen();

        Assert.StartsWith(" Wijkwerk · Home", home, StringComparison.Ordinal);
        Assert.Contains("? Help", home, StringComparison.Ordinal);
        Assert.Contains("24 of 24 clients", clients, StringComparison.Ordinal);
        Assert.DoesNotContain("cliënten", clients, StringComparison.Ordinal);
        Assert.Contains("First name", form, StringComparison.Ordinal);
        Assert.Contains("is not a valid postcode", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Voornaam", form, StringComparison.Ordinal);
    }

    private static void TypeClient(AppHarness app, string first, string surname)
    {
        app.Type(first).Press(KeyInput.Tab, KeyInput.Tab).Type(surname)
            .Press(KeyInput.Tab).Type("04-03-1950")
            .Press(KeyInput.Tab).Type("1234 AB")
            .Press(KeyInput.Tab).Type("12");
    }
}
