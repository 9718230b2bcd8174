using System.Text;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Exchange;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// The laptop keeps fund requests under the same rules as the server, sealed, queued and logged; the secretariat's
/// laptop takes the steps with the fund's clock and balance, and exports the requests and the half-year review in
/// Dutch words.
/// </summary>
public class FundRepositoryTests
{
    private static readonly StoreIdentity Nurse = TempStore.Identity;
    private static readonly StoreIdentity Secretary = new(new Id<Worker>(Guid.Parse("0193a000-0000-7000-8000-0000000000f1")), "Test Fondssecretaris", Role.FundSecretary, Guid.Parse("0193a000-0000-7000-8000-0000000000f2"));

    private static TempStore StoreOf(StoreIdentity identity, params Id<Worker>[] members)
    {
        var temp = new TempStore(identity);
        var fund = FundSamples.FundOf(members);
        temp.Store.Reference.Replace(new ReferenceData(5)
        {
            MyTeams = [identity.Role == Role.FundSecretary ? "Fonds" : FundSamples.Team],
            Fund = FundInfo.From(fund, FundBalance.Of(fund, [], [])),
        });
        return temp;
    }

    /// <summary>A nurse's request as it arrives on the secretariat's laptop with a pull.</summary>
    private static FundRequest Receive(TempStore temp, FundRequest request)
    {
        var sync = new LocalSync(temp.Store);
        var anchor = sync.Settings().Anchor;
        sync.Apply(new PullResponse(
            [new RowChange(anchor + 1, FundColumns.RequestTable, request.Id.Value, 1, false, false, request.RequestedAt, request.RequestedBy.Value, FundColumns.ToColumns(request))],
            anchor + 1, false, 0, 0));
        return request;
    }

    [Fact]
    public void MemberRequests_StoredSealedWithOutboxAndAudit_NonMemberRefusedNothingStored()
    {
        using var temp = StoreOf(Nurse, Nurse.WorkerId);
        var request = FundSamples.Request(Nurse.WorkerId, temp.Clock.GetUtcNow());
        var (outbox, audit) = (temp.OutboxRows(), temp.AuditEvents());
        Assert.True(temp.Store.Fund.MayRequest);

        temp.Store.Fund.Request(request);

        Assert.Equal((outbox + 1, audit + 1), (temp.OutboxRows(), temp.AuditEvents()));
        temp.Reopen();
        Assert.True(Assert.Single(temp.Store.Fund.ForClient(request.ClientId)).SameRequestAs(request));
        temp.Close();
        var bytes = File.ReadAllBytes(temp.PathToStore).Concat(File.Exists(temp.PathToStore + "-wal") ? File.ReadAllBytes(temp.PathToStore + "-wal") : []).ToArray();
        Assert.DoesNotContain("huurachterstand van vier maanden", Encoding.UTF8.GetString(bytes));

        using var outsider = StoreOf(Nurse);
        Assert.False(outsider.Store.Fund.MayRequest);
        var refused = Assert.Throws<DomainException>(() => outsider.Store.Fund.Request(FundSamples.Request(Nurse.WorkerId, outsider.Clock.GetUtcNow())));
        Assert.StartsWith("u bent geen lid van het revolverend fonds", refused.Problem.Describe(Lang.Nl));
        Assert.Empty(outsider.Store.Fund.All());
    }

    [Fact]
    public void Secretariat_QueueByDueDate_LateFlag_PayoutWithinBalance_SettlementAndRepayment()
    {
        using var temp = StoreOf(Secretary);
        var now = temp.Clock.GetUtcNow();
        var first = Receive(temp, FundSamples.Request(FundSamples.NewWorker(), now.AddHours(-2), 950_000, responsible: null));
        var second = Receive(temp, FundSamples.Request(FundSamples.NewWorker(), now.AddHours(-1), 120_000));
        var fund = temp.Store.Fund;

        fund.Approve(second.Id);
        Assert.Equal([second.Id, first.Id], fund.Queue().Select(r => r.Id));
        temp.Clock.Advance(TimeSpan.FromDays(8));
        Assert.True(fund.Get(second.Id)!.IsPayoutLate(fund.Today));

        Assert.Throws<DomainException>(() => fund.Refuse(first.Id, ""));
        fund.Approve(first.Id);
        fund.PayOut(first.Id, "betaling 1");
        var overBalance = Assert.Throws<DomainException>(() => fund.PayOut(second.Id, "betaling 2"));
        Assert.Equal(TextId.FundBalanceTooLow, overBalance.Problem.Text);
        Assert.Equal(FundRequestStatus.Approved, fund.Get(second.Id)!.Status);

        Assert.Equal(TextId.FundSettleBeforeEvaluation, Assert.Throws<DomainException>(() => fund.Settle(first.Id)).Problem.Text);
        fund.Evaluate(first.Id, worked: true, durable: false, "Energie weer aan, maar de schuld loopt op");
        var shares = fund.Settle(first.Id);
        Assert.Equal(950_000, shares.Sum(s => s.Amount.Cents));
        Assert.Equal([475_000L, 285_000L, 190_000L], shares.OrderByDescending(s => s.Amount.Cents).Select(s => s.Amount.Cents));
        fund.RecordRepayment(first.Id, FundSamples.Municipality.ToUpperInvariant(), Money.FromEuros(4_750), fund.Today);

        var balance = fund.Balance();
        Assert.Equal((Money.FromEuros(9_500), Money.FromEuros(5_250)), (balance.PaidOut, balance.Available));
        Assert.Equal(2, fund.OpenReceivables().Count);
        Assert.Equal(Money.Zero, fund.Partners().Single(p => p.Partner == FundSamples.Municipality).Outstanding);
    }

    [Fact]
    public void Export_RequestsAndHalfYearReview_InDutchWords_WithTheSocialReturn_NoClientInTheReview()
    {
        using var temp = StoreOf(Secretary);
        var now = temp.Clock.GetUtcNow();
        var unique = Receive(temp, FundSamples.Request(FundSamples.NewWorker(), now.AddHours(-1), 7_500, responsible: null));
        // An eviction avoided (€ 6.000) for € 1.200 asked: net € 4.800.
        var figures = SocialReturnCalculator.Calculate(new Money(120_000), [new AvoidedRoute(MandateSamples.Eviction(), 1)], 1).Value;
        var withFigures = FundSamples.Request(FundSamples.NewWorker(), now.AddHours(-1), 120_000) with { BottleneckTag = "energie-afsluiting" };
        Receive(temp, withFigures with { Triangle = withFigures.Triangle with { SocialReturn = figures } });
        temp.Store.Fund.Refuse(unique.Id, "geen duurzaam perspectief");

        var requests = FundExports.Requests(temp.Store);
        var review = FundExports.Summary(temp.Store);
        var english = FundExports.Summary(temp.Store, Lang.En);

        Assert.Equal(2, requests.Rows.Count);
        var refusedRow = requests.Rows.Single(r => r[0] == unique.Id.ToString());
        Assert.Equal("geen enkele partij: uniek", refusedRow[requests.Columns.ToList().IndexOf("wie_had_moeten_betalen")]);
        Assert.Equal("geweigerd", refusedRow[requests.Columns.ToList().IndexOf("status")]);
        Assert.Null(refusedRow[requests.Columns.ToList().IndexOf("vermeden_kosten_centen")]);
        var figuresRow = requests.Rows.Single(r => r[0] == withFigures.Id.ToString());
        Assert.Equal(["600000", "480000", "5.00", "12", "1"], figuresRow.Skip(requests.Columns.ToList().IndexOf("vermeden_kosten_centen")));
        Assert.Equal(2, requests.ClientIds.Count);

        Assert.Empty(review.ClientIds);
        Assert.Equal(["1e halfjaar 2026", "totaal", "", "2", "1", "120000"], review.Rows[0].Take(6));
        Assert.Contains(review.Rows, r => r[1] == "knelpunt" && r[2] == "energie-afsluiting");
        Assert.Contains(review.Rows, r => r[1] == "partnerorganisatie" && r[2] == FundSamples.Housing);
        Assert.Equal("half 1 of 2026", english.Rows[0][0]);
        Assert.Contains("pct_repaid", english.Columns);
        Assert.Equal(["1", "600000", "480000"], review.Rows[0].Skip(review.Columns.ToList().IndexOf("met_berekening")));
        Assert.Equal(["with_calculation", "avoided_cost_cents", "net_return_cents"], english.Columns.Skip(english.Columns.ToList().IndexOf("with_calculation")));
        Assert.Equal("avoided_cost_cents", FundExports.Requests(temp.Store, Lang.En).Columns[requests.Columns.ToList().IndexOf("vermeden_kosten_centen")]);
    }
}
