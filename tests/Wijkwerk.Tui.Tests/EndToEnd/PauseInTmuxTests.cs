using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The real program in a real terminal: a nurse records a pause from the dossier by keyboard (an end beyond the
/// maximum refused first, then a date five days ahead, confirmed), quits, and after a restart home warns that the pause
/// ends that day. The keys are counted.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class PauseInTmuxTests : InTmuxTest
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private int _pressed;

    public PauseInTmuxTests() => SeedStore();

    [Fact]
    public void APauseRecordedFromTheDossier_IsOnHomeAsAReminderAfterARestart()
    {
        var today = RealDay.Settled();
        Tmux.Start();
        Tmux.WaitFor("Wijkwerk · Startscherm");
        Press("c");
        Tmux.WaitFor("Wijkwerk · Cliënten");
        Press("Enter");
        Tmux.WaitFor("Wijkwerk · Dossier");
        Press("p");
        Tmux.WaitFor("Pauze vastleggen: Gerrit Vermeulen");
        Key("Stopzetten bijstandsuitkering"); Press("Tab");
        Key("Werk en Inkomen"); Press("Tab");
        Key("Team Handhaving"); Press("Tab");
        Key("Eerst uitzoeken waarom hij niet komt"); Press("Tab");
        Key(DateText.Show(today.AddDays(60)));
        Press("C-s");
        var refused = Tmux.WaitFor("ligt na het maximum van 8 weken");
        Press("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace");
        Key(DateText.Show(today.AddDays(5)));
        Press("C-s");
        var question = Tmux.WaitFor("vastleggen voor Gerrit Vermeulen?");
        Press("Left", "Enter");
        var saved = Tmux.WaitFor("Pauze vastgelegd");
        var keys = _pressed;
        Assert.Equal(0, Quit());

        Tmux.Start();
        var home = Tmux.WaitFor("Pauze loopt af op");
        var exit = Quit();

        Assert.Contains($"uiterlijk {DateText.Show(today.AddDays(56))}", Flat(refused), StringComparison.Ordinal);
        Assert.Contains($"tot en met {DateText.Show(today.AddDays(5))}", Flat(question), StringComparison.Ordinal);
        Assert.Contains("Pauze [eindigt binnen een week] Werk en Inkomen: Stopzetten bijstandsuitkering", Flat(saved), StringComparison.Ordinal);
        Assert.Contains($"Pauze loopt af op {DateText.Show(today.AddDays(5))}: Vermeulen, Gerrit · Werk en Inkomen", Flat(home), StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Console.WriteLine($"Pause keys (including one refused end date and its correction): {keys}.");
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>The test's own connections (seeding) let go of the store file before the folder goes.</summary>
    protected override void BeforeDataRemoved() => SqliteConnection.ClearAllPools();

    private void Press(params string[] keys)
    {
        Tmux.Press(keys);
        _pressed += keys.Length;
    }

    private void Key(string text)
    {
        Tmux.Type(text);
        _pressed += text.Length;
    }

    /// <summary>A nurse's store with one client.</summary>
    private void SeedStore()
    {
        using var store = LocalStore.Create(Path.Combine(Data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, DemoData.DemoWorker, Clock);
        store.Clients.Add(new ClientInput("Gerrit", "Vermeulen", "14-07-1944", "3512 CD", "8", "", "", "").Validate(Id<Client>.New(Clock), AmsterdamTime.Today(Clock)).Client!);
    }
}
