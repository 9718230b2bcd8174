using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage;
using Wijkwerk.Demo;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// The real program in a real terminal as a colleague of the demo team: a colleague's budget request (arrived as a
/// pull) approved by keyboard after the confirm, then read back after a restart. The keys are counted.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class BudgetInTmuxTests : InTmuxTest
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private int _pressed;

    public BudgetInTmuxTests() => SeedStore();

    [Fact]
    public void AnApproval_ByKeyboard_IsReadBackAfterARestart()
    {
        Tmux.Start();
        var home = Tmux.WaitFor("3 verzoeken wachten op uw akkoord (toets 8)");
        Press("8");
        Tmux.WaitFor("Budgetverzoeken die wachten op uw akkoord");
        Press("Enter");
        var detail = Tmux.WaitFor("2 van 3 akkoord");
        Press("a");
        var question = Tmux.WaitFor("Akkoord geven op");
        Press("Left", "Enter");
        var recorded = Tmux.WaitFor("Uw akkoord is vastgelegd");
        var keys = _pressed;
        Assert.Equal(0, Quit());

        Tmux.Start();
        var after = Tmux.WaitFor("2 verzoeken wachten op uw akkoord (toets 8)");
        var exit = Quit();

        Assert.Contains("Nieuwe ID-kaart en bromfietsrijbewijs", detail, StringComparison.Ordinal);
        Assert.Contains("€ 160,00", Flat(question), StringComparison.Ordinal);
        Assert.Contains("U hebt al gestemd", Flat(recorded), StringComparison.Ordinal);
        Assert.DoesNotContain("3 verzoeken", after, StringComparison.Ordinal);
        Assert.Contains("3 verzoeken", home, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        // The figure for the note: five keys from home to a recorded approval.
        Assert.Equal(5, keys);
        Console.WriteLine($"Budget approval keys: {keys}.");
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>The test's own connections (seeding) let go of the store file before the folder goes.</summary>
    protected override void BeforeDataRemoved() => SqliteConnection.ClearAllPools();

    private void Press(params string[] keys)
    {
        Tmux.Press(keys);
        _pressed += keys.Length;
    }

    /// <summary>A nurse's store: one client and the demo team's budget requests as a pull would bring them.</summary>
    private void SeedStore()
    {
        using var store = LocalStore.Create(Path.Combine(Data.Path, "wijkwerk.db"), WijkwerkProcess.Passphrase, DemoData.DemoWorker, Clock);
        store.Clients.Add(new ClientInput("Gerrit", "Vermeulen", "14-07-1944", "3512 CD", "8", "", "", "").Validate(Id<Client>.New(Clock), AmsterdamTime.Today(Clock)).Client!);
        DemoBudget.Fill(store);
    }
}
