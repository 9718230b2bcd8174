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
public sealed class AdviceInTmuxTests : InTmuxTest
{
    private const string Wishes = "Zo lang mogelijk thuis blijven wonen in een schoon huis.";
    private const string Alternatives = "Dochter doet de boodschappen; zelf een schoonmaker betalen lukt niet.";
    private const string Rationale = "Door artrose in beide handen kan mevrouw niet stofzuigen of dweilen.";
    private readonly DateOnly _today = RealDay.Settled();
    private readonly Id<Client> _clientId;

    public AdviceInTmuxTests() => _clientId = SeedClient();

    private DateOnly VisitDate => _today.AddDays(-10);

    [Fact]
    public void AdviceWrittenAtTheKitchenTable_SubmittedWithCtrlD_ReadsBackAfterARestart()
    {
        Tmux.Start();
        OpenDossier();
        // The key-count test's sequence: wishes, tick both, alternatives, rationale, skip the category, amount, submit.
        var form = WriteAdvice("Tab", "Space", "Tab", "Space", "Tab");
        Tmux.Press("Tab", "Tab");
        SubmitThreeHours();
        Tmux.WaitFor("Wmo-advies ingediend; gaat mee met de volgende sync (F5).");
        var timeline = Tmux.WaitFor("Wmo-advies [ingediend]");
        var exit = Quit();

        Tmux.Start();
        OpenDossier();
        var reopened = Tmux.WaitFor("Wmo-advies [ingediend]");
        Tmux.Press("Enter");
        var detail = Tmux.WaitFor("Wijkwerk · Wmo-advies: Willemijn Kortenhoef");
        var afterQuit = Quit();
        var export = WijkwerkProcess.Run(Data.Path, "export", "indications", "--format", "json");

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
        Assert.Equal(("ingediend", "01", "3", "04", "2"), (row.GetProperty("status").GetString(), row.GetProperty("productcategorie").GetString(),
            row.GetProperty("omvang").ToString(), row.GetProperty("eenheid").GetString(), row.GetProperty("frequentie").GetString()));
    }

    [Fact]
    public void KilledAfterTheRationale_TheAdviceFormComesBackWithTheTyping_AndSubmits()
    {
        Tmux.Start();
        OpenDossier();
        WriteAdvice("Tab", "Space", "Tab", "Tab");
        var typed = Tmux.WaitFor(Rationale);

        var killed = KillProgram();

        Tmux.Start();
        var restored = Tmux.WaitFor("Concept hersteld");
        // The caret is back in the rationale, where typing stopped: past the category to the amount.
        Tmux.Press("Tab", "Tab");
        Tmux.WaitFor("> Omvang (aantal)");
        SubmitThreeHours();
        var submitted = Tmux.WaitFor("Wmo-advies [ingediend]");
        var afterQuit = Quit();

        Assert.Contains("[x] Gewezen op gratis cliëntondersteuning", typed, StringComparison.Ordinal);
        Assert.Equal(128 + 9, killed);
        Assert.Contains("Wijkwerk · Nieuw Wmo-advies", restored, StringComparison.Ordinal);
        Assert.Contains("Cliënt: Willemijn Kortenhoef", restored, StringComparison.Ordinal);
        Assert.Contains(Wishes, restored, StringComparison.Ordinal);
        Assert.Contains("[x] Gewezen op gratis cliëntondersteuning", restored, StringComparison.Ordinal);
        Assert.Contains("[ ] Gewezen op het persoonlijk plan", restored, StringComparison.Ordinal);
        Assert.Contains(Alternatives, restored, StringComparison.Ordinal);
        Assert.Contains(Rationale, restored, StringComparison.Ordinal);
        Assert.Contains("Wmo-advies ingediend; gaat mee met de volgende sync (F5).", submitted, StringComparison.Ordinal);
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
        Tmux.Start();
        OpenDossier();
        WriteAdvice("Tab", "Tab", "Tab");
        // Past the category to the amount; the unit stays 04 uur; "1" picks frequency 1 per dag.
        Tmux.Press("Tab", "Tab");
        Tmux.Type("30");
        Tmux.Press("Tab", "Tab");
        Tmux.Type("1");
        Tmux.WaitFor("> Frequentie              < 1 per da");
        Tmux.Press("C-s");
        var refused = Tmux.WaitFor("Niet opgeslagen:");
        Tmux.Press("C-c");
        Tmux.WaitFor("Toch afsluiten?");
        Tmux.Type("j");
        var exit = Tmux.WaitForExit();
        var storedAfterQuit = StoredAdvices(out var drafts);
        var export = WijkwerkProcess.Run(Data.Path, "export", "indications", "--format", "json");

        Tmux.Start();
        var restored = Tmux.WaitFor("Concept hersteld");
        var dossier = DiscardRestoredDraft("Wijkwerk · Dossier: Willemijn Kortenhoef");
        var afterQuit = Quit();

        Assert.Contains("Wijkwerk · Nieuw Wmo-advies", refused, StringComparison.Ordinal);
        Assert.Contains(" ! Frequentie: past niet: 30 uur per dag is meer tijd dan die periode heeft; kies een andere", refused, StringComparison.Ordinal);
        Assert.Contains("Niet opgeslagen: 1 veld nog niet in orde", refused, StringComparison.Ordinal);
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

    [Fact]
    public void LongParagraphInTheAdviceForm_At80x24_WrapsAtWords_WithItsStartAndTheCursorInSight()
    {
        const string paragraph = "Mevrouw wil zo lang mogelijk thuis blijven wonen in haar eigen buurt, dicht bij de kerk en haar vriendinnen. "
            + "Haar dochter komt op zaterdag en doet dan de boodschappen, maar de was, het stofzuigen en het dweilen lukken niet meer "
            + "sinds de artrose in beide handen erger werd; een schoonmaker betalen kan zij niet.";
        Tmux.Start();
        Tmux.Resize(80, 24);
        OpenDossier();
        Tmux.Type("w");
        Tmux.WaitFor("> Wens van de cliënt");

        Tmux.Type(paragraph);
        var screen = Tmux.WaitFor("betalen kan zij niet.");
        var cursor = Tmux.Cursor();
        var afterQuit = QuitDiscardingTheForm();

        var rows = screen.Split('\n');
        var label = Array.FindIndex(rows, r => r.Contains("> Wens van de cliënt", StringComparison.Ordinal));
        var last = Array.FindIndex(rows, r => r.TrimEnd().EndsWith("betalen kan zij niet.", StringComparison.Ordinal));
        Assert.True(label >= 0 && last > label + 2, screen);
        Assert.StartsWith("   Mevrouw wil zo lang mogelijk thuis blijven wonen", rows[label + 1], StringComparison.Ordinal);
        Assert.Equal(paragraph, string.Join(' ', rows[(label + 1)..(last + 1)].Select(r => r.Trim())));
        Assert.All(rows[(label + 1)..(last + 1)], r => Assert.True(r.TrimEnd().Length < 80, r));
        Assert.True(cursor.Visible, "The cursor is hidden.");
        Assert.Equal((rows[last].TrimEnd().Length, last), (cursor.X, cursor.Y));
        Assert.Equal(0, afterQuit);
    }

    [Fact]
    public void DecimalVolume_TypedWithAComma_IsStoredAsWholeMinutes_AndReadsBackAsTyped()
    {
        Tmux.Start();
        OpenDossier();
        WriteAdvice("Tab", "Space", "Tab", "Space", "Tab");
        Tmux.Press("Tab", "Tab");
        Tmux.Type("2,5");
        var typed = Tmux.WaitFor("> Omvang (aantal)         2,5");
        Tmux.Press("C-d");
        Tmux.WaitFor("Dit advies indienen bij de Wmo-consulent?");
        Tmux.Press("j");
        Tmux.WaitFor("Wmo-advies [ingediend]");
        var exit = Quit();

        Tmux.Start();
        OpenDossier();
        Tmux.WaitFor("Wmo-advies [ingediend]");
        Tmux.Press("Enter");
        var detail = Tmux.WaitFor("Wijkwerk · Wmo-advies: Willemijn Kortenhoef");
        Tmux.Type("q");
        var afterQuit = Tmux.WaitForExit();

        Assert.DoesNotContain("! Omvang", typed, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("2,5 uur (150 minuten) per week", detail, StringComparison.Ordinal);
        Assert.Equal(0, afterQuit);
        var advice = Assert.Single(StoredAdvices(out _));
        Assert.Equal(new Volume(150, VolumeUnit.Minute, VolumeFrequency.PerWeek, VolumeUnit.Hour), advice.Content.Provision.Volume);
    }

    /// <summary>The test's own connections (seeding, reading back) let go of the store file before the folder goes.</summary>
    protected override void BeforeDataRemoved() => SqliteConnection.ClearAllPools();

    private static string Show(DateOnly date) => DateText.Show(date);

    /// <summary>Quits from a form with typing in it: q would be typed, so Ctrl+C, then yes to leaving it unsaved.</summary>
    private int QuitDiscardingTheForm()
    {
        Tmux.Press("C-c");
        Tmux.WaitFor("Toch afsluiten?");
        Tmux.Type("j");
        return Tmux.WaitForExit();
    }

    /// <summary>From the home screen to the client's dossier, through the client list's search.</summary>
    private void OpenDossier()
    {
        OpenClientList();
        Tmux.Type("/korten");
        Tmux.WaitFor("1 van 1 cliënt");
        Tmux.Press("Enter", "Enter");
        Tmux.WaitFor("Wijkwerk · Dossier: Willemijn Kortenhoef");
    }

    /// <summary>
    /// From the dossier to the advice form: the wishes, <paramref name="throughTheTicks"/> (the keys over both
    /// consent ticks to the alternatives), the alternatives and the rationale. Returns the form as it first showed.
    /// </summary>
    private string WriteAdvice(params string[] throughTheTicks)
    {
        Tmux.Type("w");
        var form = Tmux.WaitFor("Wijkwerk · Nieuw Wmo-advies");
        Tmux.Type(Wishes);
        Tmux.Press(throughTheTicks);
        Tmux.Type(Alternatives);
        Tmux.Press("Tab");
        Tmux.Type(Rationale);
        return form;
    }

    /// <summary>With the focus on the amount: 3, then submit with Ctrl+D and say yes to the question.</summary>
    private void SubmitThreeHours()
    {
        Tmux.Type("3");
        Tmux.WaitFor("> Omvang (aantal)         3");
        Tmux.Press("C-d");
        Tmux.WaitFor("Dit advies indienen bij de Wmo-consulent?");
        Tmux.Press("j");
    }

    /// <summary>A nurse's store with one made-up client who had a ZRM-scored home visit ten days ago.</summary>
    private Id<Client> SeedClient()
    {
        var clock = TimeProvider.System;
        var nurse = new StoreIdentity(Id<Worker>.New(clock), "Ilse Testverpleegkundige", Role.Nurse, Guid.NewGuid());
        using var store = LocalStore.Create(Path.Combine(Data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, nurse, clock);
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
        using var store = LocalStore.Open(Path.Combine(Data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, TimeProvider.System);
        drafts = store.Drafts.Keys();
        return store.Advices.ForClient(_clientId);
    }
}
