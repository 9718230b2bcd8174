using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The real program in a real terminal as a team leader with a valid mandate: a mandate decision recorded by keyboard
/// only (the calculator's figures on screen as the amounts are typed), then read back in full after a restart.
/// The keys the form takes are counted, so a change that makes it longer to fill shows.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class MandateInTmuxTests : InTmuxTest
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private readonly DateOnly _today = RealDay.Settled();
    private int _typed;
    private int _pressed;

    public MandateInTmuxTests() => SeedStore();

    [Fact]
    public void ADecision_RecordedByKeyboard_IsReadBackAfterARestart()
    {
        Tmux.Start();
        OpenClientList("1 van 1 cliënt");
        Tmux.Press("Enter");
        Tmux.WaitFor("Wijkwerk · Dossier: Gerrit Vermeulen");

        Key("m");
        Tmux.WaitFor("Wijkwerk · Mandaatbesluit: Gerrit Vermeulen");
        Press("Right", "Right", "Tab");                   // afdeling: Opvang → Schuldhulpverlening → Werk en Inkomen
        Key("Bewijs van feitelijk verblijf"); Press("Tab");
        Key("Uitkering liep vast op steeds meer bewijs."); Press("Tab");
        Key("W&I gaat uit van de verklaring van het team."); Press("Tab");
        Press("Tab");                                     // uitvoering door: Werk en Inkomen, as offered
        Key("J. Jansen"); Press("Tab");
        Key("Het team zag het zelf."); Press("Tab");
        Key("4000"); Press("Tab", "Tab", "Tab");           // eigen kosten; horizon 12 as offered; no beschermd wonen
        Key("12"); Press("Tab");                           // bijstand
        Key("1"); Press("Tab");                            // uithuiszetting
        Key("12");                                         // opvang
        var calculator = Tmux.WaitFor("netto € 47.000,00");
        Press("Tab");
        Key("Hij wil werk zoeken."); Press("Tab");
        Key(" "); Press("Tab");                            // inwoner gehoord
        Key("Bewijslast dakloosheid");                     // knelpunt; the follow-up date stays as offered
        Press("C-s");
        var question = Tmux.WaitFor("vastleggen?");
        Key("j");
        var recorded = Tmux.WaitFor("Mandaatbesluit vastgelegd.");
        var formKeys = (Typed: _typed, Pressed: _pressed);
        Assert.Equal(0, Quit());

        Tmux.Start();
        OpenClientList("1 van 1 cliënt");
        Tmux.Press("Enter");
        var dossier = Tmux.WaitFor("Wijkwerk · Dossier: Gerrit Vermeulen");
        Tmux.Press("Enter");
        var detail = Tmux.WaitFor("Wijkwerk · Mandaatbesluit: Gerrit Vermeulen");
        Tmux.Press("PageDown");
        var further = Tmux.WaitFor("Aanvullingen");
        var exit = Quit();

        Assert.Contains("Vermeden € 51.000,00 − eigen kosten € 4.000,00 = netto € 47.000,00 · ratio 12,75 · 12 mnd · kostentabel v2", Flat(calculator), StringComparison.Ordinal);
        Assert.Contains("Mandaatbesluit voor Gerrit Vermeulen (Werk en Inkomen)", Flat(question), StringComparison.Ordinal);
        Assert.Contains($"Mandaatbesluit (opvolging: op {DateText.Show(_today.AddMonths(3))}) Werk en Inkomen", recorded, StringComparison.Ordinal);
        Assert.Contains("Mandaatbesluit (opvolging: op", dossier, StringComparison.Ordinal);
        Assert.Contains("Afdeling: Werk en Inkomen · afgeweken van: Bewijs van feitelijk verblijf", detail, StringComparison.Ordinal);
        Assert.Contains("Uitvoering: Werk en Inkomen, contactpersoon J. Jansen", detail, StringComparison.Ordinal);
        Assert.Contains("Uitkering liep vast op steeds meer bewijs.", detail, StringComparison.Ordinal);
        Assert.Contains("Maatschappelijk rendement over 12 maanden (kostentabel versie 2):", detail + further, StringComparison.Ordinal);
        Assert.Contains("Gedwongen uithuiszetting: 1 × € 6.000,00 per keer = € 6.000,00", detail + further, StringComparison.Ordinal);
        Assert.Contains("De inwoner is gehoord.", further, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        // The figure for the note: 21 keys to move and choose, the rest is the text itself.
        Assert.Equal(21, formKeys.Pressed);
        Console.WriteLine($"Mandate form keys: {formKeys.Pressed} to move and choose, {formKeys.Typed} typed characters, {formKeys.Pressed + formKeys.Typed} in all.");
    }

    /// <summary>The screen as one line: a sentence wrapped over two rows reads whole.</summary>
    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>The test's own connections (seeding) let go of the store file before the folder goes.</summary>
    protected override void BeforeDataRemoved() => SqliteConnection.ClearAllPools();

    private void Key(string text)
    {
        Tmux.Type(text);
        if (text is "m" or "j" or " ")
            _pressed++;
        else
            _typed += text.Length;
    }

    private void Press(params string[] keys)
    {
        Tmux.Press(keys);
        _pressed += keys.Length;
    }

    /// <summary>A team leader's store: one client, her mandate, the departments and the cost table as a pull would bring them.</summary>
    private void SeedStore()
    {
        using var store = LocalStore.Create(Path.Combine(Data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, DemoMandates.DemoTeamLeader, Clock);
        store.Clients.Add(new ClientInput("Gerrit", "Vermeulen", "14-07-1944", "3512 CD", "8", "", "", "").Validate(Id<Client>.New(Clock), _today).Client!);
        DemoMandates.GiveReference(store, [DemoMandates.ValidMandate(store.Identity.WorkerId, _today)], DemoMandates.CostTables(_today));
    }
}
