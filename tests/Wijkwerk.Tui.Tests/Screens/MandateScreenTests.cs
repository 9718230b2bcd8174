using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Mandates;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>
/// The team leader's mandate screens driven by keys: the decision form with its live calculator and the server's
/// rules, the confirm, the follow-up and addendum, the decision list and detail, home and the dossier timeline;
/// checked on screen and in the store.
/// </summary>
public sealed class MandateScreenTests
{
    private const string Refused = "De uitkeringsaanvraag liep vast op bewijslast.";

    [Fact]
    public void Form_CalculatorFigures_ChangeLiveWithAmountsRoutesAndHorizon()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var form = OpenForm(desk);

        var before = Flat(desk.App.Screen());
        GoTo(desk, form, "eigen kosten").Type("4000");
        GoTo(desk, form, "route:uithuiszetting").Type("1");
        GoTo(desk, form, "route:opvang").Type("12");
        GoTo(desk, form, "route:bijstand").Type("12");
        var twelve = Flat(desk.App.Screen());
        GoTo(desk, form, "horizon").Press(KeyInput.Backspace, KeyInput.Backspace).Type("6");
        var six = Flat(desk.App.Screen());
        GoTo(desk, form, "horizon").Press(KeyInput.Backspace).Type("24");
        var twentyFour = Flat(desk.App.Screen());

        Assert.Contains("Rekenhulp: vul bij de vermeden routes een aantal in.", before, StringComparison.Ordinal);
        Assert.Contains("Vermeden € 51.000,00 − eigen kosten € 4.000,00 = netto € 47.000,00 · ratio 12,75 · 12 mnd", twelve, StringComparison.Ordinal);
        Assert.Contains("kostentabel v2", twelve, StringComparison.Ordinal);
        Assert.Equal(47_000_00, form.Figures!.NetReturn.Cents);
        // Six months of shelter and of benefits: half a year each, the eviction once.
        Assert.Contains("Vermeden € 28.500,00 − eigen kosten € 4.000,00 = netto € 24.500,00", six, StringComparison.Ordinal);
        // Twelve months asked for are all that count, however long the horizon.
        Assert.Contains("Vermeden € 51.000,00", twentyFour, StringComparison.Ordinal);
        Assert.Equal(24, form.Figures!.HorizonMonths);
    }

    [Fact]
    public void Form_InEnglish_WithLangEn()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false, lang: Core.Localization.Lang.En);
        var form = OpenForm(desk);
        GoTo(desk, form, "eigen kosten").Type("4000");
        GoTo(desk, form, "route:uithuiszetting").Type("1");
        desk.App.Press(KeyInput.Ctrl('s'));

        var screen = Flat(desk.App.Screen());

        Assert.Contains("Mandate decision: " + desk.FreeClient.Name.Full, screen, StringComparison.Ordinal);
        Assert.Contains("Your mandate holds until 16-09-2026 for: Opvang, Schuldhulpverlening, Werk en Inkomen, Wonen.", screen, StringComparison.Ordinal);
        Assert.Contains("Avoided € 6.000,00 − own cost € 4.000,00 = net € 2.000,00 · ratio 1,50 · 12 months · cost table v2", screen, StringComparison.Ordinal);
        Assert.Contains("Rule overridden: is required; fill in this field", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_AQuantityTooLarge_IsSaidAtItsRoute_AndTheTypingStays()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var form = OpenForm(desk);

        GoTo(desk, form, "route:uithuiszetting").Type("20000");

        Assert.Equal("20000", form.Field("route:uithuiszetting").Read());
        Assert.Null(form.Figures);
        Assert.Contains(form.Problems, p => p.Field == "route:uithuiszetting");
        Assert.Contains("Rekenhulp: Gedwongen uithuiszetting: aantal moet 1 tot en met 10000 zijn", Flat(desk.App.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Form_DepartmentOffersOnlyWhatTheValidMandateCovers()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var form = OpenForm(desk);

        var department = (SelectField<string>)form.Field("afdeling").Widget;

        Assert.Equal(["Opvang", "Schuldhulpverlening", "Werk en Inkomen", "Wonen"], department.Options);
        Assert.Contains("Uw mandaat geldt tot en met 16-09-2026 voor: Opvang, Schuldhulpverlening, Werk en Inkomen, Wonen", Flat(desk.App.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Form_SaveWithMissingSides_NamesEveryField_KeepsTheTyping_AndTheDraftSurvivesARestart()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var client = desk.FreeClient;
        var form = OpenForm(desk, client);
        GoTo(desk, form, "overruled regel").Type("Bewijs van verblijf");
        GoTo(desk, form, "eerder geweigerd").Type(Refused);

        desk.App.Press(KeyInput.Ctrl('s'));
        var screen = Flat(desk.App.Screen());

        Assert.Same(form, desk.App.Top);
        Assert.Contains("velden", desk.App.Screen(), StringComparison.Ordinal);
        Assert.Contains(form.Problems, p => p.Field == "legitimiteit" && p.Text == Core.Localization.TextId.MandateTriangleSideMissing);
        Assert.Contains(form.Problems, p => p.Field == "betrokkenheid");
        Assert.Contains(form.Problems, p => p.Field == "besluit");
        Assert.Contains("waardendriehoek", screen, StringComparison.Ordinal);
        Assert.Equal(Refused, form.Field("eerder geweigerd").Read());
        Assert.Empty(desk.App.Store.MandateDecisions.ForClient(client.Id));

        desk.App.Restart();

        var restored = desk.App.TopAs<MandateDecisionFormScreen>();
        Assert.Equal("Bewijs van verblijf", restored.Field("overruled regel").Read());
        Assert.Equal(Refused, restored.Field("eerder geweigerd").Read());
        Assert.IsType<DossierScreen>(desk.App.Loop.Screens.Screens[^2]);
    }

    [Fact]
    public void Form_Complete_AsksFirst_NoByDefault_ThenRecords_AndTheDossierShowsIt()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var client = desk.FreeClient;
        var form = OpenForm(desk, client);
        FillComplete(desk, form);

        desk.App.Press(KeyInput.Ctrl('s'));
        var question = desk.App.Screen();
        desk.App.Press(KeyInput.Enter);
        var afterNo = desk.App.Top;
        desk.App.Press(KeyInput.Ctrl('s')).Press('j');

        Assert.Contains("Mandaatbesluit voor " + client.Name.Full + " (Werk en Inkomen) vastleggen?", Flat(question), StringComparison.Ordinal);
        Assert.Same(form, afterNo);
        var dossier = desk.App.TopAs<DossierScreen>();
        var stored = Assert.Single(desk.App.Store.MandateDecisions.ForClient(client.Id));
        Assert.Equal("Werk en Inkomen", stored.Department);
        Assert.Equal(desk.App.Store.Identity.WorkerId, stored.DecidedBy);
        Assert.Equal(51_000_00, stored.Triangle.SocialReturn!.AvoidedCost.Cents);
        Assert.Equal(2, stored.Triangle.SocialReturn.CostTableVersion);
        Assert.True(stored.Triangle.ResidentHeard);
        Assert.Contains("Mandaatbesluit vastgelegd.", desk.App.Screen(), StringComparison.Ordinal);
        Assert.Contains("Mandaatbesluit (opvolging: op 16-06-2026) Werk en Inkomen", Flat(desk.App.Screen()), StringComparison.Ordinal);
        Assert.NotNull(dossier.Dossier);
    }

    [Fact]
    public void Form_MandateNarrowedAfterOpening_RefusedWithTheReason_TypingKept()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var form = OpenForm(desk);
        FillComplete(desk, form);
        var me = desk.App.Store.Identity.WorkerId;
        // A pull brings a mandate that no longer reaches Werk en Inkomen.
        DemoMandates.GiveReference(desk.App.Store, [DemoMandates.ValidMandate(me, desk.Today) with { Departments = ["Opvang"] }], DemoMandates.CostTables(desk.Today), version: 2);

        desk.App.Press(KeyInput.Ctrl('s')).Press('j');

        Assert.Same(form, desk.App.Top);
        Assert.Contains("Werk en Inkomen valt niet onder uw mandaat (wel: Opvang)", Flat(desk.App.Screen()), StringComparison.Ordinal);
        Assert.Equal("Een jonge man slaapt in zijn auto.", form.Field("eerder geweigerd").Read());
        Assert.Empty(desk.App.Store.MandateDecisions.All());
    }

    [Fact]
    public void Form_MandateExpiredOvernight_RefusedWithTheDate()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var form = OpenForm(desk);
        FillComplete(desk, form);

        desk.App.Clock.Advance(TimeSpan.FromDays(200));
        desk.App.Press(KeyInput.Ctrl('s'));

        Assert.Same(form, desk.App.Top);
        Assert.Contains("uw mandaat is verlopen op 16-09-2026", Flat(desk.App.Screen()), StringComparison.Ordinal);
        Assert.Empty(desk.App.Store.MandateDecisions.All());
    }

    [Fact]
    public void Draft_WhileTheMandateLapsed_IsKeptAndSaidWhy_AndOpensWithTheTypingOnceAMandateIsValidAgain()
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var client = desk.FreeClient;
        var form = OpenForm(desk, client);
        GoTo(desk, form, "eerder geweigerd").Type(Refused);
        var me = desk.App.Store.Identity.WorkerId;
        var valid = DemoMandates.ValidMandate(me, desk.Today);
        DemoMandates.GiveReference(desk.App.Store, [valid with { RevokedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) }], DemoMandates.CostTables(desk.Today), version: 2);

        desk.App.Restart();
        var afterRevoke = Flat(desk.App.Screen());

        Assert.IsType<HomeScreen>(desk.App.Top);
        Assert.Contains("concept-mandaatbesluit voor " + client.Name.Full + " is bewaard", afterRevoke, StringComparison.Ordinal);
        Assert.Contains("ingetrokken op 01-03-2026", afterRevoke, StringComparison.Ordinal);
        Assert.Contains(desk.App.Store.Drafts.Keys(), key => key.Contains(client.Id.ToString(), StringComparison.Ordinal));

        DemoMandates.GiveReference(desk.App.Store, [valid], DemoMandates.CostTables(desk.Today), version: 3);
        desk.App.Restart();

        Assert.Equal(Refused, desk.App.TopAs<MandateDecisionFormScreen>().Field("eerder geweigerd").Read());
    }

    [Theory]
    [InlineData("expired", "Geen mandaatbesluit mogelijk: uw mandaat is verlopen op 15-03-2026")]
    [InlineData("revoked", "Geen mandaatbesluit mogelijk: uw mandaat is ingetrokken op 01-03-2026")]
    [InlineData("later", "Geen mandaatbesluit mogelijk: uw mandaat geldt pas vanaf 01-04-2026")]
    [InlineData("none", "Geen mandaatbesluit mogelijk: u hebt geen mandaat voor dit besluit")]
    public void DossierCommand_WithoutAValidMandate_SaysWhyNot_AndOpensNothing(string state, string message)
    {
        using var desk = new TeamLeaderDesk(withDecisions: false);
        var me = desk.App.Store.Identity.WorkerId;
        var mandate = DemoMandates.ValidMandate(me, desk.Today);
        Mandate[] mandates = state switch
        {
            "expired" => [mandate with { ValidUntil = desk.Today.AddDays(-1) }],
            "revoked" => [mandate with { RevokedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) }],
            "later" => [mandate with { ValidFrom = new DateOnly(2026, 4, 1) }],
            _ => [],
        };
        DemoMandates.GiveReference(desk.App.Store, mandates, DemoMandates.CostTables(desk.Today), version: 2);
        var dossier = desk.OpenDossier(desk.FreeClient.Id);

        desk.App.Press('m');

        Assert.Same(dossier, desk.App.Top);
        Assert.Contains(message, Flat(desk.App.Screen()), StringComparison.Ordinal);
    }

    [Fact]
    public void Nurse_HasNoMandateCommand_InTheDossier()
    {
        using var app = new AppHarness();
        var dossier = new DossierScreen(app.App, app.Store.Clients.Search()[0].Id);
        app.App.Push(dossier);

        app.Press('m');

        Assert.Same(dossier, app.Top);
        Assert.DoesNotContain(dossier.AllCommands.Commands, c => c.Id == "mandate" && c.IsEnabled());
    }

    [Fact]
    public void Home_TeamLeader_FollowUpsDueInWords_AndTheWholeTeamsOpenSignals()
    {
        using var desk = new TeamLeaderDesk();

        var home = desk.App.TopAs<HomeScreen>();
        var screen = desk.App.Screen();

        Assert.Contains("Opvolging mandaatbesluiten: 2 nodig, waarvan 1 te laat (toets 7)", screen, StringComparison.Ordinal);
        Assert.Contains("! te laat sinds 06-03-2026", screen, StringComparison.Ordinal);
        Assert.Contains("  vandaag  ", screen, StringComparison.Ordinal);
        // The caseload's signals are assigned to the demo nurse: the team leader sees them all, with whom each is.
        Assert.Equal(desk.App.Store.Signals.OpenHeaders().Headers.Count, home.Signals.Count);
        Assert.Contains("Sanne Demo", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionList_DueFirstAndMarked_SlashFilters_EnterOpensTheDetailWithFiguresAndAddenda()
    {
        using var desk = new TeamLeaderDesk();
        desk.App.Press('7');
        var list = desk.App.TopAs<DecisionsScreen>();
        var screen = desk.App.Screen();

        Assert.Equal(6, list.Visible.Count);
        Assert.Equal(["Wonen", "Werk en Inkomen"], list.Visible.Take(2).Select(d => d.Department));
        Assert.Contains("! te laat sinds 06-03-2026", screen, StringComparison.Ordinal);
        Assert.Contains("deels uitgevoerd", screen, StringComparison.Ordinal);
        Assert.Contains("niet uitgevoerd", screen, StringComparison.Ordinal);

        desk.App.Press('/').Type("opvang").Press(KeyInput.Enter);
        Assert.Equal(["Opvang"], list.Visible.Select(d => d.Department));
        desk.App.Press(KeyInput.Enter);

        var detail = desk.App.TopAs<DecisionDetailScreen>();
        var lines = Flat(desk.App.Screen());
        desk.App.Press(KeyInput.PageDown, KeyInput.PageDown);
        var further = Flat(desk.App.Screen());
        Assert.Equal("Opvang", detail.Decision.Department);
        Assert.Contains("Afdeling: Opvang · afgeweken van: Geen toelating tot de opvang na verwijtbaar gedrag", lines, StringComparison.Ordinal);
        Assert.Contains("kostentabel versie 2", lines + further, StringComparison.Ordinal);
        Assert.Contains("Correctie: de weigering kwam van de toelatingscommissie", further, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_FollowUp_RecordedOnceAfterAConfirm_ThenReadOnly()
    {
        using var desk = new TeamLeaderDesk();
        desk.App.Press('7').Press(KeyInput.Enter);
        var detail = desk.App.TopAs<DecisionDetailScreen>();
        var id = detail.Decision.Id;

        desk.App.Press('v');
        var form = desk.App.TopAs<FollowUpFormScreen>();
        desk.App.Press(KeyInput.Right).Press(KeyInput.Tab).Type("Urgentie verleend, inwoner woont tijdelijk in een flexwoning.");
        desk.App.Press(KeyInput.Ctrl('s'));
        var question = Flat(desk.App.Screen());
        desk.App.Press('j');

        Assert.Contains("Opvolging 'deels uitgevoerd' vastleggen?", question, StringComparison.Ordinal);
        Assert.Same(detail, desk.App.Top);
        var stored = desk.App.Store.MandateDecisions.Get(id)!;
        Assert.Equal(FollowUpResult.Partly, stored.FollowUp!.Result);
        Assert.Contains("deels uitgevoerd", desk.App.Screen(), StringComparison.Ordinal);
        Assert.DoesNotContain(detail.AllCommands.Commands, c => c.Id == "follow-up" && c.IsEnabled());
        desk.App.Press('v');
        Assert.Same(detail, desk.App.Top);
        Assert.NotSame(form, desk.App.Top);
    }

    [Fact]
    public void Detail_Addendum_IsAddedBeside_TheDecisionUnchanged_AndShowsOnTheTimeline()
    {
        using var desk = new TeamLeaderDesk();
        desk.App.Press('7').Press(KeyInput.Enter);
        var before = desk.App.TopAs<DecisionDetailScreen>().Decision;

        desk.App.Press('a').Type("Correctie: contactpersoon is de teamleider van Wonen.").Press(KeyInput.Ctrl('s')).Press('j');

        var addendum = Assert.Single(desk.App.Store.MandateDecisions.Addenda(before.Id));
        Assert.StartsWith("Correctie: contactpersoon", addendum.Text, StringComparison.Ordinal);
        Assert.True(desk.App.Store.MandateDecisions.Get(before.Id)!.SameRecordAs(before));
        var dossier = desk.OpenDossier(before.ClientId);
        Assert.Contains("Aanvulling mandaatbesluit: Correctie: contactpersoon", Flat(desk.App.Screen()), StringComparison.Ordinal);
        Assert.Contains("Mandaatbesluit (opvolging: ! te laat sinds 06-03-2026) Wonen", Flat(desk.App.Screen()), StringComparison.Ordinal);
        Assert.Same(dossier, desk.App.Top);
    }

    [Fact]
    public void Nurse_SeesTheTeamLeadersDecisionInTheDossier_AndOpensItReadOnly()
    {
        using var app = new AppHarness();
        var client = app.Store.Clients.Search().OrderBy(c => c.Name.SortForm, Core.Domain.Clients.PersonName.DutchOrder).First();
        var today = Core.Domain.Common.AmsterdamTime.Today(app.Clock);
        var table = DemoMandates.CostTables(today)[1];
        var figures = Core.Domain.Maatwerk.SocialReturnCalculator.Calculate(Core.Domain.Common.Money.FromEuros(4_000),
            [new(table.Entries.Single(e => e.RouteCode == "uithuiszetting"), 1)], table.Version).Value;
        var decision = new MandateDecision(new(Guid.CreateVersion7()), client.Id, DemoMandates.DemoTeamLeader.WorkerId, new(Guid.CreateVersion7()), app.Clock.GetUtcNow(),
            "Schuldhulpverlening", "Schuldhulp pas na stabiel inkomen", "Geweigerd.", "De achterstand wordt betaald.", new DecisionExecutor("Schuldhulpverlening", "L. Janssen"),
            new ValueTriangle("Verdedigbaar.", figures, "Wil blijven wonen.", true), "Schuldhulp: stabilisatietermijn", today.AddMonths(1), null);
        Pull(app, decision);
        app.Press('c');
        app.Press(KeyInput.Enter);
        var timeline = Flat(app.Screen());

        app.Press(KeyInput.Enter);
        var detail = app.TopAs<DecisionDetailScreen>();
        app.Press('v').Press('a');

        Assert.Contains("Mandaatbesluit (opvolging: op 16-04-2026) Schuldhulpverlening: De achterstand wordt betaald.", timeline, StringComparison.Ordinal);
        Assert.Equal(decision.Id, detail.Decision.Id);
        Assert.Same(detail, app.Top);
        Assert.DoesNotContain(detail.AllCommands.Commands, c => c.Id is "follow-up" or "addendum" && c.IsEnabled());
        Assert.Contains("Besloten 16-03-2026 10:30 door een collega", app.Screen(), StringComparison.Ordinal);
    }

    /// <summary>As a pull from the server brings a colleague's decision: through the sync code, not the repository (which a nurse may not write).</summary>
    private static void Pull(AppHarness app, MandateDecision decision)
    {
        var sync = new Core.Storage.Sync.LocalSync(app.Store);
        var anchor = sync.Settings().Anchor;
        sync.Apply(new Core.Sync.Protocol.PullResponse(
            [new(anchor + 1, Core.Sync.Rules.MandateColumns.DecisionTable, decision.Id.Value, 1, false, false, decision.DecidedAt, decision.DecidedBy.Value, Core.Sync.Rules.MandateColumns.ToColumns(decision))],
            anchor + 1, false, 0, 0));
    }

    private static MandateDecisionFormScreen OpenForm(TeamLeaderDesk desk, Core.Domain.Clients.Client? client = null)
    {
        desk.OpenDossier((client ?? desk.FreeClient).Id);
        desk.App.Press('m');
        return desk.App.TopAs<MandateDecisionFormScreen>();
    }

    /// <summary>Tabs to a field the way a person does; fails rather than looping when the field is not there.</summary>
    private static AppHarness GoTo(TeamLeaderDesk desk, MandateDecisionFormScreen form, string key)
    {
        var target = form.Field(key).Widget;
        for (var i = 0; i < 40 && (target.Cursor is null || form.Cursor != target.Cursor); i++)
            desk.App.Press(KeyInput.Tab);
        Assert.True(form.Cursor == target.Cursor, $"Could not tab to {key}.");
        return desk.App;
    }

    /// <summary>Every field of the form, in Tab order, for the worked example at Werk en Inkomen.</summary>
    private static void FillComplete(TeamLeaderDesk desk, MandateDecisionFormScreen form)
    {
        desk.App.Press(KeyInput.Right, KeyInput.Right).Press(KeyInput.Tab)
            .Type("Bewijs van feitelijk verblijf").Press(KeyInput.Tab)
            .Type("Een jonge man slaapt in zijn auto.").Press(KeyInput.Tab)
            .Type("Werk en Inkomen gaat uit van de verklaring van het wijkteam.").Press(KeyInput.Tab)
            .Press(KeyInput.Tab)
            .Type("J. Jansen").Press(KeyInput.Tab)
            .Type("Het team zag het zelf.").Press(KeyInput.Tab)
            .Type("4000").Press(KeyInput.Tab)
            .Press(KeyInput.Tab)
            .Press(KeyInput.Tab)
            .Type("12").Press(KeyInput.Tab)
            .Type("1").Press(KeyInput.Tab)
            .Type("12").Press(KeyInput.Tab)
            .Type("Hij wil werk zoeken.").Press(KeyInput.Tab)
            .Press(KeyInput.Character(' ')).Press(KeyInput.Tab)
            .Type("Bewijslast dakloosheid");
        Assert.Empty(form.Problems);
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()));
}
