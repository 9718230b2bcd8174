using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Issue 13 end to end, through the real server process, its real admin commands and real laptop stores: a member
/// nurse requests offline and syncs; the secretariat's own laptop receives the request (and nothing else of the
/// dossier), grants it, pays out, evaluates and settles with the responsible partner; the repayment shows in the
/// balance on both laptops; the secretariat's SQLite file holds no client, signal, visit or note.
/// </summary>
public class FundSyncTests
{
    internal static async Task<(SyncWorld World, Laptop Nurse, Laptop Secretariat)> Fund()
    {
        var world = new SyncWorld();
        world.Team("Noord");
        world.Team("Fonds");
        world.User("Anna Zorg", "Noord");
        world.User("Sanne Fonds", "Fonds", "fundsecretary");
        foreach (var (partner, euros) in FundRows.Deposits)
        {
            Assert.Contains("doet mee aan het fonds", world.Admin("fund", "partner", "add", partner));
            Assert.Contains("geboekt", world.Admin("fund", "deposit", "--partner", partner, "--amount", euros, "--date", "2026-01-05"));
        }

        Assert.Contains("is lid van het fonds", world.Admin("fund", "members", "add", "--user", "Anna Zorg"));
        return (world, await world.Laptop("Anna Zorg"), await world.Laptop("Sanne Fonds"));
    }

    [Fact]
    public async Task NurseRequestsOffline_SecretariatPaysEvaluatesSettles_RepaymentShowsOnBothLaptops_SecretariatHoldsNoDossier()
    {
        var (world, nurse, secretariat) = await Fund();
        using var _ = world;
        await nurse.Sync();
        Assert.True(nurse.Store.Fund.MayRequest);

        // Offline at the kitchen table: the dossier gets a signal and a visit, and the fund request waits on the laptop.
        var client = nurse.NewClient("Gerrit", "Bakker");
        var clock = world.Clock;
        nurse.Store.Signals.Add(Signal.Report(
            Id<Signal>.New(clock), client.Id, SignalSource.HousingCorporation, null, "Huurachterstand, brief van de woonstichting", [LifeDomain.SafeHome],
            Urgency.Normal, new ConsentBasis(true, ""), null, clock.GetUtcNow()).Value);
        var today = AmsterdamTime.Today(clock);
        nurse.Store.Dossiers.AddVisit(HomeVisit.Record(Id<HomeVisit>.New(clock), client.Id, today, nurse.Store.Identity.WorkerId, "Keukentafelgesprek over de huur", null, today).Value);
        var request = FundRows.Request(client.Id.Value, nurse.Store.Identity.WorkerId.Value, "Noord");
        nurse.Store.Fund.Request(request);
        Assert.Equal(FundRequestStatus.Requested, Assert.Single(nurse.Store.Fund.ForClient(client.Id)).Status);
        Assert.Equal(0, (await nurse.Sync()).Refused);

        var first = await secretariat.Sync();
        Assert.True(first.Converged);
        var queued = Assert.Single(secretariat.Store.Fund.Queue());
        Assert.Equal((request.Id, request.CaseDescription), (queued.Id, queued.CaseDescription));
        Assert.Equal(Money.FromEuros(10_000), secretariat.Store.Fund.Balance().Available);

        var desk = secretariat.Store.Fund;
        desk.Approve(request.Id);
        Assert.Equal(desk.Today.AddDays(7), desk.Get(request.Id)!.PayoutDue);
        desk.PayOut(request.Id, "betaling 2026-031");
        desk.Evaluate(request.Id, worked: true, durable: true, "Woning behouden; budgetbeheer loopt");
        Assert.Equal([new FundShare(FundRows.Housing, new Money(120_000))], desk.Settle(request.Id));
        var repaid = desk.RecordRepayment(request.Id, FundRows.Housing, Money.FromEuros(500), desk.Today);
        var report = await secretariat.Sync();
        Assert.True(report.Refused == 0, string.Join(" | ", new LocalSync(secretariat.Store).Refusals().Select(r => r.Reason)));
        Assert.Equal(0, report.Conflicts);
        Assert.True(report.Converged);

        await nurse.Sync();
        var seen = Assert.Single(nurse.Store.Fund.ForClient(client.Id));
        Assert.Equal(FundRequestStatus.Settled, seen.Status);
        Assert.Equal(repaid.Id, Assert.Single(nurse.Store.Fund.Repayments(request.Id)).Id);
        var expected = (Money.FromEuros(10_000), Money.FromEuros(1_200), Money.FromEuros(500), Money.FromEuros(9_300));
        foreach (var laptop in new[] { nurse, secretariat })
        {
            var balance = laptop.Store.Fund.Balance();
            Assert.Equal(expected, (balance.Deposited, balance.PaidOut, balance.Repaid, balance.Available));
        }

        var open = Assert.Single(secretariat.Store.Fund.OpenReceivables());
        Assert.Equal((FundRows.Housing, Money.FromEuros(700), 0), (open.Partner, open.Outstanding, open.AgeDays(desk.Today)));

        secretariat.Store.Dispose();
        AssertHoldsNoDossier(Path.Combine(secretariat.Folder, "wijkwerk.db"));
        secretariat.Reopen();
        Assert.Single(secretariat.Store.Fund.All());
    }

    [Fact]
    public async Task SecretariatPayingMoreThanTheBalance_IsRefusedOnTheLaptop_AndTheRequestWaits()
    {
        var (world, nurse, secretariat) = await Fund();
        using var _ = world;
        await nurse.Sync();
        var client = nurse.NewClient("Gerrit", "Bakker");
        var large = FundRows.Request(client.Id.Value, nurse.Store.Identity.WorkerId.Value, "Noord", cents: 900_000, responsible: null);
        var second = FundRows.Request(client.Id.Value, nurse.Store.Identity.WorkerId.Value, "Noord", cents: 200_000);
        nurse.Store.Fund.Request(large);
        nurse.Store.Fund.Request(second);
        await nurse.Sync();
        await secretariat.Sync();

        var desk = secretariat.Store.Fund;
        desk.Approve(large.Id);
        desk.Approve(second.Id);
        desk.PayOut(large.Id, "betaling 2026-040");
        var refused = Assert.Throws<DomainException>(() => desk.PayOut(second.Id, "betaling 2026-041"));
        Assert.Contains("het saldo van het fonds (€ 1.000,00) dekt deze uitbetaling van € 2.000,00 niet", refused.Problem.Describe(Wijkwerk.Core.Localization.Lang.Nl));
        Assert.Equal(FundRequestStatus.Approved, desk.Get(second.Id)!.Status);
        Assert.Equal(second.Id, desk.Queue()[0].Id);
        Assert.True((await secretariat.Sync()).Refused == 0, string.Join(" | ", new LocalSync(secretariat.Store).Refusals().Select(r => r.Reason)));
    }

    [Fact]
    public async Task TwoSecretariatLaptopsPayingOfflineForTheLastOfTheFund_ExactlyOnePayoutIsAccepted()
    {
        var (world, nurse, sanne) = await Fund();
        using var _ = world;
        world.User("Sem Fonds", "Fonds", "fundsecretary");
        var sem = await world.Laptop("Sem Fonds");
        await nurse.Sync();
        var client = nurse.NewClient("Gerrit", "Bakker");
        var first = FundRows.Request(client.Id.Value, nurse.Store.Identity.WorkerId.Value, "Noord", cents: 600_000);
        var second = FundRows.Request(client.Id.Value, nurse.Store.Identity.WorkerId.Value, "Noord", cents: 600_000);
        nurse.Store.Fund.Request(first);
        nurse.Store.Fund.Request(second);
        await nurse.Sync();
        await Task.WhenAll(sanne.Sync(), sem.Sync());

        // Offline, each laptop sees € 10.000 and pays one of them.
        foreach (var (desk, request) in new[] { (sanne.Store.Fund, first), (sem.Store.Fund, second) })
        {
            desk.Approve(request.Id);
            desk.PayOut(request.Id, "betaling " + request.Id.ToString()[..8]);
        }

        var reports = await Task.WhenAll(sanne.Sync(), sem.Sync());

        Assert.Equal(1, reports.Sum(r => r.Refused));
        var loser = reports[0].Refused == 1 ? sanne : sem;
        Assert.Contains("het saldo van het fonds (€ 4.000,00) dekt deze uitbetaling van € 6.000,00 niet", Assert.Single(new LocalSync(loser.Store).Refusals()).Reason);
        await nurse.Sync();
        var statuses = nurse.Store.Fund.ForClient(client.Id).Select(r => r.Status).Order().ToList();
        Assert.Equal([FundRequestStatus.Requested, FundRequestStatus.PaidOut], statuses);
        Assert.Equal(Money.FromEuros(4_000), nurse.Store.Fund.Balance().Available);
    }

    /// <summary>Every table of a dossier is empty in the file itself, read without the app: only fund rows came.</summary>
    private static void AssertHoldsNoDossier(string path)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        foreach (var table in new[] { "clients", "household_members", "consents", "signals", "follow_ups", "home_visits", "indication_advices", "advice_messages",
                     "mandate_decisions", "mandate_addenda", "budget_requests", "budget_votes", "conflicts" })
        {
            using var count = db.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            Assert.True((long)count.ExecuteScalar()! == 0, $"{table} holds rows on the secretariat's laptop");
        }

        using var fund = db.CreateCommand();
        fund.CommandText = "SELECT count(*) FROM fund_requests";
        Assert.Equal(1L, (long)fund.ExecuteScalar()!);
    }
}
