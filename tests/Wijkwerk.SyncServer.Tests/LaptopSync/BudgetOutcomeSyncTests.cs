using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 12, part 2, through the real server process and real laptop stores: a team leader's payment reaching the team
/// and its ledger (and a second payment refused with a Dutch reason, nothing stored); votes the server refused (the
/// budget ran out, the request closed by an alternative meanwhile) shown on the laptop with the server's reason and
/// counted nowhere, the request as the server holds it; the ledger and a payment after the client's deletion.
/// </summary>
public class BudgetOutcomeSyncTests
{
    private static readonly string[] Nurses = ["Bram Zorg", "Dirk Zorg", "Eva Zorg"];

    private sealed record Noord(SyncWorld World, Laptop Requester, Laptop[] Colleagues, Laptop[] Leaders) : IDisposable
    {
        public void Dispose() => World.Dispose();
    }

    private static async Task<Noord> Team(long budgetEuros)
    {
        var world = new SyncWorld();
        world.Team("Noord");
        world.User("Anna Zorg", "Noord");
        foreach (var name in Nurses)
            world.User(name, "Noord");
        world.User("Lotte Leider", "Noord", "teamleader");
        world.User("Lars Leider", "Noord", "teamleader");
        world.Admin("budget", "set", "--team", "Noord", "--year", BudgetRows.Year.ToString(), "--amount", budgetEuros.ToString());
        var requester = await world.Laptop("Anna Zorg");
        var colleagues = new Laptop[Nurses.Length];
        for (var i = 0; i < Nurses.Length; i++)
            colleagues[i] = await world.Laptop(Nurses[i]);
        var leaders = new[] { await world.Laptop("Lotte Leider"), await world.Laptop("Lars Leider") };
        return new Noord(world, requester, colleagues, leaders);
    }

    private static async Task<BudgetRequest> Requested(Noord team, long euros = 350)
    {
        await team.Requester.Sync();
        var client = team.Requester.NewClient("Gerrit", "Bakker");
        var request = BudgetRows.Request(client.Id.Value, team.Requester.Store.Identity.WorkerId.Value, "Noord", euros);
        team.Requester.Store.Budget.Request(request);
        await team.Requester.Sync();
        foreach (var laptop in team.Colleagues.Concat(team.Leaders))
            await laptop.Sync();
        return request;
    }

    private static async Task Approve(Laptop colleague, BudgetRequest request)
    {
        colleague.Store.Budget.Vote(BudgetRows.Approve(request, colleague.Store.Identity.WorkerId.Value));
        Assert.Equal(0, (await colleague.Sync()).Refused);
    }

    private static BudgetRequest Held(Laptop laptop, BudgetRequest request) =>
        laptop.Store.Budget.ForClient(request.ClientId).Single(r => r.Id == request.Id);

    [Fact]
    public async Task Payment_RecordedOnTheLeadersLaptop_ReachesTheTeam_TheLedgerMovesItFromCommittedToPaid_ASecondPaymentIsRefused()
    {
        using var team = await Team(10_000);
        var request = await Requested(team);
        foreach (var colleague in team.Colleagues)
            await Approve(colleague, request);
        var (lotte, lars) = (team.Leaders[0], team.Leaders[1]);
        await lotte.Sync();
        await lars.Sync();
        Assert.Equal(BudgetRequestStatus.Approved, Held(lotte, request).Status);

        // A nurse may not: the laptop refuses with the rule's Dutch reason and stores nothing.
        var nurse = team.Colleagues[0];
        await nurse.Sync();
        var refused = Assert.Throws<DomainException>(() => nurse.Store.Budget.RecordPayment(request.Id, "kenmerk 1"));
        Assert.Contains("alleen een teamleider van team Noord legt een betaling", refused.Problem.Describe(Core.Localization.Lang.Nl));
        Assert.Equal(BudgetRequestStatus.Approved, Held(nurse, request).Status);

        // Both leaders record it offline; the second to reach the server is refused, and nothing of it is stored.
        lotte.Store.Budget.RecordPayment(request.Id, "BNG 2026-118");
        lars.Store.Budget.RecordPayment(request.Id, "BNG 2026-119");
        var first = await lotte.Sync();
        Assert.Equal((0, 0), (first.Refused, first.Conflicts));
        var second = await lars.Sync();
        Assert.Equal(1, second.Refused);
        Assert.Contains("het verzoek is al betaald (vastgelegd op", Assert.Single(new LocalSync(lars.Store).Refusals()).Reason);

        await team.Requester.Sync();
        var paid = Held(team.Requester, request);
        Assert.Equal((BudgetRequestStatus.Paid, "BNG 2026-118", lotte.Store.Identity.WorkerId), (paid.Status, paid.Outcome!.Note, paid.Outcome.By));
        var ledger = team.Requester.Store.Budget.Ledger("Noord", BudgetRows.Year)!;
        Assert.Equal((Money.Zero, Money.FromEuros(350), Money.FromEuros(9_650)), (ledger.Committed, ledger.Paid, ledger.Remaining));
    }

    /// <summary>Money survives the client: an approved request stays in the ledger after the client's deletion, and its payment still lands.</summary>
    [Fact]
    public async Task ClientDeletedAfterTheApproval_TheLedgerKeepsTheCommittedMoney_AndTheLeadersPaymentStillLands()
    {
        using var team = await Team(10_000);
        var request = await Requested(team);
        foreach (var colleague in team.Colleagues)
            await Approve(colleague, request);
        var lotte = team.Leaders[0];
        await team.Requester.Sync();
        var approved = (Money.FromEuros(350), Money.Zero, Money.FromEuros(9_650));

        Assert.True(team.Requester.Store.Clients.Delete(request.ClientId));
        var deleted = await team.Requester.Sync();
        Assert.Equal((0, 0), (deleted.Refused, deleted.Conflicts));
        await lotte.Sync();

        Assert.Empty(lotte.Clients());
        foreach (var laptop in new[] { team.Requester, lotte })
        {
            var ledger = laptop.Store.Budget.Ledger("Noord", BudgetRows.Year)!;
            Assert.Equal(approved, (ledger.Committed, ledger.Paid, ledger.Remaining));
        }

        lotte.Store.Budget.RecordPayment(request.Id, "BNG 2026-120");
        var paid = await lotte.Sync();
        Assert.Equal((0, 0, true), (paid.Refused, paid.Conflicts, paid.Converged));
        await team.Requester.Sync();
        var after = team.Requester.Store.Budget.Ledger("Noord", BudgetRows.Year)!;
        Assert.Equal((Money.Zero, Money.FromEuros(350), Money.FromEuros(9_650)), (after.Committed, after.Paid, after.Remaining));
        Assert.Equal(BudgetRequestStatus.Paid, Held(team.Requester, request).Status);
    }

    [Fact]
    public async Task VoteRefusedByTheServer_RaceForTheLastOfTheBudget_TheLoserSeesTheReason_AndTheServersState()
    {
        using var team = await Team(600);
        var first = await Requested(team, 400);
        var second = await Requested(team, 400);
        var (bram, dirk, eva) = (team.Colleagues[0], team.Colleagues[1], team.Colleagues[2]);
        foreach (var colleague in new[] { bram, dirk })
        {
            colleague.Store.Budget.Vote(BudgetRows.Approve(first, colleague.Store.Identity.WorkerId.Value));
            colleague.Store.Budget.Vote(BudgetRows.Approve(second, colleague.Store.Identity.WorkerId.Value));
            await colleague.Sync();
        }

        // Eva's third approvals for both: her laptop, judging with its own ledger, sees budget for each; the server
        // approves the first and refuses the second.
        await eva.Sync();
        eva.Store.Budget.Vote(BudgetRows.Approve(first, eva.Store.Identity.WorkerId.Value));
        eva.Store.Budget.Vote(BudgetRows.Approve(second, eva.Store.Identity.WorkerId.Value));
        Assert.Equal(0, eva.Store.Budget.CountAwaitingMyVote());
        var report = await eva.Sync();

        Assert.Equal(1, report.Refused);
        var (approved, waiting) = Held(eva, first).Status == BudgetRequestStatus.Approved ? (first, second) : (second, first);
        Assert.Equal((BudgetRequestStatus.Approved, BudgetRequestStatus.Requested), (Held(eva, approved).Status, Held(eva, waiting).Status));
        Assert.DoesNotContain(eva.Store.Budget.Votes(waiting.Id), v => v.Voter == eva.Store.Identity.WorkerId);
        Assert.Equal(2, eva.Store.Budget.Votes(waiting.Id).Count);
        var notCounted = Assert.Single(eva.Store.Budget.RefusedVotes(waiting.Id));
        Assert.Contains("het resterende budget van team Noord (€ 200,00) dekt dit verzoek van € 400,00 niet", notCounted.Reason);
        Assert.Empty(eva.Store.Budget.RefusedVotes(approved.Id));
        // The request waits for a vote again: the inbox and home's count offer it, and a new vote is judged anew.
        Assert.Equal([waiting.Id], eva.Store.Budget.AwaitingMyVote().Select(r => r.Id));
        Assert.Equal(1, eva.Store.Budget.CountAwaitingMyVote());
        Assert.Throws<DomainException>(() => eva.Store.Budget.Vote(BudgetRows.Approve(waiting, eva.Store.Identity.WorkerId.Value)));
        Assert.True((await eva.Sync()).Converged);
        eva.Reopen();
        Assert.Single(eva.Store.Budget.RefusedVotes(waiting.Id));
    }

    [Fact]
    public async Task VoteRefusedBecauseAnAlternativeClosedTheRequest_TheLaptopShowsTheAlternativeAndTheReason()
    {
        using var team = await Team(10_000);
        var request = await Requested(team);
        var (bram, dirk) = (team.Colleagues[0], team.Colleagues[1]);
        await dirk.Sync();

        bram.Store.Budget.Vote(BudgetRows.Alternative(request, bram.Store.Identity.WorkerId.Value, "Fonds Noodhulp betaalt de koelkast"));
        Assert.Equal(0, (await bram.Sync()).Refused);
        dirk.Store.Budget.Vote(BudgetRows.Approve(request, dirk.Store.Identity.WorkerId.Value));
        Assert.Equal(1, (await dirk.Sync()).Refused);

        var closed = Held(dirk, request);
        Assert.Equal((BudgetRequestStatus.AlternativeFound, "Fonds Noodhulp betaalt de koelkast", bram.Store.Identity.WorkerId), (closed.Status, closed.Outcome!.Note, closed.Outcome.By));
        Assert.Contains("het verzoek is al alternatief gevonden", Assert.Single(dirk.Store.Budget.RefusedVotes(request.Id)).Reason);
        Assert.Equal([VoteKind.Alternative], dirk.Store.Budget.Votes(request.Id).Select(v => v.Kind));
        Assert.Equal(0, dirk.Store.Budget.CountAwaitingMyVote());
        await team.Requester.Sync();
        Assert.Equal(BudgetRequestStatus.AlternativeFound, Held(team.Requester, request).Status);
        var ledger = team.Requester.Store.Budget.Ledger("Noord", BudgetRows.Year)!;
        Assert.Equal((Money.Zero, Money.Zero), (ledger.Committed, ledger.Paid));
    }
}
