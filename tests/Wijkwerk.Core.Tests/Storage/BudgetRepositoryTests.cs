using System.Text;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>The laptop keeps budget requests and votes under the same rules as the server, sealed, queued and logged; it never approves.</summary>
public class BudgetRepositoryTests
{
    private static readonly StoreIdentity Nurse = TempStore.Identity;
    private static readonly StoreIdentity Leader = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-0000000000c1")), "Test Teamleider", Role.TeamLeader, Guid.Parse("0193a000-0000-7000-8000-0000000000d1"));

    private static TempStore StoreOf(StoreIdentity identity, long budgetEuros = 10_000)
    {
        var temp = new TempStore(identity);
        temp.Store.Reference.Replace(new ReferenceData(3)
        {
            MyTeams = [BudgetSamples.Team],
            TeamBudgets = [TeamBudgetInfo.From(BudgetSamples.BudgetOf(budgetEuros, year: AmsterdamTime.ToLocal(temp.Clock.GetUtcNow()).Year))],
        });
        return temp;
    }

    /// <summary>A colleague's request as it arrives with a pull.</summary>
    private static BudgetRequest Receive(TempStore temp, BudgetRequest request, params BudgetVote[] votes)
    {
        var sync = new LocalSync(temp.Store);
        var anchor = sync.Settings().Anchor;
        var changes = new[] { (BudgetColumns.RequestTable, request.Id.Value, BudgetColumns.ToColumns(request)) }
            .Concat(votes.Select(v => (BudgetColumns.VoteTable, v.Id.Value, BudgetColumns.ToColumns(v))))
            .Select((c, i) => new RowChange(anchor + i + 1, c.Item1, c.Item2, 1, false, false, request.RequestedAt, request.RequestedBy.Value, c.Item3)).ToList();
        sync.Apply(new PullResponse(changes, anchor + changes.Count, false, 0, 0));
        return request;
    }

    [Fact]
    public void Request_StoresSealedWithOutboxAndAudit_AndReadsBackAfterReopen()
    {
        using var temp = StoreOf(Nurse);
        var request = BudgetSamples.Request(Nurse.WorkerId, temp.Clock.GetUtcNow());
        var (outbox, audit) = (temp.OutboxRows(), temp.AuditEvents());

        temp.Store.Budget.Request(request);

        Assert.Equal(outbox + 1, temp.OutboxRows());
        Assert.Equal(audit + 1, temp.AuditEvents());
        temp.Reopen();
        Assert.True(Assert.Single(temp.Store.Budget.ForClient(request.ClientId)).SameRequestAs(request));
        temp.Close();
        var bytes = File.ReadAllBytes(temp.PathToStore).Concat(File.Exists(temp.PathToStore + "-wal") ? File.ReadAllBytes(temp.PathToStore + "-wal") : []).ToArray();
        Assert.DoesNotContain("Koelkast voor insuline", Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("Witgoed Noord", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Request_OverTheLimit_WritesNothingAndSaysWhy()
    {
        using var temp = StoreOf(Nurse);
        var outbox = temp.OutboxRows();

        var e = Assert.Throws<DomainException>(() => temp.Store.Budget.Request(BudgetSamples.Request(Nurse.WorkerId, temp.Clock.GetUtcNow(), 600)));

        Assert.Equal(TextId.BudgetOverLimit, e.Problem.Text);
        Assert.Equal(outbox, temp.OutboxRows());
    }

    [Fact]
    public void Vote_ThirdApprovalOnTheLaptop_IsStoredAsAVote_TheRequestStaysRequested_AndLeavesTheInbox()
    {
        using var temp = StoreOf(Nurse);
        var now = temp.Clock.GetUtcNow();
        var requester = BudgetSamples.NewWorker();
        var request = BudgetSamples.Request(requester, now.AddHours(-2));
        Receive(temp, request, BudgetSamples.Approve(request.Id, BudgetSamples.NewWorker(), now.AddHours(-1)), BudgetSamples.Approve(request.Id, BudgetSamples.NewWorker(), now.AddHours(-1)));
        Assert.Single(temp.Store.Budget.AwaitingMyVote());
        var outbox = temp.OutboxRows();

        var verdict = temp.Store.Budget.Vote(BudgetSamples.Approve(request.Id, Nurse.WorkerId, now));

        Assert.Equal(BudgetRequestStatus.Approved, verdict.Changed?.Status);
        Assert.Equal(BudgetRequestStatus.Requested, temp.Store.Budget.Get(request.Id)!.Status);
        Assert.Equal(3, temp.Store.Budget.Votes(request.Id).Count);
        Assert.Equal(outbox + 1, temp.OutboxRows());
        Assert.Empty(temp.Store.Budget.AwaitingMyVote());
        Assert.Equal(TextId.BudgetSecondVote, Assert.Throws<DomainException>(() => temp.Store.Budget.Vote(BudgetSamples.Approve(request.Id, Nurse.WorkerId, now))).Problem.Text);
    }

    [Fact]
    public void Vote_OnOwnRequest_IsRefused_AndItNeverWaitsForMyVote()
    {
        using var temp = StoreOf(Nurse);
        var request = BudgetSamples.Request(Nurse.WorkerId, temp.Clock.GetUtcNow());
        temp.Store.Budget.Request(request);

        Assert.Empty(temp.Store.Budget.AwaitingMyVote());
        Assert.Equal(TextId.BudgetOwnVote, Assert.Throws<DomainException>(() => temp.Store.Budget.Vote(BudgetSamples.Approve(request.Id, Nurse.WorkerId, temp.Clock.GetUtcNow()))).Problem.Text);
    }

    [Fact]
    public void WithdrawByTheRequester_PaymentByTheLeaderOfAnApprovedRequest_LedgerFollows()
    {
        using var nurse = StoreOf(Nurse);
        var request = BudgetSamples.Request(Nurse.WorkerId, nurse.Clock.GetUtcNow(), 100);
        nurse.Store.Budget.Request(request);
        nurse.Store.Budget.Withdraw(request.Id, "opgelost via de woningcorporatie");
        Assert.Equal(BudgetRequestStatus.Withdrawn, nurse.Store.Budget.Get(request.Id)!.Status);

        using var leader = StoreOf(Leader, 1_000);
        var approved = Receive(leader, BudgetSamples.Request(Nurse.WorkerId, leader.Clock.GetUtcNow().AddHours(-1), 400) with
        {
            Status = BudgetRequestStatus.Approved, ApprovedAt = leader.Clock.GetUtcNow().AddMinutes(-30),
        });
        var year = AmsterdamTime.ToLocal(leader.Clock.GetUtcNow()).Year;
        Assert.Equal((Money.FromEuros(400), Money.Zero, Money.FromEuros(600)), Ledger(leader, year));

        leader.Store.Budget.RecordPayment(approved.Id, "betaald aan Witgoed Noord, kenmerk 17");

        Assert.Equal(BudgetRequestStatus.Paid, leader.Store.Budget.Get(approved.Id)!.Status);
        Assert.Equal((Money.Zero, Money.FromEuros(400), Money.FromEuros(600)), Ledger(leader, year));
        Assert.Equal(TextId.BudgetStepNotAllowed, Assert.Throws<DomainException>(() => leader.Store.Budget.Refuse(approved.Id, "te laat")).Problem.Text);
    }

    private static (Money Committed, Money Paid, Money Remaining) Ledger(TempStore temp, int year)
    {
        var ledger = temp.Store.Budget.Ledger(BudgetSamples.Team, year)!;
        return (ledger.Committed, ledger.Paid, ledger.Remaining);
    }
}
