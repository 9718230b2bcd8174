using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// A client's deletion on a team laptop takes the dossier, not the money: the client's settled fund request, its
/// repayment and a paid budget request stay, and so do the fund's figures and the team's budget ledger.
/// </summary>
public class ClientDeletionLedgerTests
{
    [Fact]
    public void DeletingAClient_LeavesItsFundAndBudgetRows_TheFiguresStayAsTheyWere_AndNoLedgerDeleteIsQueued()
    {
        using var temp = new TempStore();
        var now = temp.Clock.GetUtcNow();
        var fund = FundSamples.FundOf(TempStore.Identity.WorkerId);
        temp.Store.Reference.Replace(new ReferenceData(5)
        {
            MyTeams = [FundSamples.Team],
            Fund = FundInfo.From(fund, FundBalance.Of(fund, [], [])),
            TeamBudgets = [TeamBudgetInfo.From(BudgetSamples.BudgetOf(year: AmsterdamTime.ToLocal(now).Year))],
        });
        var client = temp.NewClient();
        temp.Store.Clients.Add(client);
        var secretary = FundSamples.NewWorker();
        var request = FundSamples.Request(FundSamples.NewWorker(), now.AddHours(-5)) with
        {
            ClientId = client.Id,
            Status = FundRequestStatus.Settled,
            Decision = new FundStep(now.AddHours(-4), secretary, ""),
            Payout = new FundStep(now.AddHours(-3), secretary, "betaling 2026-077"),
            Evaluation = new FundEvaluation(now.AddHours(-2), secretary, true, true, "Woning behouden"),
            Settlement = new FundSettlement(now.AddHours(-1), secretary, [new FundShare(FundSamples.Housing, new Money(120_000))]),
        };
        var repayment = new FundRepayment(new Id<FundRepayment>(Guid.CreateVersion7()), request.Id, FundSamples.Housing, Money.FromEuros(500),
            AmsterdamTime.Today(temp.Clock), secretary, now.AddMinutes(-30));
        var budget = BudgetSamples.Request(FundSamples.NewWorker(), now.AddHours(-5), client: client.Id) with
        {
            Status = BudgetRequestStatus.Paid, ApprovedAt = now.AddHours(-4), Outcome = new BudgetOutcome(now.AddHours(-3), secretary, "factuur betaald"),
        };
        Pull(temp,
            (FundColumns.RequestTable, request.Id.Value, FundColumns.ToColumns(request)),
            (FundColumns.RepaymentTable, repayment.Id.Value, FundColumns.ToColumns(repayment)),
            (BudgetColumns.RequestTable, budget.Id.Value, BudgetColumns.ToColumns(budget)));
        var before = Figures(temp.Store);
        Assert.Equal(Money.FromEuros(700), Assert.Single(before.Receivables).Outstanding);
        Assert.Equal(Money.FromEuros(350), before.Ledger.Paid);

        Assert.True(temp.Store.Clients.Delete(client.Id));

        Assert.Empty(temp.Store.Clients.Search());
        Assert.Equal(before, Figures(temp.Store));
        Assert.Equal(request.Id, Assert.Single(temp.Store.Fund.ForClient(client.Id)).Id);
        Assert.Equal(budget.Id, Assert.Single(temp.Store.Budget.ForClient(client.Id)).Id);
        Assert.Equal(0, temp.Count($"SELECT count(*) FROM outbox WHERE table_name IN ({string.Join(", ", LedgerRows.Tables.Select(t => $"'{t}'"))})"));
        Assert.Equal(1, temp.Count("SELECT count(*) FROM outbox WHERE table_name = 'clients' AND operation = 'delete'"));
    }

    private sealed record LedgerFigures(IReadOnlyList<Receivable> Receivables, IReadOnlyList<PartnerPosition> Partners, FundReviewPeriod Review, BudgetLedger Ledger)
    {
        public bool Equals(LedgerFigures? other) =>
            other is not null && Receivables.SequenceEqual(other.Receivables) && Partners.SequenceEqual(other.Partners)
            && Review.Requests == other.Review.Requests && Review.PaidOut == other.Review.PaidOut && Review.Repaid == other.Review.Repaid
            && Ledger.Committed == other.Ledger.Committed && Ledger.Paid == other.Ledger.Paid && Ledger.Remaining == other.Ledger.Remaining;

        public override int GetHashCode() => Receivables.Count;
    }

    private static LedgerFigures Figures(LocalStore store) => new(
        store.Fund.OpenReceivables(), store.Fund.Partners(), Assert.Single(store.Fund.Review()),
        store.Budget.Ledger(FundSamples.Team, AmsterdamTime.ToLocal(store.Clock.GetUtcNow()).Year)!);

    private static void Pull(TempStore temp, params (string Table, Guid Id, Dictionary<string, string?> Columns)[] rows)
    {
        var sync = new LocalSync(temp.Store);
        var anchor = sync.Settings().Anchor;
        var changes = rows.Select((r, i) => new RowChange(anchor + i + 1, r.Table, r.Id, 1, false, false, temp.Clock.GetUtcNow(), Guid.CreateVersion7(), r.Columns)).ToList();
        sync.Apply(new PullResponse(changes, anchor + changes.Count, false, 0, 0));
    }
}
