using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>A signal and a home visit opened with Enter from the dossier timeline, read back as a person sees them.</summary>
public class DetailScreenTests
{
    private const string Observation =
        "Buurvrouw belt: mevrouw staat sinds dinsdag niet meer bij het raam, de post stapelt zich op achter de deur en " +
        "de kat miauwt 's nachts op het balkon. Vorige maand viel zij op de trap; de dochter woont in Groningen en " +
        "komt zelden. Buurvrouw heeft een sleutel maar durft niet naar binnen. Laatste woord: vensterbank.";

    private static readonly Id<Worker> Colleague = new(Guid.Parse("0193a000-0000-7000-8000-0000000000c2"));

    [Fact]
    public void EnterOnASignal_ShowsObservationDomainsConsentFollowUpsAndMoves()
    {
        using var app = new AppHarness(80, 50);
        var client = AddClient(app);
        var signal = ReportClosedSignal(app, client);
        OpenDossier(app, client);

        app.Press(KeyInput.Home).Press(KeyInput.Enter);
        var screen = app.Screen();
        var detail = app.TopAs<SignalDetailScreen>();

        Assert.Contains("Signaal: Noa Qwispel", screen, StringComparison.Ordinal);
        Assert.Contains("[afgesloten]", screen, StringComparison.Ordinal);
        Assert.Contains("Bron: buren", screen, StringComparison.Ordinal);
        Assert.Contains("Leefgebieden: 1 goed wonen en een veilig thuis, 2 gezonde financiën", screen, StringComparison.Ordinal);
        Assert.Contains("Grondslag: overleg niet mogelijk, want mevrouw doet niet open", screen, StringComparison.Ordinal);
        // Wrapped, not cut: every word of the paragraph is on the screen, in order, and no row runs off the edge.
        Assert.Equal(Words(Observation), Words(Between(screen, "Observatie", "Vervolg")));
        Assert.Contains("16-03-2026 11:30, door u (Sanne Demo):", screen, StringComparison.Ordinal);
        Assert.Contains("Sleutel via de buurvrouw; mevrouw lag op de grond.", screen, StringComparison.Ordinal);
        Assert.Contains("16-03-2026 12:30, door een collega:", screen, StringComparison.Ordinal);
        Assert.Contains("Ambulance geweest, opname in het ziekenhuis.", screen, StringComparison.Ordinal);
        Assert.Contains($"{AmsterdamTime.ShowDateTime(signal.ReportedAt)} · nieuw", screen, StringComparison.Ordinal);
        Assert.Contains("16-03-2026 11:00 · opgepakt", screen, StringComparison.Ordinal);
        Assert.Contains("16-03-2026 13:30 · afgesloten (laatst gewijzigd door u (Sanne Demo))", screen, StringComparison.Ordinal);
        Assert.NotNull(detail);

        app.Press(KeyInput.Escape);
        app.TopAs<DossierScreen>();
    }

    [Fact]
    public void SignalDetail_At80x24_ScrollsToTheStatusHistory()
    {
        using var app = new AppHarness();
        var client = AddClient(app);
        ReportClosedSignal(app, client);
        OpenDossier(app, client);
        app.Press(KeyInput.Home).Press(KeyInput.Enter);
        var first = app.Screen();

        app.Press(KeyInput.PageDown, KeyInput.PageDown);
        var scrolled = app.Screen();

        Assert.Contains("Buurvrouw belt", first, StringComparison.Ordinal);
        Assert.DoesNotContain("afgesloten (laatst gewijzigd", first, StringComparison.Ordinal);
        Assert.Contains("afgesloten (laatst gewijzigd door u (Sanne Demo))", scrolled, StringComparison.Ordinal);
        app.TopAs<SignalDetailScreen>();
    }

    [Fact]
    public void EnterOnAVisit_ShowsTheNotesAndEveryZrmDomain_NotAskedOnesNamed()
    {
        using var app = new AppHarness(80, 40);
        var client = AddClient(app);
        var zrm = ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 2, [ZrmDomain.Housing] = 4 }).Value;
        var today = AmsterdamTime.Today(app.Clock);
        app.Store.Dossiers.AddVisit(HomeVisit.Record(Id<HomeVisit>.New(app.Clock), client.Id, today, Colleague, "Keuken schoon, koelkast leeg. Rekeningen ongeopend op tafel.", zrm, today).Value);
        OpenDossier(app, client);

        app.Press(KeyInput.Home).Press(KeyInput.Enter);
        var screen = app.Screen();
        var lines = screen.Split('\n');

        app.TopAs<VisitDetailScreen>();
        Assert.Contains("Huisbezoek: Noa Qwispel", screen, StringComparison.Ordinal);
        Assert.Contains($"Datum: {DateText.Show(today)}", screen, StringComparison.Ordinal);
        Assert.Contains("Bezocht door: een collega", screen, StringComparison.Ordinal);
        Assert.Contains("Keuken schoon, koelkast leeg. Rekeningen ongeopend op tafel.", screen, StringComparison.Ordinal);
        Assert.Contains("ZRM (ZRM-2017), 2 van 13 domeinen gescoord", screen, StringComparison.Ordinal);
        // A table: the scores start in one column.
        var finances = lines.Single(l => l.Contains("Financiën", StringComparison.Ordinal));
        var justice = lines.Single(l => l.Contains("Justitie", StringComparison.Ordinal));
        Assert.EndsWith("2 niet zelfredzaam", finances, StringComparison.Ordinal);
        Assert.Equal(finances.IndexOf("2 niet", StringComparison.Ordinal), justice.IndexOf("niet gevraagd", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Huisvesting", StringComparison.Ordinal) && l.EndsWith("4 voldoende zelfredzaam", StringComparison.Ordinal));
        Assert.Equal(11, lines.Count(l => l.EndsWith("niet gevraagd", StringComparison.Ordinal)));
    }

    [Fact]
    public void EnterOnAVisitWithoutZrm_SaysNoneWasTaken()
    {
        using var app = new AppHarness();
        var client = AddClient(app);
        var today = AmsterdamTime.Today(app.Clock);
        app.Store.Dossiers.AddVisit(HomeVisit.Record(Id<HomeVisit>.New(app.Clock), client.Id, today, app.Store.Identity.WorkerId, "", null, today).Value);
        OpenDossier(app, client);

        app.Press(KeyInput.Home).Press(KeyInput.Enter);

        Assert.Contains("Geen notities.", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("Geen ZRM afgenomen bij dit bezoek.", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("Bezocht door: u (Sanne Demo)", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishDetail_SpeaksEnglish()
    {
        using var app = new AppHarness(80, 50, Core.Localization.Lang.En);
        var client = AddClient(app);
        ReportClosedSignal(app, client);
        OpenDossier(app, client);

        app.Press(KeyInput.Home).Press(KeyInput.Enter);

        Assert.Contains("Signal: Noa Qwispel", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("Life domains: 1 good housing and a safe home", app.Screen(), StringComparison.Ordinal);
        Assert.Contains("closed (last changed by you (Sanne Demo))", app.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void AColleagueNamedByTheServer_IsNamedOnTheirFollowUp()
    {
        using var app = new AppHarness(80, 50);
        var client = AddClient(app);
        ReportClosedSignal(app, client);
        new Core.Storage.Sync.LocalSync(app.Store).Apply(new Core.Sync.Protocol.PullResponse([], 0, false, 0, 0, [new Core.Sync.Protocol.WorkerInfo(Colleague.Value, "Bram Testcollega")]));
        OpenDossier(app, client);

        app.Press(KeyInput.Home).Press(KeyInput.Enter);

        Assert.Contains("16-03-2026 12:30, door Bram Testcollega:", app.Screen(), StringComparison.Ordinal);
    }

    private static Client AddClient(AppHarness app)
    {
        var (client, problems) = new ClientInput("Noa", "Qwispel", "1931-02-03", "4850 QX", "1", "", "", "")
            .Validate(Id<Client>.New(app.Clock), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        Assert.Empty(problems);
        app.Store.Clients.Add(client!);
        return client!;
    }

    /// <summary>Reported now, picked up 30 minutes later, two follow-ups (one by a colleague), closed three hours after the report.</summary>
    private static Signal ReportClosedSignal(AppHarness app, Client client)
    {
        var reported = Signal.Report(Id<Signal>.New(app.Clock), client.Id, SignalSource.Neighbours, null, Observation,
            [LifeDomain.HealthyFinances, LifeDomain.SafeHome], Urgency.Normal, new ConsentBasis(false, "mevrouw doet niet open"), null, app.Clock.GetUtcNow()).Value;
        app.Store.Signals.Add(reported);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var pickedUp = app.Store.Signals.Move(reported, SignalStatus.PickedUp, app.Clock.GetUtcNow());
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        app.Store.Signals.AddFollowUp(pickedUp, FollowUp.Write(Id<FollowUp>.New(app.Clock), pickedUp.Id, app.Clock.GetUtcNow(), app.Store.Identity.WorkerId, "Sleutel via de buurvrouw; mevrouw lag op de grond.").Value);
        app.Clock.Advance(TimeSpan.FromHours(1));
        app.Store.Signals.AddFollowUp(pickedUp, FollowUp.Write(Id<FollowUp>.New(app.Clock), pickedUp.Id, app.Clock.GetUtcNow(), Colleague, "Ambulance geweest, opname in het ziekenhuis.").Value);
        app.Clock.Advance(TimeSpan.FromHours(1));
        app.Store.Signals.Move(pickedUp, SignalStatus.Closed, app.Clock.GetUtcNow());
        return reported;
    }

    private static void OpenDossier(AppHarness app, Client client)
    {
        app.Press('c').Press('/').Type($"{client.Name.Full} {DateText.Show(client.BirthDate)}").Press(KeyInput.Enter, KeyInput.Enter);
        app.TopAs<DossierScreen>();
    }

    private static string Between(string screen, string from, string to)
    {
        var start = screen.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return screen[start..screen.IndexOf(to, start, StringComparison.Ordinal)];
    }

    private static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
