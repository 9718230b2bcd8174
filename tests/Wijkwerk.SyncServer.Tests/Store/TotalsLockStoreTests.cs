using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// Totals that a push checks or recounts from many rows, with writers on two store instances at once (as two server
/// processes on one database): third approvals of four € 400 requests against a € 1.000 team budget, payouts of four
/// € 400 requests against a € 1.000 fund, and eight fund requests of one client recounted into the secretariat's sums.
/// Every push of a round starts together; exactly the pushes the total allows land, the others come back refused with
/// the rule's reason, and the sums a pull reports match the rows it serves.
/// </summary>
public abstract class TotalsLockStoreTests(StoreKind kind) : StoreTest(kind)
{
    private const int Parallel = 4;
    private long _mutation;
    private ISyncStore _first = null!;
    private ISyncStore _second = null!;

    private async Task OpenTwo()
    {
        _first = await Kind.OpenAsync();
        _second = await Kind.OpenAsync();
    }

    private Task<DeviceSession> Device(string worker) => StoreDevices.Enrol(_first, worker, Now);

    private async Task<MutationResult> Push(ISyncStore store, DeviceSession device, string table, Guid rowId, string operation, long version, IReadOnlyDictionary<string, string?> columns) =>
        (await store.PushAsync(device, [new Mutation(Interlocked.Increment(ref _mutation), table, rowId, operation, version, columns)], DateTimeOffset.UtcNow)).Single();

    private async Task<Guid> NewClient(DeviceSession device)
    {
        var id = Guid.NewGuid();
        AssertAccepted(await Push(_first, device, "clients", id, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()));
        return id;
    }

    /// <summary>Runs the pushes together, alternating the two instances, each from its own device.</summary>
    private async Task<MutationResult[]> AllAtOnce(IReadOnlyList<DeviceSession> devices, Func<ISyncStore, DeviceSession, int, Task<MutationResult>> push)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pushes = devices.Select((device, i) => Task.Run(async () =>
        {
            await start.Task;
            return await push(i % 2 == 0 ? _first : _second, device, i);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(pushes);
    }

    private static async Task<List<RowChange>> PullAll(ISyncStore store, DeviceSession device)
    {
        var rows = new Dictionary<(string, Guid), RowChange>();
        var last = await CatchUp.Pull(from => store.PullAsync(device, from, 500, DateTimeOffset.UtcNow), 0, page =>
        {
            foreach (var change in page.Changes)
                rows[(change.Table, change.RowId)] = change;
        });
        var live = rows.Values.Where(c => !c.Deleted && !c.Removed).ToList();
        Assert.Equal(last.ScopeCount, live.Count);
        Assert.Equal(last.ScopeChecksum, ScopeChecksum.Sum(live.Select(c => ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns))));
        return live;
    }

    [Fact]
    public async Task ThirdApprovalsOnTwoInstances_AtOnce_OnlyWhatTheTeamBudgetCovers_IsApproved()
    {
        await OpenTwo();
        await _first.AddTeamAsync("Krap", Now);
        foreach (var name in new[] { "Kees", "Kim", "Koen", "Kai" })
            await _first.AddWorkerAsync(name, Role.Nurse, "Krap", Now);
        await _first.SetTeamBudgetAsync("Krap", BudgetRows.Year, Money.FromEuros(1_000), Money.FromEuros(500), Now);
        var (kees, kim, koen) = (await Device("Kees"), await Device("Kim"), await Device("Koen"));
        var requests = new List<BudgetRequest>();
        for (var i = 0; i < Parallel; i++)
        {
            var request = BudgetRows.Request(await NewClient(kees), kees.WorkerId, "Krap", 400);
            AssertAccepted(await Push(_first, kees, BudgetColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(request)));
            foreach (var voter in new[] { kim, koen })
                AssertAccepted(await Push(_first, voter, BudgetColumns.VoteTable, Guid.CreateVersion7(), SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(BudgetRows.Approve(request, voter.WorkerId))));
            requests.Add(request);
        }

        var kai = new List<DeviceSession>();
        for (var i = 0; i < Parallel; i++)
            kai.Add(await Device("Kai"));

        var results = await AllAtOnce(kai, (store, device, i) =>
        {
            var vote = BudgetRows.Approve(requests[i], device.WorkerId);
            return Push(store, device, BudgetColumns.VoteTable, vote.Id.Value, SyncProtocol.Operations.Insert, 0, BudgetColumns.ToColumns(vote));
        });

        Assert.Equal(2, results.Count(r => r.Status == SyncProtocol.Results.Accepted));
        Assert.All(results.Where(r => r.Status != SyncProtocol.Results.Accepted), r =>
        {
            Assert.Equal(SyncProtocol.Results.Refused, r.Status);
            Assert.Contains("het resterende budget van team Krap (€ 200,00) dekt dit verzoek van € 400,00 niet", r.Reason);
        });
        var pulled = await PullAll(_second, kees);
        var approved = pulled.Where(c => c.Table == BudgetColumns.RequestTable).Select(c => BudgetColumns.FromColumns(c.RowId, c.Columns).Value)
            .Count(r => r.Status == BudgetRequestStatus.Approved);
        Assert.Equal(2, approved);
    }

    [Fact]
    public async Task PayoutsOnTwoInstances_AtOnce_OnlyWhatTheFundHolds_IsPaidOut()
    {
        var (anna, secretariat) = await FundWithMembers(1_000);
        var requests = new List<FundRequest>();
        for (var i = 0; i < Parallel; i++)
        {
            var request = FundRows.Request(await NewClient(anna), anna.WorkerId, "Noord", 40_000);
            AssertAccepted(await Push(_first, anna, FundColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Insert, 0, FundColumns.ToColumns(request)));
            var approved = request with { Status = FundRequestStatus.Approved, Decision = FundRows.StepBy(secretariat.WorkerId, "", 60) };
            AssertAccepted(await Push(_first, secretariat, FundColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Update, 1, FundColumns.ToColumns(approved)));
            requests.Add(approved);
        }

        var devices = new List<DeviceSession>();
        for (var i = 0; i < Parallel; i++)
            devices.Add(await Device("Sanne"));

        var results = await AllAtOnce(devices, (store, device, i) =>
        {
            var paid = requests[i] with { Status = FundRequestStatus.PaidOut, Payout = FundRows.StepBy(device.WorkerId, "betaling " + i, 50) };
            return Push(store, device, FundColumns.RequestTable, paid.Id.Value, SyncProtocol.Operations.Update, 2, FundColumns.ToColumns(paid));
        });

        Assert.Equal(2, results.Count(r => r.Status == SyncProtocol.Results.Accepted));
        Assert.All(results.Where(r => r.Status != SyncProtocol.Results.Accepted), r =>
        {
            Assert.Equal(SyncProtocol.Results.Refused, r.Status);
            Assert.Contains("het saldo van het fonds (€ 200,00) dekt deze uitbetaling van € 400,00 niet", r.Reason);
        });
        var (fund, balance) = await _second.FundAsync();
        Assert.Equal(new Money(20_000), balance.Available);
        var paidOut = (await PullAll(_second, secretariat)).Select(c => FundColumns.FromColumns(c.RowId, c.Columns).Value).Count(r => r.Status == FundRequestStatus.PaidOut);
        Assert.Equal(2, paidOut);
    }

    [Fact]
    public async Task FundRequestsOfOneClient_OnTwoInstances_AtOnce_TheSecretariatsSumsCountEveryOne()
    {
        const int perPush = 5;
        var (anna, secretariat) = await FundWithMembers(10_000);
        var client = await NewClient(anna);
        var devices = new List<DeviceSession>();
        for (var i = 0; i < 2 * Parallel; i++)
            devices.Add(await Device("Anna"));

        var results = await AllAtOnce(devices, async (store, device, _) =>
        {
            var batch = Enumerable.Range(0, perPush).Select(_ => FundRows.Request(client, anna.WorkerId, "Noord", 10_000))
                .Select(r => new Mutation(Interlocked.Increment(ref _mutation), FundColumns.RequestTable, r.Id.Value, SyncProtocol.Operations.Insert, 0, FundColumns.ToColumns(r)))
                .ToList();
            var answers = await store.PushAsync(device, batch, DateTimeOffset.UtcNow);
            return answers.FirstOrDefault(a => a.Status != SyncProtocol.Results.Accepted) ?? answers[0];
        });

        Assert.All(results, AssertAccepted);
        Assert.Equal(2 * Parallel * perPush, (await PullAll(_second, secretariat)).Count);
    }

    /// <summary>A fund of <paramref name="euros"/> with nurse Anna (Noord) a member, and a device of the secretariat (Sanne, team Fonds).</summary>
    private async Task<(DeviceSession Anna, DeviceSession Secretariat)> FundWithMembers(long euros)
    {
        await OpenTwo();
        await _first.AddTeamAsync("Noord", Now);
        await _first.AddTeamAsync("Fonds", Now);
        await _first.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await _first.AddWorkerAsync("Sanne", Role.FundSecretary, "Fonds", Now);
        await _first.AddFundPartnerAsync(FundRows.Housing, Now);
        await _first.AddFundDepositAsync(FundRows.Housing, Money.FromEuros(euros), new DateOnly(2026, 1, 5), Now);
        await _first.AddFundMemberAsync("Anna", Now);
        return (await Device("Anna"), await Device("Sanne"));
    }

    private static void AssertAccepted(MutationResult result) => Assert.True(result.Status == SyncProtocol.Results.Accepted, result.Reason);

    public sealed class OnSqlite() : TotalsLockStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : TotalsLockStoreTests(new PostgresKind(cluster));
}
