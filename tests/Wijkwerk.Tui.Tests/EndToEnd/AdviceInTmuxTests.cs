using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The nurse's Wmo advice in the real program in a real terminal, on a store of one synthetic client
/// with a ZRM-scored home visit: written at the kitchen table and submitted, read back after a restart,
/// kept through a SIGKILL, and refused without loss when the volume does not fit. Dates are the real
/// calendar's, as the program runs on the real clock.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class AdviceInTmuxTests : IDisposable
{
    private const string Wishes = "Zo lang mogelijk thuis blijven wonen in een schoon huis.";
    private const string Alternatives = "Dochter doet de boodschappen; zelf een schoonmaker betalen lukt niet.";
    private const string Rationale = "Door artrose in beide handen kan mevrouw niet stofzuigen of dweilen.";
    private readonly TempFolder _data = new();
    private readonly TmuxTerminal _tmux;
    private readonly DateOnly _today = AmsterdamTime.Today(TimeProvider.System);
    private readonly Id<Client> _clientId;

    public AdviceInTmuxTests()
    {
        _tmux = new TmuxTerminal(_data.Path);
        _clientId = SeedClient();
    }

    private DateOnly VisitDate => _today.AddDays(-10);

    [Fact]
    public void AdviceWrittenAtTheKitchenTable_SubmittedWithCtrlD_ReadsBackAfterARestart()
    {
        _tmux.Start();
        OpenDossier();
        _tmux.Type("w");
        var form = _tmux.WaitFor("Wijkwerk · Nieuw Wmo-advies");
        // The key-count test's sequence: wishes, tick both, alternatives, rationale, skip the category, amount, submit.
        _tmux.Type(Wishes);
        _tmux.Press("Tab", "Space", "Tab", "Space", "Tab");
        _tmux.Type(Alternatives);
        _tmux.Press("Tab");
        _tmux.Type(Rationale);
        _tmux.Press("Tab", "Tab");
        _tmux.Type("3");
        _tmux.WaitFor("> Omvang (aantal)         3");
        _tmux.Press("C-d");
        _tmux.WaitFor("Wmo-advies ingediend bij de Wmo-consulent.");
        var timeline = _tmux.WaitFor("Wmo-advies [ingediend]");
        _tmux.Type("q");
        var exit = _tmux.WaitForExit();

        _tmux.Start();
        OpenDossier();
        var reopened = _tmux.WaitFor("Wmo-advies [ingediend]");
        _tmux.Press("Enter");
        var detail = _tmux.WaitFor("Wijkwerk · Wmo-advies: Willemijn Kortenhoef");
        _tmux.Type("q");
        var afterQuit = _tmux.WaitForExit();
        var export = WijkwerkProcess.Run(_data.Path, "export", "indications", "--format", "json");

        Assert.Contains($"Cliënt: Willemijn Kortenhoef · ZRM van {Show(VisitDate)}: 3 domeinen", form, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        var line = $@"> {Show(_today)} \d\d:\d\d  Wmo-advies \[ingediend\] onderzoek uiterlijk {Show(_today.AddDays(42))} \(nog 42 dagen\) · 01 Hulp";
        Assert.Matches(line, timeline);
        Assert.Matches(line, reopened);
        Assert.Contains($"{Show(VisitDate)}        Huisbezoek  ZRM 3/13", reopened, StringComparison.Ordinal);
        Assert.Contains("Willemijn Kortenhoef · [ingediend]", detail, StringComparison.Ordinal);
        Assert.Contains($"Geadviseerd: 01 Hulp bij het huishouden · 3 uur per week · vanaf {Show(_today.AddDays(14))} · 12 maanden", detail, StringComparison.Ordinal);
        Assert.Contains("Wettelijke termijnen", detail, StringComparison.Ordinal);
        Assert.Contains($" onderzoek uiterlijk {Show(_today.AddDays(42))} (nog 42 dagen)", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("! onderzoek", detail, StringComparison.Ordinal);
        Assert.Contains($"Melding {Show(_today)} · aanvraag nog niet", detail, StringComparison.Ordinal);
        Assert.Contains("Wens van de cliënt: " + Wishes, detail, StringComparison.Ordinal);
        Assert.Contains("Onderbouwing: " + Rationale, detail, StringComparison.Ordinal);
        Assert.Contains($"ZRM van {Show(VisitDate)}: 3 domeinen", detail, StringComparison.Ordinal);
        Assert.Contains("Instrumentele ADL: 2 niet zelfredzaam", detail, StringComparison.Ordinal);
        Assert.Contains("Gewezen op cliëntondersteuning: ja · persoonlijk plan: ja", detail, StringComparison.Ordinal);
        Assert.Contains("x Intrekken", detail, StringComparison.Ordinal);
        Assert.Equal(0, afterQuit);
        var row = Assert.Single(JsonDocument.Parse(export.Out).RootElement.EnumerateArray());
        Assert.Equal(("Submitted", "01", "3", "04", "2"), (row.GetProperty("status").GetString(), row.GetProperty("productcategorie").GetString(),
            row.GetProperty("omvang").ToString(), row.GetProperty("eenheid").GetString(), row.GetProperty("frequentie").GetString()));
    }

    [Fact]
    public void KilledAfterTheRationale_TheAdviceFormComesBackWithTheTyping_AndSubmits()
    {
        _tmux.Start();
        OpenDossier();
        _tmux.Type("w");
        _tmux.WaitFor("Wijkwerk · Nieuw Wmo-advies");
        _tmux.Type(Wishes);
        _tmux.Press("Tab", "Space", "Tab", "Tab");
        _tmux.Type(Alternatives);
        _tmux.Press("Tab");
        _tmux.Type(Rationale);
        var typed = _tmux.WaitFor(Rationale);

        System.Diagnostics.Process.GetProcessById(_tmux.ProgramPid()).Kill();
        var killed = _tmux.WaitForExit();

        _tmux.Start();
        var restored = _tmux.WaitFor("Concept hersteld");
        // Focus starts at the top: through the ticks, alternatives, rationale and category to the amount.
        _tmux.Press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab");
        _tmux.WaitFor("> Omvang (aantal)");
        _tmux.Type("3");
        _tmux.WaitFor("> Omvang (aantal)         3");
        _tmux.Press("C-d");
        var submitted = _tmux.WaitFor("Wmo-advies [ingediend]");
        _tmux.Type("q");
        var afterQuit = _tmux.WaitForExit();

        Assert.Contains("[x] Gewezen op gratis cliëntondersteuning", typed, StringComparison.Ordinal);
        Assert.Equal(128 + 9, killed);
        Assert.Contains("Wijkwerk · Nieuw Wmo-advies", restored, StringComparison.Ordinal);
        Assert.Contains("Cliënt: Willemijn Kortenhoef", restored, StringComparison.Ordinal);
        Assert.Contains(Wishes, restored, StringComparison.Ordinal);
        Assert.Contains("[x] Gewezen op gratis cliëntondersteuning", restored, StringComparison.Ordinal);
        Assert.Contains("[ ] Gewezen op het persoonlijk plan", restored, StringComparison.Ordinal);
        Assert.Contains(Alternatives, restored, StringComparison.Ordinal);
        Assert.Contains(Rationale, restored, StringComparison.Ordinal);
        Assert.Contains("Wmo-advies ingediend bij de Wmo-consulent.", submitted, StringComparison.Ordinal);
        Assert.Contains("Wijkwerk · Dossier: Willemijn Kortenhoef", submitted, StringComparison.Ordinal);
        Assert.Equal(0, afterQuit);
        var advice = Assert.Single(StoredAdvices(out var drafts));
        Assert.Equal((AdviceStatus.Submitted, Rationale), (advice.Status, advice.Content.Rationale));
        Assert.Equal((true, false), (advice.Content.ClientSupportOffered, advice.Content.PersonalPlanOffered));
        Assert.Empty(drafts);
    }

    [Fact]
    public void ThirtyHoursADay_IsRefusedByField_NothingStored_TheTypingKept()
    {
        _tmux.Start();
        OpenDossier();
        _tmux.Type("w");
        _tmux.WaitFor("Wijkwerk · Nieuw Wmo-advies");
        _tmux.Type(Wishes);
        _tmux.Press("Tab", "Tab", "Tab");
        _tmux.Type(Alternatives);
        _tmux.Press("Tab");
        _tmux.Type(Rationale);
        // Past the category to the amount; the unit stays 04 uur; "1" picks frequency 1 per dag.
        _tmux.Press("Tab", "Tab");
        _tmux.Type("30");
        _tmux.Press("Tab", "Tab");
        _tmux.Type("1");
        _tmux.WaitFor("> Frequentie              < 1 per da");
        _tmux.Press("C-s");
        var refused = _tmux.WaitFor("Niet opgeslagen:");
        _tmux.Press("C-c");
        _tmux.WaitFor("Toch afsluiten?");
        _tmux.Type("j");
        var exit = _tmux.WaitForExit();
        var storedAfterQuit = StoredAdvices(out var drafts);
        var export = WijkwerkProcess.Run(_data.Path, "export", "indications", "--format", "json");

        _tmux.Start();
        var restored = _tmux.WaitFor("Concept hersteld");
        _tmux.Press("Escape");
        _tmux.WaitFor("Wat u typte weggooien?");
        _tmux.Type("j");
        var dossier = _tmux.WaitFor("Wijkwerk · Dossier: Willemijn Kortenhoef");
        _tmux.Type("q");
        var afterQuit = _tmux.WaitForExit();

        Assert.Contains("Wijkwerk · Nieuw Wmo-advies", refused, StringComparison.Ordinal);
        Assert.Contains(" ! Frequentie: past niet: 30 uur per dag is meer tijd dan die periode heeft; kies een andere", refused, StringComparison.Ordinal);
        Assert.Contains("Niet opgeslagen: 1 veld(en) nog niet in orde", refused, StringComparison.Ordinal);
        Assert.Contains("Omvang (aantal)         30", refused, StringComparison.Ordinal);
        Assert.Contains("Eenheid                 < 04 uur >", refused, StringComparison.Ordinal);
        Assert.Contains(Wishes, refused, StringComparison.Ordinal);
        Assert.Contains(Alternatives, refused, StringComparison.Ordinal);
        Assert.Contains(Rationale, refused, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Empty(storedAfterQuit);
        Assert.Equal(0, export.ExitCode);
        Assert.Empty(JsonDocument.Parse(export.Out).RootElement.EnumerateArray());
        Assert.Equal([DraftKeys.ForNewAdvice(_clientId)], drafts);
        Assert.Contains("Omvang (aantal)         30", restored, StringComparison.Ordinal);
        Assert.Contains(Rationale, restored, StringComparison.Ordinal);
        Assert.Contains("Huisbezoek  ZRM 3/13", dossier, StringComparison.Ordinal);
        Assert.DoesNotContain("Wmo-advies", dossier, StringComparison.Ordinal);
        Assert.Equal(0, afterQuit);
    }

    public void Dispose()
    {
        _tmux.Dispose();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private static string Show(DateOnly date) => DateText.Show(date);

    /// <summary>From the home screen to the client's dossier, through the client list's search.</summary>
    private void OpenDossier()
    {
        _tmux.WaitFor("Wijkwerk · Startscherm");
        _tmux.Type("c");
        _tmux.WaitFor("Wijkwerk · Cliënten");
        _tmux.Type("korten");
        _tmux.WaitFor("1 van 1 cliënten");
        _tmux.Press("Enter");
        _tmux.WaitFor("Wijkwerk · Dossier: Willemijn Kortenhoef");
    }

    /// <summary>A nurse's store with one made-up client who had a ZRM-scored home visit ten days ago.</summary>
    private Id<Client> SeedClient()
    {
        var clock = TimeProvider.System;
        var nurse = new StoreIdentity(Id<Worker>.New(clock), "Ilse Testverpleegkundige", Role.Nurse, Guid.NewGuid());
        using var store = LocalStore.Create(Path.Combine(_data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, nurse, clock);
        var client = new ClientInput("Willemijn", "Kortenhoef", "03-09-1941", "3511 AB", "12", "", "", "").Validate(Id<Client>.New(clock), _today).Client!;
        store.Clients.Add(client);
        var zrm = ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int>
        {
            [ZrmDomain.InstrumentalAdl] = 2,
            [ZrmDomain.PhysicalHealth] = 2,
            [ZrmDomain.SocialNetwork] = 3,
        }).Value;
        store.Dossiers.AddVisit(HomeVisit.Record(Id<HomeVisit>.New(clock), client.Id, VisitDate, nurse.WorkerId, "Keukentafelgesprek; hulp in huis besproken.", zrm, _today).Value);
        return client.Id;
    }

    /// <summary>What the program left in the store file once it has ended: the client's advices, and every draft key.</summary>
    private IReadOnlyList<IndicationAdvice> StoredAdvices(out IReadOnlyList<string> drafts)
    {
        using var store = LocalStore.Open(Path.Combine(_data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        drafts = store.Drafts.Keys();
        return store.Advices.ForClient(_clientId);
    }
}
