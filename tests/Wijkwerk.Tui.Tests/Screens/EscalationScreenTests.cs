using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Escalations;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// Issue 14 driven by keys: the pause and escalation forms from the dossier (checked as typed, confirmed with Nee as
/// the default, drafts restored), lifting and extending only with a reason, going up a level and closing with the
/// outcome, each key saying why where the rules refuse, and home's reminders with the key to the list.
/// </summary>
public sealed class EscalationScreenTests
{
    private static DateOnly Today(AppHarness app) => AmsterdamTime.Today(app.Clock);

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()));

    private static DossierScreen OpenDossier(AppHarness app, int client = 0)
    {
        var id = app.Store.Clients.Search()[client].Id;
        app.App.Push(new DossierScreen(app.App, id));
        return app.TopAs<DossierScreen>();
    }

    /// <summary>Ctrl+S, then the confirm: Enter alone answers the default Nee; Left then Enter answers Ja.</summary>
    private static void Save(AppHarness app, bool yes)
    {
        app.Press(KeyInput.Ctrl('s'));
        Assert.IsType<ConfirmScreen>(app.App.Screens.Top);
        if (yes)
            app.Press(KeyInput.Left);
        app.Press(KeyInput.Enter);
    }

    private static void FillPause(AppHarness app, DateOnly end) =>
        app.Type("Stopzetten bijstandsuitkering").Press(KeyInput.Tab).Type("Werk en Inkomen").Press(KeyInput.Tab).Type("Team Handhaving")
            .Press(KeyInput.Tab).Type("Eerst uitzoeken waarom hij niet komt").Press(KeyInput.Tab).Type(DateText.Show(end));

    [Fact]
    public void PauseForm_FromTheDossier_RefusesAnEndBeyondTheMaximumAsTyped_ConfirmsWithNeeFirst_ThenStoresAndShowsItOnTheTimeline()
    {
        using var app = new AppHarness(160, 50);
        var dossier = OpenDossier(app);
        app.Press('p');
        var form = app.TopAs<PauseFormScreen>();
        Assert.Contains("hoogstens 8 weken, dus uiterlijk 11-05-2026", Flat(app.Screen()), StringComparison.Ordinal);

        FillPause(app, Today(app).AddDays(57));
        Assert.Contains(form.Problems, p => p.Field == "einddatum" && p.Text == TextId.PauseEndBeyondMaximum);
        // Checked as typed: the reason and what to choose show at the field before any save, and the typing stays.
        Assert.Contains("Einddatum: ligt na het maximum van 8 weken; kies uiterlijk 11-05-2026", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(DateText.Show(Today(app).AddDays(57)), form.Field("einddatum").Read());
        app.Press(KeyInput.Ctrl('s'));
        Assert.Same(form, app.Top);
        foreach (var _ in "xx-xx-xxxx")
            app.Press(KeyInput.Backspace);
        app.Type(DateText.Show(Today(app).AddDays(10)));
        Assert.Empty(form.Problems);

        Save(app, yes: false);
        Assert.Empty(app.Store.Pauses.ForClient(dossier.Dossier!.Client.Id));
        Save(app, yes: true);

        var pause = Assert.Single(app.Store.Pauses.ForClient(dossier.Dossier.Client.Id)).Current;
        Assert.Equal((Today(app).AddDays(10), "Werk en Inkomen"), (pause.EndsOn, pause.Department));
        Assert.Same(dossier, app.Top);
        Assert.Contains("Pauze [loopt] Werk en Inkomen: Stopzetten bijstandsuitkering (t/m 26-03-2026)", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void PauseForm_AnEndInThePast_IsShownAtTheFieldAsTyped_WithTheDayToChoose_AndTheTypingKept()
    {
        using var app = new AppHarness(160, 50);
        OpenDossier(app);
        app.Press('p');
        var form = app.TopAs<PauseFormScreen>();

        FillPause(app, Today(app).AddDays(-1));

        Assert.Same(form, app.Top);
        Assert.Contains($"Einddatum: ligt in het verleden; kies vandaag ({DateText.Show(Today(app))}) of later", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Equal(DateText.Show(Today(app).AddDays(-1)), form.Field("einddatum").Read());
        app.Press(KeyInput.Backspace).Type("9");
        Assert.Equal(DateText.Show(Today(app).AddDays(-1))[..^1] + "9", form.Field("einddatum").Read());
    }

    [Fact]
    public void APauseAndAnExtensionTheServerRefused_ShowTheServersReason_OnTheDetailAndTheTimeline_AndTheRefusedEndDoesNotCount()
    {
        using var app = EscalationDesk.Open(160, 50);
        var holding = app.Store.Pauses.All().Single(p => p.Current.LiftedOn is null);
        var ends = holding.Current.EndsOn;
        var extension = app.Store.Pauses.Extend(holding.Recorded.Id, ends.AddDays(7), "Huisarts pas later");
        Refuse(app, 991, "pauses", holding.Recorded.Id.ToString(), "Pauze: einddatum ligt na het maximum van 6 weken; kies uiterlijk 01-04-2026");
        Refuse(app, 992, "pause_steps", extension.Id.ToString(), "Pauzestap: de pauze is al opgeheven door een collega");

        app.App.Push(new PauseDetailScreen(app.App, app.Store.Pauses.Get(holding.Recorded.Id)!));
        app.Press(KeyInput.Up);
        var detail = app.TopAs<PauseDetailScreen>();

        Assert.Equal(ends, detail.Pause.Current.EndsOn);
        var screen = Flat(app.Screen());
        Assert.Contains("Niet gesynchroniseerd, de server weigerde deze pauze: Pauze: einddatum ligt na het maximum van 6 weken; kies uiterlijk 01-04-2026.", screen, StringComparison.Ordinal);
        Assert.Contains("Huisarts pas later (niet gesynchroniseerd, de server weigerde: Pauzestap: de pauze is al opgeheven door een collega)", screen, StringComparison.Ordinal);

        app.Press(KeyInput.Escape);
        app.App.Push(new DossierScreen(app.App, holding.Recorded.ClientId));
        app.Press(KeyInput.Up);
        var timeline = Flat(app.Screen());
        Assert.Contains("(niet gesynchroniseerd, de server weigerde: Pauze: einddatum ligt na h", timeline, StringComparison.Ordinal);
        Assert.Contains("Pauze verlengd tot en met " + DateText.Show(ends.AddDays(7)) + ": Huisarts pas later (niet gesynchroniseerd", timeline, StringComparison.Ordinal);
    }

    private static void Refuse(AppHarness app, long mutation, string table, string rowId, string reason)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sync_refusals (mutation_id, table_name, row_id, reason, at) VALUES ($m, $t, $id, $why, '2026-03-14T09:00:00Z')";
        command.Parameters.AddWithValue("$m", mutation);
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$id", rowId);
        command.Parameters.AddWithValue("$why", reason);
        command.ExecuteNonQuery();
    }

    [Fact]
    public void PauseForm_WithoutAnEndDate_SaysItIsRequiredAndTheMaximum_AndKeepsItsDraftOverARestart()
    {
        using var app = new AppHarness();
        OpenDossier(app);
        app.Press('p').Type("Beslag op loon").Press(KeyInput.Tab).Type("Invordering");
        var typed = app.TopAs<PauseFormScreen>();
        app.Press(KeyInput.Ctrl('s'));
        Assert.Contains(typed.Problems, p => p.Field == "einddatum" && p.Text == TextId.PauseEndRequired);

        app.Restart();

        var restored = app.TopAs<PauseFormScreen>();
        Assert.Equal(typed.DraftKey, restored.DraftKey);
        Assert.Equal("Beslag op loon", restored.Field("actie").Read());
        Assert.Equal("Invordering", restored.Field("afdeling").Read());
        Assert.IsType<DossierScreen>(app.Loop.Screens.Screens[^2]);
    }

    [Fact]
    public void PauseDetail_LiftNeedsAReason_IsKeptAsAStep_AndALiftedPauseSaysWhyItCannotBeLiftedAgain()
    {
        using var app = EscalationDesk.Open(160, 50);
        var holding = app.Store.Pauses.All().Single(p => p.Current.LiftedOn is null);
        app.App.Push(new PauseDetailScreen(app.App, holding));
        app.Press(KeyInput.Down);
        Assert.Contains("Loopt af op 20-03-2026", Flat(app.Screen()), StringComparison.Ordinal);

        app.Press('o');
        var form = app.TopAs<PauseStepFormScreen>();
        app.Press(KeyInput.Ctrl('s'));
        Assert.Contains(form.Problems, p => p.Field == "reden" && p.Text == TextId.FieldRequired);
        Assert.Same(form, app.Top);
        app.Type("Oorzaak bekend; begeleiding gestart");
        Save(app, yes: true);

        var detail = app.TopAs<PauseDetailScreen>();
        Assert.Equal(PauseState.Lifted, detail.Pause.Current.StateOn(Today(app)));
        Assert.Contains("opgeheven door", Flat(app.Screen()), StringComparison.Ordinal);
        Assert.Contains("Oorzaak bekend; begeleiding gestart", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press('v');
        Assert.Same(detail, app.Top);
        Assert.Contains("Dat kan niet: deze pauze loopt niet meer", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void PauseDetail_ExtendNeedsALaterEndWithinTheMaximumAndAReason_AndMovesTheEnd()
    {
        using var app = EscalationDesk.Open(160, 50);
        var holding = app.Store.Pauses.All().Single(p => p.Current.LiftedOn is null);
        app.App.Push(new PauseDetailScreen(app.App, holding));
        app.Press(KeyInput.Down);

        app.Press('v').Type(DateText.Show(Today(app).AddDays(60)));
        var form = app.TopAs<PauseStepFormScreen>();
        Assert.Contains(form.Problems, p => p.Field == "nieuwe einddatum" && p.Text == TextId.PauseEndBeyondMaximum);
        Assert.Contains(form.Problems, p => p.Field == "reden");
        foreach (var _ in "xx-xx-xxxx")
            app.Press(KeyInput.Backspace);
        app.Type(DateText.Show(Today(app).AddDays(21))).Press(KeyInput.Tab).Type("Gesprek met de huisarts pas over drie weken");
        Assert.Empty(form.Problems);
        Save(app, yes: true);

        Assert.Equal(Today(app).AddDays(21), app.TopAs<PauseDetailScreen>().Pause.Current.EndsOn);
        Assert.Contains("verlengd tot en met 06-04-2026", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Escalate_FromTheDossier_TakesTheNextLevel_UpToTheTop_ThenSaysWhyNot()
    {
        using var app = new AppHarness(160, 50);
        var dossier = OpenDossier(app, client: 1);
        var client = dossier.Dossier!.Client.Id;
        foreach (var level in new[] { EscalationLevel.CaseTeam, EscalationLevel.Maatwerkloket, EscalationLevel.LandelijkEscalatieTeam })
        {
            app.Press('x');
            var form = app.TopAs<EscalationFormScreen>();
            Assert.Contains($"Escaleren naar {EnumTexts.Name(level, Lang.Nl)}", form.Title, StringComparison.Ordinal);
            app.Press(KeyInput.Ctrl('s'));
            Assert.Equal(["reden", "wat is geprobeerd", "partijen", "knelpunt"], form.Problems.Select(p => p.Field));
            app.Type("Toeslag stopgezet").Press(KeyInput.Tab).Type("Bezwaar ingediend").Press(KeyInput.Tab).Type("Toeslagen").Press(KeyInput.Tab).Type("spookbewoning");
            Save(app, yes: true);
            Assert.Same(dossier, app.Top);
        }

        Assert.Equal(3, app.Store.Escalations.ForClient(client).Count);
        Assert.Contains("Escalatie naar Landelijk Escalatie Team [open, opvolgen op 30-03-2026]", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press('x');
        Assert.Same(dossier, app.Top);
        Assert.Contains("Escaleren kan niet: deze cliënt staat al op het hoogste niveau", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void EscalationDetail_ClosesOnlyWithItsOutcome_AfterConfirm_AndAClosedOneSaysWhyNot()
    {
        using var app = EscalationDesk.Open(160, 50);
        var loket = app.Store.Escalations.All().Single(e => e.Level == EscalationLevel.Maatwerkloket);
        app.App.Push(new EscalationDetailScreen(app.App, loket));
        app.Press(KeyInput.Down);
        Assert.Contains("Komt het hier niet verder, escaleer dan naar Landelijk Escalatie Team (toets x).", Flat(app.Screen()), StringComparison.Ordinal);

        app.Press('u');
        var form = app.TopAs<EscalationCloseFormScreen>();
        app.Press(KeyInput.Ctrl('s'));
        Assert.Contains(form.Problems, p => p.Field == "uitkomst" && p.Text == TextId.FieldRequired);
        app.Type("Maatwerkloket regelde herberekening van de toeslag");
        Save(app, yes: false);
        Assert.True(app.Store.Escalations.Get(loket.Id)!.IsOpen);
        Save(app, yes: true);

        var closed = app.TopAs<EscalationDetailScreen>().Escalation;
        Assert.Equal((Today(app), "Maatwerkloket regelde herberekening van de toeslag"), (closed.ClosedOn!.Value, closed.Outcome));
        app.Press('u');
        Assert.Contains("Afsluiten kan niet: deze escalatie is al afgesloten op 16-03-2026", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Home_SaysThePauseEndsThisWeek_AndKey3ListsOpenEscalationsAndActivePauses_EnterOpensThem()
    {
        using var app = EscalationDesk.Open(160, 50);
        var held = app.Store.Pauses.All().Single(p => p.Current.LiftedOn is null);
        var name = app.Store.Clients.NameOf(held.Recorded.ClientId)!.SortForm;

        Assert.Contains($"Pauze loopt af op 20-03-2026: {name} · Werk en Inkomen", Flat(app.Screen()), StringComparison.Ordinal);
        app.Press('3');
        var list = app.TopAs<EscalationsScreen>();
        Assert.Equal(["Pauze", "Escalatie", "Escalatie"], list.Visible.Select(r => r.Pause is null ? "Escalatie" : "Pauze"));
        app.Press(KeyInput.Enter);
        Assert.Equal(held.Recorded.Id, app.TopAs<PauseDetailScreen>().Pause.Recorded.Id);
    }

    [Fact]
    public void Home_WarnsAWeekBeforeTheEnd_NotEightDaysBefore_AndSaysWhenItEndedWithoutBeingLifted()
    {
        using var app = new AppHarness(160, 50);
        var client = app.Store.Clients.Search()[0];
        app.Store.Pauses.Record(new Pause(new Id<Pause>(Guid.CreateVersion7()), client.Id, "Stopzetten uitkering", "Werk en Inkomen", "Handhaving", "Uitzoeken",
            Today(app), Today(app).AddDays(8), app.Store.Identity.WorkerId));
        app.Restart();
        Assert.DoesNotContain("Pauze loopt af op", Flat(app.Screen()), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(1));
        app.Restart();
        Assert.Contains("Pauze loopt af op 24-03-2026", Flat(app.Screen()), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(8));
        app.Restart();
        Assert.Contains("! Pauze afgelopen op 24-03-2026 zonder opheffen", Flat(app.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void AConsultant_GetsNeitherThePauseNorTheEscalateKey()
    {
        using var app = new AppHarness(160, 50, role: Role.WmoConsultant);
        var dossier = OpenDossier(app);

        app.Press('p').Press('x');

        Assert.Same(dossier, app.Top);
        Assert.DoesNotContain("Pauze", app.StatusLine(), StringComparison.Ordinal);
    }
}
