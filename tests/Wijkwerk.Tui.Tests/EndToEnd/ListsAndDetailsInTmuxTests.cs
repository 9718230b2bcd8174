using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The real program in a real terminal, on a store of two synthetic clients: the client list opens with the
/// focus on the list (so q quits and / filters), and a signal and a home visit open from the dossier timeline.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class ListsAndDetailsInTmuxTests : InTmuxTest
{
    private const string Observation =
        "Buurman belt: meneer zit al drie dagen in het donker, de rolluiken blijven dicht en er hangt een geur in " +
        "het trappenhuis. Hij zei vorige week dat de energie is afgesloten. Buurman brengt soms soep maar meneer " +
        "doet niet meer open. Laatste woord: rolluiken.";

    private static readonly TimeProvider Clock = TimeProvider.System;
    private readonly DateOnly _today = RealDay.Settled();

    public ListsAndDetailsInTmuxTests() => SeedStore();

    [Fact]
    public void Q_OnTheClientListJustOpened_Quits()
    {
        Tmux.Start();
        var list = OpenClientList("2 van 2 cliënten");

        var exit = Quit();

        Assert.Contains("   Zoek      druk / om te zoeken", list, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Slash_FiltersTheClientList_EnterKeepsIt_EscClearsIt_ThenQQuits()
    {
        Tmux.Start();
        OpenClientList("2 van 2 cliënten");

        Tmux.Type("/");
        var filtering = Tmux.WaitFor("> Zoek");
        Tmux.Type("verm");
        var narrowed = Tmux.WaitFor("1 van 2 cliënten");
        Tmux.Press("Enter");
        var onTheList = Tmux.WaitFor("   Zoek      verm");
        Tmux.Press("Escape");
        var cleared = Tmux.WaitFor("2 van 2 cliënten");
        var exit = Quit();

        Assert.Contains("> Zoek", filtering, StringComparison.Ordinal);
        Assert.Contains("Vermeulen, Gerrit", narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain("Kortenhoef", narrowed, StringComparison.Ordinal);
        Assert.Contains("> Vermeulen, Gerrit", onTheList, StringComparison.Ordinal);
        Assert.Contains("Kortenhoef, Willemijn", cleared, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void ASignalAndAVisit_OpenFromTheDossierTimeline_WithEveryField()
    {
        Tmux.Start();
        OpenClientList("2 van 2 cliënten");
        Tmux.Type("/verm");
        Tmux.WaitFor("1 van 2 cliënten");
        Tmux.Press("Enter", "Enter");
        var dossier = Tmux.WaitFor("Wijkwerk · Dossier: Gerrit Vermeulen");

        Tmux.Press("Enter");
        var signal = Tmux.WaitFor("Wijkwerk · Signaal: Gerrit Vermeulen");
        Tmux.Press("Escape");
        Tmux.WaitFor("Wijkwerk · Dossier: Gerrit Vermeulen");
        Tmux.Press("Down", "Enter");
        var visit = Tmux.WaitFor("Wijkwerk · Huisbezoek: Gerrit Vermeulen");
        Tmux.Press("Escape");
        Tmux.WaitFor("Wijkwerk · Dossier: Gerrit Vermeulen");
        var exit = Quit();

        Assert.Contains("Signaal [opgepakt]", dossier, StringComparison.Ordinal);
        Assert.Contains("[opgepakt]", signal, StringComparison.Ordinal);
        Assert.Contains("Bron: buren", signal, StringComparison.Ordinal);
        Assert.Contains("Leefgebieden: 1 goed wonen en een veilig thuis, 2 gezonde financiën", signal, StringComparison.Ordinal);
        Assert.Contains("Grondslag: overleg niet mogelijk, want meneer doet niet open", signal, StringComparison.Ordinal);
        // The paragraph is wrapped in the 100 columns: every word is there, in order, none cut at the edge.
        Assert.Equal(Words(Observation), Words(Between(signal, "Observatie", "Vervolg")));
        Assert.Contains(", door u (Ilse Testverpleegkundige):", signal, StringComparison.Ordinal);
        Assert.Contains("Energieleverancier gebeld; aansluiting vandaag hersteld.", signal, StringComparison.Ordinal);
        Assert.Matches(@"· opgepakt\s*\n", signal);
        Assert.Contains($"Datum: {DateText.Show(_today.AddDays(-3))}", visit, StringComparison.Ordinal);
        Assert.Contains("Koelkast leeg, post ongeopend.", visit, StringComparison.Ordinal);
        Assert.Contains("ZRM (ZRM-2017), 2 van 13 domeinen gescoord", visit, StringComparison.Ordinal);
        Assert.Matches(@"Financiën\s+1 acute problematiek", visit);
        Assert.Matches(@"Huisvesting\s+niet gevraagd", visit);
        Assert.Equal(0, exit);
    }

    /// <summary>The test's own connections (seeding) let go of the store file before the folder goes.</summary>
    protected override void BeforeDataRemoved() => SqliteConnection.ClearAllPools();

    private static string Between(string screen, string from, string to)
    {
        var start = screen.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return screen[start..screen.IndexOf(to, start, StringComparison.Ordinal)];
    }

    private static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A nurse's store: Gerrit Vermeulen with a signal she picked up (with a follow-up) and a ZRM-scored visit three
    /// days ago; Willemijn Kortenhoef with nothing, so the filter has something to leave out.
    /// </summary>
    private void SeedStore()
    {
        var nurse = new StoreIdentity(Id<Worker>.New(Clock), "Ilse Testverpleegkundige", Role.Nurse, Guid.NewGuid());
        using var store = LocalStore.Create(Path.Combine(Data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, nurse, Clock);
        var gerrit = new ClientInput("Gerrit", "Vermeulen", "14-07-1944", "3512 CD", "8", "", "", "").Validate(Id<Client>.New(Clock), _today).Client!;
        store.Clients.Add(gerrit);
        store.Clients.Add(new ClientInput("Willemijn", "Kortenhoef", "03-09-1941", "3511 AB", "12", "", "", "").Validate(Id<Client>.New(Clock), _today).Client!);

        var signal = Signal.Report(Id<Signal>.New(Clock), gerrit.Id, SignalSource.Neighbours, null, Observation,
            [LifeDomain.SafeHome, LifeDomain.HealthyFinances], Urgency.Normal, new ConsentBasis(false, "meneer doet niet open"), nurse.WorkerId, Clock.GetUtcNow()).Value;
        store.Signals.Add(signal);
        var pickedUp = store.Signals.Move(signal, SignalStatus.PickedUp, Clock.GetUtcNow());
        store.Signals.AddFollowUp(pickedUp, FollowUp.Write(Id<FollowUp>.New(Clock), signal.Id, Clock.GetUtcNow(), nurse.WorkerId, "Energieleverancier gebeld; aansluiting vandaag hersteld.").Value);

        var zrm = ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 1, [ZrmDomain.PhysicalHealth] = 3 }).Value;
        store.Dossiers.AddVisit(HomeVisit.Record(Id<HomeVisit>.New(Clock), gerrit.Id, _today.AddDays(-3), nurse.WorkerId, "Koelkast leeg, post ongeopend.", zrm, _today).Value);
    }
}
