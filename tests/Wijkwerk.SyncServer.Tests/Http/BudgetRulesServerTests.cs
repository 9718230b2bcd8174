using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// Every refusal of the minimaatwerk budget through the real server process: own approval, a second vote by the same
/// colleague, a colleague of another team, an amount over the limit, approval past the remaining budget, a laptop
/// setting "approved" — each with its Dutch reason, nothing stored, and the rest of the batch proceeds.
/// </summary>
public class BudgetRulesServerTests(BudgetServerFixture fixture) : IClassFixture<BudgetServerFixture>
{
    private ServerFixture Server => fixture.Server;

    private static Task<MutationResult> Push(SyncClient device, BudgetRequest request) =>
        device.PushOne(BudgetColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(request));

    private static Task<MutationResult> Push(SyncClient device, BudgetVote vote) =>
        device.PushOne(BudgetColumns.VoteTable, vote.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(vote));

    private static void AssertAccepted(MutationResult result) => Assert.True(result.Status == SyncProtocol.Results.Accepted, result.Reason);

    private static void AssertRefused(MutationResult result, string reasonPart)
    {
        Assert.Equal(SyncProtocol.Results.Refused, result.Status);
        Assert.Contains(reasonPart, result.Reason);
    }

    private async Task<BudgetRequest> Made(SyncClient requester, string team = "Noord", long euros = 350)
    {
        var client = await fixture.NewClient(requester);
        var request = BudgetRows.Request(client, requester.WorkerId, team, euros);
        AssertAccepted(await Push(requester, request));
        return request;
    }

    /// <summary>The request as the team's laptops receive it, and the ids of the votes they receive.</summary>
    private static async Task<(BudgetRequest Request, IReadOnlyList<Guid> Votes)> AsPulledBy(SyncClient device, BudgetRequest request)
    {
        var (changes, _) = await device.PullAll(0);
        var row = Assert.Single(changes, c => c.RowId == request.Id.Value);
        var votes = changes.Where(c => c.Table == BudgetColumns.VoteTable && c.Columns!["request_id"] == request.Id.ToString()).Select(c => c.RowId).ToList();
        return (BudgetColumns.FromColumns(row.RowId, row.Columns!).Value, votes);
    }

    [Fact]
    public async Task ThreeDistinctColleagues_ApproveExactlyAtTheThird_TheTeamReceivesIt_TheConsultantDoesNot()
    {
        var request = await Made(Server.Anna);
        var approvers = new[] { Server.Bram, fixture.Dirk, fixture.Eva };

        for (var i = 0; i < approvers.Length; i++)
        {
            AssertAccepted(await Push(approvers[i], BudgetRows.Approve(request, approvers[i].WorkerId)));
            var (seen, votes) = await AsPulledBy(Server.Anna, request);
            Assert.Equal(i + 1, votes.Count);
            Assert.Equal(i == 2 ? BudgetRequestStatus.Approved : BudgetRequestStatus.Requested, seen.Status);
        }

        var (consultant, _) = await Server.Carla.PullAll(0);
        Assert.DoesNotContain(consultant, c => c.Table is BudgetColumns.RequestTable or BudgetColumns.VoteTable);
    }

    [Fact]
    public async Task TheRequestersOwnApproval_IsRefused_AndNotStored()
    {
        var request = await Made(Server.Anna);

        AssertRefused(await Push(Server.Anna, BudgetRows.Approve(request, Server.Anna.WorkerId)), "u deed dit verzoek zelf en stemt er niet over");

        Assert.Empty((await AsPulledBy(Server.Bram, request)).Votes);
    }

    [Fact]
    public async Task ASecondVoteByTheSameColleague_IsRefused_AndNotStored()
    {
        var request = await Made(Server.Anna);
        AssertAccepted(await Push(Server.Bram, BudgetRows.Approve(request, Server.Bram.WorkerId)));

        AssertRefused(await Push(Server.Bram, BudgetRows.Approve(request, Server.Bram.WorkerId)), "elke collega stemt één keer");
        AssertRefused(await Push(Server.Bram, BudgetRows.Alternative(request, Server.Bram.WorkerId, "Fonds")), "elke collega stemt één keer");

        Assert.Single((await AsPulledBy(Server.Anna, request)).Votes);
    }

    [Fact]
    public async Task AColleagueOfAnotherTeam_IsRefused_AlsoWhenTheirTeamHoldsTheClient()
    {
        var request = await Made(Server.Anna);

        AssertRefused(await Push(Server.Zora, BudgetRows.Approve(request, Server.Zora.WorkerId)), "niet op de caseload van uw team");
        await Server.Admin("admin", "client", "assign", request.ClientId.ToString(), "--team", "Zuid");
        AssertRefused(await Push(Server.Zora, BudgetRows.Approve(request, Server.Zora.WorkerId)), "alleen collega's van team Noord stemmen over dit verzoek");

        Assert.Empty((await AsPulledBy(Server.Anna, request)).Votes);
    }

    [Fact]
    public async Task AnAmountOverTheLimit_IsRefused_AndNotStored()
    {
        var client = await fixture.NewClient(Server.Anna);
        var request = BudgetRows.Request(client, Server.Anna.WorkerId, "Noord", 501);

        AssertRefused(await Push(Server.Anna, request), "€ 501,00 is meer dan de grens van € 500,00 per verzoek");

        var (changes, _) = await Server.Bram.PullAll(0);
        Assert.DoesNotContain(changes, c => c.RowId == request.Id.Value);
    }

    [Fact]
    public async Task ARequestForATeamThatIsNotTheRequesters_IsRefused()
    {
        var client = await fixture.NewClient(Server.Anna);

        AssertRefused(await Push(Server.Anna, BudgetRows.Request(client, Server.Anna.WorkerId, "Krap")), "team Krap is niet uw team");
    }

    [Fact]
    public async Task ApprovalPastTheRemainingBudget_IsRefused_TheRequestWaits_AndIsApprovedOnceTheBudgetCoversIt()
    {
        var request = await Made(fixture.Kees, "Krap", 400);
        var (kim, koen, kai) = (fixture.KrapApprovers[0], fixture.KrapApprovers[1], fixture.KrapApprovers[2]);
        AssertAccepted(await Push(kim, BudgetRows.Approve(request, kim.WorkerId)));
        AssertAccepted(await Push(koen, BudgetRows.Approve(request, koen.WorkerId)));

        AssertRefused(await Push(kai, BudgetRows.Approve(request, kai.WorkerId)), "het resterende budget van team Krap (€ 300,00) dekt dit verzoek van € 400,00 niet; uw akkoord is niet opgeslagen en het verzoek wacht");
        var (waiting, votes) = await AsPulledBy(fixture.Kees, request);
        Assert.Equal((BudgetRequestStatus.Requested, 2), (waiting.Status, votes.Count));

        await Server.Admin("admin", "budget", "set", "--team", "Krap", "--year", BudgetRows.Year.ToString(), "--amount", "1000");
        AssertAccepted(await Push(kai, BudgetRows.Approve(request, kai.WorkerId)));
        Assert.Equal(BudgetRequestStatus.Approved, (await AsPulledBy(fixture.Kees, request)).Request.Status);
    }

    [Fact]
    public async Task ALaptopSettingApproved_IsRefused_ALeaderRecordsThePaymentOfAnApprovedRequest()
    {
        var request = await Made(Server.Anna);
        var approved = BudgetColumns.ToColumns(request with { Status = BudgetRequestStatus.Approved, ApprovedAt = DateTimeOffset.UtcNow });
        AssertRefused(await fixture.Lotte.PushOne(BudgetColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Update, 1, approved), "alleen de server keurt een verzoek goed");
        var madeApproved = BudgetRows.Request(request.ClientId.Value, Server.Anna.WorkerId, "Noord") with { Status = BudgetRequestStatus.Approved };
        AssertRefused(await Push(Server.Anna, madeApproved), "alleen de server keurt een verzoek goed");

        foreach (var voter in new[] { Server.Bram, fixture.Dirk, fixture.Eva })
            AssertAccepted(await Push(voter, BudgetRows.Approve(request, voter.WorkerId)));
        var (current, _) = await AsPulledBy(Server.Anna, request);
        var paid = current with { Status = BudgetRequestStatus.Paid, Outcome = new BudgetOutcome(DateTimeOffset.UtcNow, new(fixture.Lotte.WorkerId), "betaald aan Witgoed Noord, kenmerk 17") };
        var byNurse = current with { Status = BudgetRequestStatus.Paid, Outcome = new BudgetOutcome(DateTimeOffset.UtcNow, new(Server.Bram.WorkerId), "kenmerk 17") };

        AssertRefused(await Server.Bram.PushOne(BudgetColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Update, 2, BudgetColumns.ToColumns(byNurse)), "alleen een teamleider van team Noord legt een betaling");
        AssertAccepted(await fixture.Lotte.PushOne(BudgetColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Update, 2, BudgetColumns.ToColumns(paid)));
        Assert.Equal(BudgetRequestStatus.Paid, (await AsPulledBy(Server.Anna, request)).Request.Status);
    }

    [Fact]
    public async Task AnAlternative_ClosesTheRequest_LaterVotesAreRefused()
    {
        var request = await Made(Server.Anna);

        AssertAccepted(await Push(Server.Bram, BudgetRows.Alternative(request, Server.Bram.WorkerId, "Fonds Noodhulp betaalt")));
        AssertRefused(await Push(fixture.Dirk, BudgetRows.Approve(request, fixture.Dirk.WorkerId)), "het verzoek is al alternatief gevonden");

        var (closed, _) = await AsPulledBy(Server.Anna, request);
        Assert.Equal((BudgetRequestStatus.AlternativeFound, "Fonds Noodhulp betaalt"), (closed.Status, closed.Outcome!.Note));
    }

    [Fact]
    public async Task RefusedVotesInABatch_TheRestOfTheBatchIsStored()
    {
        var request = await Made(Server.Anna);
        var own = BudgetRows.Approve(request, Server.Anna.WorkerId);
        var other = await Made(Server.Bram);
        var good = BudgetRows.Approve(other, Server.Anna.WorkerId);

        var response = await Server.Anna.Push(
            new Mutation(Server.Anna.NextMutationId(), BudgetColumns.VoteTable, own.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(own)),
            new Mutation(Server.Anna.NextMutationId(), BudgetColumns.VoteTable, good.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(good)));

        Assert.Equal([SyncProtocol.Results.Refused, SyncProtocol.Results.Accepted], response.Results.Select(r => r.Status));
        var (changes, _) = await Server.Bram.PullAll(0);
        Assert.Contains(changes, c => c.RowId == good.Id.Value);
        Assert.DoesNotContain(changes, c => c.RowId == own.Id.Value);
    }

    [Fact]
    public async Task AVoteIsNeverChangedOrDeleted()
    {
        var request = await Made(Server.Anna);
        var vote = BudgetRows.Approve(request, Server.Bram.WorkerId);
        AssertAccepted(await Push(Server.Bram, vote));

        AssertAccepted(await Push(Server.Bram, vote));
        var changed = BudgetColumns.ToColumns(vote with { Kind = VoteKind.Alternative, Alternative = "toch een fonds" });
        AssertRefused(await Server.Bram.PushOne(BudgetColumns.VoteTable, vote.Id.Value, SyncProtocol.Operations.Update, 1, changed), "een stem wordt niet gewijzigd");
        AssertRefused(await Server.Bram.PushOne(BudgetColumns.VoteTable, vote.Id.Value, SyncProtocol.Operations.Delete, 1, []), "een stem wordt niet gewijzigd");
    }
}
