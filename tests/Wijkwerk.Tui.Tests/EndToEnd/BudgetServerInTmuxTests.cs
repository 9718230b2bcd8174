using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.EndToEnd;

/// <summary>
/// Issue 12 end to end with the real <c>wijkwerk-server</c>: a budget request made by keyboard in the real program on
/// the requester's laptop, synced; approved by keyboard in the real program on one colleague's laptop and through the
/// repository on two more, each synced; the requester's laptop shows it approved after its sync. The keys are counted.
/// </summary>
[Collection(nameof(WijkwerkInTmuxTests))]
public sealed class BudgetServerInTmuxTests : InTmuxTest
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly string[] Colleagues = ["Bram", "Dirk", "Eva"];
    private (int Pressed, int Typed) _keys;

    [Fact]
    public async Task ARequestByKeyboard_ApprovedByThreeColleagues_ShowsApprovedOnTheRequestersLaptopAfterSync()
    {
        await using var server = await ServerProcess.Start();
        foreach (var name in Colleagues)
            await server.AddUser(name);
        await server.SetBudget(AmsterdamTime.Today(Clock).Year, 5_000);
        using var bram = new TempFolder();
        using var dirk = new TempFolder();
        using var eva = new TempFolder();
        await Enrol(server, Data.Path, ServerProcess.Nurse);
        await Enrol(server, bram.Path, "Bram");
        await Enrol(server, dirk.Path, "Dirk");
        await Enrol(server, eva.Path, "Eva");
        AddClient(Data.Path);
        Sync(Data.Path);

        // The requester, by keyboard: dossier, request form, every field, save, yes.
        Tmux.Start();
        Tmux.WaitFor("Wijkwerk · Startscherm");
        Press("c");
        Tmux.WaitFor("Wijkwerk · Cliënten");
        Press("Enter");
        Tmux.WaitFor("Wijkwerk · Dossier");
        Press("g");
        Tmux.WaitFor("Budgetverzoek: Gerrit Vermeulen");
        Key("Koelkast voor insuline"); Press("Tab");
        Key("Witgoed Noord"); Press("Tab");
        Key("offerte 42"); Press("Tab");
        Key("350"); Press("Tab");
        Press("Right", "Right", "Right", "Right", "Right", "Right", "Right", "Tab"); // categorie: wonen → huisraad
        Key("Bijzondere bijstand duurt zes weken"); Press("Tab");
        Key("Insuline bederft nu"); Press("Tab");
        Key("Zij kiest de koelkast uit"); Press("Tab");
        Key(" "); Press("Tab");                                                   // inwoner gehoord
        Key("bijstand-doorlooptijd");
        Press("C-s");
        var question = Tmux.WaitFor("indienen?");
        Press("Left", "Enter");
        Tmux.WaitFor("Budgetverzoek ingediend");
        var requestKeys = _keys;
        Assert.Equal(0, Quit());
        Sync(Data.Path);

        // One colleague by keyboard in the real program, from home's count; two more through their stores.
        Sync(bram.Path);
        using (var colleague = new TmuxTerminal(bram.Path))
        {
            _keys = (0, 0);
            colleague.Start();
            var home = colleague.WaitFor("1 verzoek wacht op uw akkoord (toets 8)");
            Press(colleague, "8");
            colleague.WaitFor("Budgetverzoeken die wachten op uw akkoord");
            Press(colleague, "Enter");
            colleague.WaitFor("0 van 3 akkoord");
            Press(colleague, "a");
            colleague.WaitFor("Akkoord geven op");
            Press(colleague, "Left", "Enter");
            colleague.WaitFor("Uw akkoord is vastgelegd");
            colleague.Type("q");
            Assert.Equal(0, colleague.WaitForExit());
            Assert.Contains("1 verzoek wacht op uw akkoord", home, StringComparison.Ordinal);
        }

        var approveKeys = _keys;
        Sync(bram.Path);
        foreach (var folder in new[] { dirk.Path, eva.Path })
        {
            Sync(folder);
            Approve(folder);
            Sync(folder);
        }

        // The requester's laptop learns the server's decision with its sync.
        Sync(Data.Path);
        Tmux.Start();
        Tmux.WaitFor("Wijkwerk · Startscherm");
        Tmux.Type("c");
        Tmux.WaitFor("Wijkwerk · Cliënten");
        Tmux.Press("Enter");
        var timeline = Tmux.WaitFor("Budgetverzoek goedgekeurd door drie collega's");
        Tmux.Press("Enter");
        var detail = Tmux.WaitFor("stand: goedgekeurd");
        var exit = Quit();

        Assert.Contains("€ 350,00", Flat(question), StringComparison.Ordinal);
        Assert.Contains("€ 350,00: Koelkast voor insuline", timeline, StringComparison.Ordinal);
        Assert.Contains("Koelkast voor insuline · € 350,00 · stand: goedgekeurd", detail, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        // The figures for the note: the request's keys to move and choose (the rest is its text), and the approval's.
        Assert.Equal((22, 5), (requestKeys.Pressed, approveKeys.Pressed));
        Console.WriteLine($"Budget request keys: {requestKeys.Pressed} to move and choose, {requestKeys.Typed} typed characters; approval keys: {approveKeys.Pressed}.");
    }

    /// <summary>The test's own connections (seeding, the colleagues' votes) let go of the store files before the folders go.</summary>
    protected override void BeforeDataRemoved() => SqliteConnection.ClearAllPools();

    private static async Task Enrol(ServerProcess server, string folder, string user)
    {
        var stranger = new StoreIdentity(Id<Worker>.New(Clock), "Nog niet aangemeld", Role.Nurse, Guid.NewGuid());
        using (LocalStore.Create(Path.Combine(folder, "wijkwerk.db"), WijkwerkProcess.Passphrase, stranger, Clock))
        {
        }

        var login = WijkwerkProcess.Run(folder, "login", "--server", server.Address.ToString(), "--code", await server.EnrolmentCode(user));
        Assert.True(login.ExitCode == 0, login.Error);
    }

    private static void AddClient(string folder)
    {
        using var store = LocalStore.Open(Path.Combine(folder, "wijkwerk.db"), WijkwerkProcess.Passphrase, Clock);
        store.Clients.Add(new ClientInput("Gerrit", "Vermeulen", "14-07-1944", "3512 CD", "8", "", "", "").Validate(Id<Client>.New(Clock), AmsterdamTime.Today(Clock)).Client!);
    }

    private static void Sync(string folder)
    {
        var sync = WijkwerkProcess.Run(folder, "sync");
        Assert.True(sync.ExitCode == 0, sync.Out + sync.Error);
    }

    /// <summary>A colleague approves the one request in their inbox through their own store, as the screen does.</summary>
    private static void Approve(string folder)
    {
        using var store = LocalStore.Open(Path.Combine(folder, "wijkwerk.db"), WijkwerkProcess.Passphrase, Clock);
        var request = Assert.Single(store.Budget.AwaitingMyVote());
        var verdict = store.Budget.Vote(new BudgetVote(new Id<BudgetVote>(Guid.CreateVersion7()), request.Id, store.Identity.WorkerId, Clock.GetUtcNow(), VoteKind.Approve, ""));
        Assert.Null(verdict.Problem);
    }

    private void Key(string text)
    {
        Tmux.Type(text);
        _keys.Typed += text.Length;
    }

    private void Press(params string[] keys) => Press(Tmux, keys);

    private void Press(TmuxTerminal terminal, params string[] keys)
    {
        terminal.Press(keys);
        _keys.Pressed += keys.Length;
    }

    private static string Flat(string screen) => string.Join(' ', screen.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
