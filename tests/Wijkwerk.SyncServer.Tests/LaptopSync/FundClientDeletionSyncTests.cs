using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// Money survives the client, through the real server process and real laptop stores: a client deleted on the nurse's
/// laptop, or purged by the retention schedule on the server, leaves the fund request that was paid out and its
/// repayments in place; the balance and the receivables stay as they were on the nurse's and the secretariat's
/// laptops, and the secretariat still settles and books repayments on the request afterwards.
/// </summary>
public class FundClientDeletionSyncTests
{
    [Fact]
    public async Task ClientDeletedAfterThePayout_BalanceUnchangedOnBothLaptops_AndTheSecretariatStillSettlesAndBooksTheRepayment()
    {
        var (world, nurse, secretariat) = await FundSyncTests.Fund();
        using var _ = world;
        var (client, request) = await PaidOut(nurse, secretariat);
        var paidOut = (Money.FromEuros(10_000), Money.FromEuros(1_200), Money.Zero, Money.FromEuros(8_800));
        await nurse.Sync();
        AssertBalance(paidOut, nurse, secretariat);

        Assert.True(nurse.Store.Clients.Delete(client));
        var deleted = await nurse.Sync();
        Assert.Equal((0, 0), (deleted.Refused, deleted.Conflicts));
        Assert.True((await secretariat.Sync()).Converged);

        Assert.Empty(nurse.Clients());
        Assert.Equal(1, ServerStore.Count(world.Database, "SELECT count(*) FROM rows WHERE tbl = 'clients' AND deleted = 1"));
        Assert.Equal(1, ServerStore.Count(world.Database, "SELECT count(*) FROM rows WHERE tbl = 'fund_requests' AND deleted = 0"));
        Assert.Equal(request, Assert.Single(nurse.Store.Fund.ForClient(client)).Id);
        AssertBalance(paidOut, nurse, secretariat);

        // The money that went out is still settled and repaid after the client is gone.
        var desk = secretariat.Store.Fund;
        desk.Evaluate(request, worked: true, durable: false, "Huur betaald; cliënt verhuisd");
        desk.Settle(request);
        desk.RecordRepayment(request, FundRows.Housing, Money.FromEuros(500), desk.Today);
        var report = await secretariat.Sync();
        Assert.True(report.Refused == 0, string.Join(" | ", new LocalSync(secretariat.Store).Refusals().Select(r => r.Reason)));
        Assert.Equal(0, report.Conflicts);
        Assert.True(report.Converged);
        Assert.True((await nurse.Sync()).Converged);

        AssertBalance((Money.FromEuros(10_000), Money.FromEuros(1_200), Money.FromEuros(500), Money.FromEuros(9_300)), nurse, secretariat);
        Assert.Equal(FundRequestStatus.Settled, Assert.Single(nurse.Store.Fund.ForClient(client)).Status);
        Assert.Equal(0, ServerStore.Count(world.Database, "SELECT count(*) FROM conflicts"));
    }

    [Fact]
    public async Task RetentionPurgeOfTheClientsFile_LeavesTheFundRows_BalanceAndReceivablesUnchanged_AndRepaymentsStillLand()
    {
        var (world, nurse, secretariat) = await FundSyncTests.Fund();
        using var _ = world;
        var (client, request) = await PaidOut(nurse, secretariat);
        var desk = secretariat.Store.Fund;
        desk.Evaluate(request, worked: true, durable: true, "Woning behouden");
        desk.Settle(request);
        desk.RecordRepayment(request, FundRows.Housing, Money.FromEuros(500), desk.Today);
        await secretariat.Sync();
        await nurse.Sync();
        var settled = (Money.FromEuros(10_000), Money.FromEuros(1_200), Money.FromEuros(500), Money.FromEuros(9_300));
        AssertBalance(settled, nurse, secretariat);
        var receivables = desk.OpenReceivables();
        Assert.Equal(Money.FromEuros(700), Assert.Single(receivables).Outstanding);
        // Nothing happened to this file for more than five years and it never had a provision.
        Age(world.Database, client.Value, "2020-01-01T09:00:00.0000000Z");

        var purged = world.Admin("retention", "purge");

        Assert.Contains("Cliëntdossiers verwijderd: 1.", purged);
        Assert.Contains($"cliënt {client.Value}: clients 1", purged);
        Assert.DoesNotContain("fund_", purged);
        Assert.True((await nurse.Sync()).Converged);
        Assert.True((await secretariat.Sync()).Converged);
        Assert.Empty(nurse.Clients());
        AssertBalance(settled, nurse, secretariat);
        Assert.Equal(receivables, desk.OpenReceivables());
        Assert.Equal(2, ServerStore.Count(world.Database, "SELECT count(*) FROM rows WHERE tbl LIKE 'fund_%' AND deleted = 0"));
        Assert.Contains("Cliëntdossiers verwijderd: 0.", world.Admin("retention", "purge"));

        desk.RecordRepayment(request, FundRows.Housing, Money.FromEuros(700), desk.Today);
        var report = await secretariat.Sync();
        Assert.Equal((0, 0, true), (report.Refused, report.Conflicts, report.Converged));
        await nurse.Sync();
        AssertBalance((Money.FromEuros(10_000), Money.FromEuros(1_200), Money.FromEuros(1_200), Money.FromEuros(10_000)), nurse, secretariat);
        Assert.Empty(desk.OpenReceivables());
    }

    /// <summary>A nurse's request for a new client, granted and paid out by the secretariat, synced to the server.</summary>
    private static async Task<(Id<Core.Domain.Clients.Client> Client, Id<FundRequest> Request)> PaidOut(Laptop nurse, Laptop secretariat)
    {
        await nurse.Sync();
        var client = nurse.NewClient("Gerrit", "Bakker");
        var request = FundRows.Request(client.Id.Value, nurse.Store.Identity.WorkerId.Value, "Noord");
        nurse.Store.Fund.Request(request);
        await nurse.Sync();
        await secretariat.Sync();
        secretariat.Store.Fund.Approve(request.Id);
        secretariat.Store.Fund.PayOut(request.Id, "betaling 2026-077");
        Assert.Equal(0, (await secretariat.Sync()).Refused);
        return (client.Id, request.Id);
    }

    private static void AssertBalance((Money Deposited, Money PaidOut, Money Repaid, Money Available) expected, params Laptop[] laptops)
    {
        foreach (var laptop in laptops)
        {
            var balance = laptop.Store.Fund.Balance();
            Assert.Equal(expected, (balance.Deposited, balance.PaidOut, balance.Repaid, balance.Available));
        }
    }

    /// <summary>Moves every trace of the client's file on the server back to the given instant, as if written then.</summary>
    private static void Age(string db, Guid client, string at)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False;Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE rows SET updated_at = $at WHERE client_id = $c;";
        command.Parameters.AddWithValue("$at", at);
        command.Parameters.AddWithValue("$c", client.ToString());
        command.ExecuteNonQuery();
    }
}
