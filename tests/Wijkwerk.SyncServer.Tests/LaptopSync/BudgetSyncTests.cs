using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 12 end to end, through the real server process, its real admin commands and real laptop stores: a request
/// made offline, three colleagues approving offline on their own laptops and syncing in a random (seeded) order, the
/// server approving exactly when the third distinct approval arrives; and two requests racing for the last of the
/// budget, of which exactly one is approved.
/// </summary>
public class BudgetSyncTests
{
    private static readonly string[] Colleagues = ["Bram Zorg", "Dirk Zorg", "Eva Zorg", "Fleur Zorg"];

    private static async Task<(SyncWorld World, Laptop Requester, Laptop[] Others)> Team(long budgetEuros)
    {
        var world = new SyncWorld();
        world.Team("Noord");
        world.User("Anna Zorg", "Noord");
        foreach (var name in Colleagues)
            world.User(name, "Noord");
        Assert.Contains("€ 500,00 per verzoek", world.Admin("budget", "set", "--team", "Noord", "--year", BudgetRows.Year.ToString(), "--amount", budgetEuros.ToString()));
        var requester = await world.Laptop("Anna Zorg");
        var others = new Laptop[Colleagues.Length];
        for (var i = 0; i < Colleagues.Length; i++)
            others[i] = await world.Laptop(Colleagues[i]);
        return (world, requester, others);
    }

    private static BudgetRequest Make(Laptop requester, long euros = 350)
    {
        var client = requester.NewClient("Gerrit", "Bakker");
        var request = BudgetRows.Request(client.Id.Value, requester.Store.Identity.WorkerId.Value, "Noord", euros);
        requester.Store.Budget.Request(request);
        return request;
    }

    private static BudgetRequest? AsHeldBy(Laptop laptop, BudgetRequest request) =>
        laptop.Store.Budget.ForClient(request.ClientId).SingleOrDefault(r => r.Id == request.Id);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RequestMadeOffline_ThreeColleaguesApproveOfflineAndSyncInRandomOrder_ApprovedExactlyAtTheThird(int seed)
    {
        var (world, requester, others) = await Team(10_000);
        using var _ = world;
        await requester.Sync();
        Assert.Equal(BudgetRows.Year, Assert.Single(requester.Store.Reference.Current()!.TeamBudgetList()).Year);

        // Offline: the request waits on the laptop until it syncs.
        var request = Make(requester);
        Assert.Equal(BudgetRequestStatus.Requested, AsHeldBy(requester, request)!.Status);
        Assert.Equal(0, (await requester.Sync()).Refused);

        var approvers = others[..3];
        foreach (var colleague in approvers)
        {
            await colleague.Sync();
            Assert.Single(colleague.Store.Budget.AwaitingMyVote(), r => r.Id == request.Id);
        }

        // Offline again: each approves on their own laptop; none of them approves the request by itself.
        foreach (var colleague in approvers)
        {
            var verdict = colleague.Store.Budget.Vote(BudgetRows.Approve(request, colleague.Store.Identity.WorkerId.Value));
            Assert.Null(verdict.Problem);
            Assert.Equal(BudgetRequestStatus.Requested, AsHeldBy(colleague, request)!.Status);
            Assert.Empty(colleague.Store.Budget.AwaitingMyVote());
        }

        var order = approvers.ToArray();
        new Random(seed).Shuffle(order);
        for (var i = 0; i < order.Length; i++)
        {
            var report = await order[i].Sync();
            Assert.Equal((0, 0), (report.Refused, report.Conflicts));
            await requester.Sync();
            Assert.Equal(i == 2 ? BudgetRequestStatus.Approved : BudgetRequestStatus.Requested, AsHeldBy(requester, request)!.Status);
            Assert.Equal(i + 1, requester.Store.Budget.Votes(request.Id).Count);
        }

        // The server's decision reaches every laptop of the team, and the ledger counts it as committed.
        foreach (var laptop in others)
        {
            Assert.True((await laptop.Sync()).Converged);
            Assert.Equal(BudgetRequestStatus.Approved, AsHeldBy(laptop, request)!.Status);
        }

        var ledger = requester.Store.Budget.Ledger("Noord", BudgetRows.Year)!;
        Assert.Equal((Money.FromEuros(350), Money.FromEuros(9_650)), (ledger.Committed, ledger.Remaining));
        requester.Reopen();
        Assert.Equal(BudgetRequestStatus.Approved, AsHeldBy(requester, request)!.Status);
    }

    [Fact]
    public async Task TwoRequestsRacingForTheLastOfTheBudget_ExactlyOneIsApproved()
    {
        var (world, requester, others) = await Team(600);
        using var _ = world;
        await requester.Sync();
        var first = Make(requester, 400);
        var second = Make(requester, 400);
        await requester.Sync();
        foreach (var colleague in others)
            await colleague.Sync();

        // Two colleagues approve both; the third approvals come from two different laptops at the same moment.
        foreach (var colleague in others[..2])
        {
            colleague.Store.Budget.Vote(BudgetRows.Approve(first, colleague.Store.Identity.WorkerId.Value));
            colleague.Store.Budget.Vote(BudgetRows.Approve(second, colleague.Store.Identity.WorkerId.Value));
            await colleague.Sync();
        }

        others[2].Store.Budget.Vote(BudgetRows.Approve(first, others[2].Store.Identity.WorkerId.Value));
        others[3].Store.Budget.Vote(BudgetRows.Approve(second, others[3].Store.Identity.WorkerId.Value));
        var reports = await Task.WhenAll(others[2].Sync(), others[3].Sync());

        Assert.Equal(1, reports.Sum(r => r.Refused));
        var loser = reports[0].Refused == 1 ? others[2] : others[3];
        Assert.Contains("het resterende budget van team Noord (€ 200,00) dekt dit verzoek van € 400,00 niet", Assert.Single(new LocalSync(loser.Store).Refusals()).Reason);
        await requester.Sync();
        var statuses = new[] { AsHeldBy(requester, first)!.Status, AsHeldBy(requester, second)!.Status };
        Assert.Equal(1, statuses.Count(s => s == BudgetRequestStatus.Approved));
        Assert.Equal(1, statuses.Count(s => s == BudgetRequestStatus.Requested));
        var ledger = requester.Store.Budget.Ledger("Noord", BudgetRows.Year)!;
        Assert.Equal((Money.FromEuros(400), Money.FromEuros(200)), (ledger.Committed, ledger.Remaining));
    }
}
