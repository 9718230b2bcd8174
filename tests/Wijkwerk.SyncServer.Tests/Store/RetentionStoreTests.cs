using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Retention;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// Issue 15 item 7 on a real store, SQLite and PostgreSQL: what the retention schedule reads of each file (decided provisions only, the
/// last activity as a Dutch day), the purge as tombstones in the feed that leave other clients alone, and the access
/// log cut at the start of a Dutch day.
/// </summary>
public abstract class RetentionStoreTests(StoreKind kind) : StoreTest(kind)
{
    private int _mutation;

    [Fact]
    public async Task ClientFiles_HoldOnlyDecidedProvisions_AndTheDutchDayOfTheLastChange()
    {
        var (store, nurse, consultant) = await World();
        var granted = await NewClient(store, nurse);
        var advice = await SubmittedAdvice(store, nurse, granted);
        var consultantWorker = new Worker(new Id<Worker>(consultant.WorkerId), "Kees", Role.WmoConsultant, []);
        await Push(store, consultant, AdviceColumns.AdviceTable, advice.Advice.Id.Value, "update", advice.Version,
            AdviceColumns.ToColumns(advice.Advice.Grant(consultantWorker, "", Now, Today).Value));
        var onlySubmitted = await NewClient(store, nurse);
        await SubmittedAdvice(store, nurse, onlySubmitted);
        var withoutAdvice = await NewClient(store, nurse);

        var files = (await store.ClientFilesAsync()).ToDictionary(f => f.ClientId, f => f.History);

        var provision = AdviceServerFixture.Content().Provision;
        Assert.Equal([new DecidedProvision(provision.Start, provision.DurationMonths)], files[granted].Provisions);
        Assert.Empty(files[onlySubmitted].Provisions);
        Assert.Empty(files[withoutAdvice].Provisions);
        Assert.All(files.Values, f => Assert.Equal(Today, f.LastActivity));
        Assert.Equal(3, files.Count);
    }

    [Fact]
    public async Task PurgedClient_ReachesTheTeamAsTombstonesWithoutContent_OtherClientsUntouched_AndLeavesTheFiles()
    {
        var (store, nurse, _) = await World();
        var purged = await NewClient(store, nurse);
        var kept = await NewClient(store, nurse);
        await Push(store, nurse, "clients", purged, "update", 1, new() { ["notes"] = "Te wissen notitie" });
        var anchor = (await store.PullAsync(nurse, 0, 500, Now)).NextAnchor;

        var counts = Assert.Single(await store.PurgeClientsAsync([purged], Now));
        var page = await store.PullAsync(nurse, anchor, 500, Now);

        Assert.Equal(new Dictionary<string, int> { ["clients"] = 1 }, counts.PerKind);
        var tombstone = Assert.Single(page.Changes);
        Assert.Equal((purged, true, 3L), (tombstone.RowId, tombstone.Deleted, tombstone.Version));
        Assert.Equal(1, page.ScopeCount);
        Assert.Equal([kept], (await store.ClientFilesAsync()).Select(f => f.ClientId));
        Assert.Empty((await store.CountClientRowsAsync([purged])).Single().PerKind);
        Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM rows WHERE columns LIKE '%Te wissen%'"));
    }

    [Fact]
    public async Task AccessLog_BeforeTheInstantGoes_FromItOnStays()
    {
        var (store, nurse, _) = await World();
        var cut = AmsterdamTime.StartOf(new DateOnly(2021, 6, 1));
        var client = Guid.NewGuid();
        await store.StoreAuditAsync(nurse, [Event(1, cut.AddTicks(-1), client), Event(2, cut, client), Event(3, cut.AddDays(-400), client)], Now);
        await using (var db = await Kind.ConnectAsync())
        {
            await using var insert = db.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO transfers(device_id, worker_id, client_id, row_count, at) VALUES
                ('{nurse.DeviceId}', '{nurse.WorkerId}', '{client}', 1, '2021-05-31T21:59:59.9999999Z'),
                ('{nurse.DeviceId}', '{nurse.WorkerId}', '{client}', 1, '2021-05-31T22:00:00.0000000Z');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal(new AuditCount(2, 1), await store.CountAuditBeforeAsync(cut));
        Assert.Equal(new AuditCount(2, 1), await store.PurgeAuditBeforeAsync(cut));
        Assert.Equal(new AuditCount(0, 0), await store.CountAuditBeforeAsync(cut));
        Assert.Equal([cut, cut], (await store.ClientAuditAsync(client)).Select(e => e.At));
    }

    private static AuditRecord Event(long seq, DateTimeOffset at, Guid client) => new(seq, "View", at, client, Guid.Empty, "nurse", Guid.Empty, "Success", "");

    private async Task<(ISyncStore Store, DeviceSession Nurse, DeviceSession Consultant)> World()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Kees", Role.WmoConsultant, "Noord", Now);
        return (store, await Device(store, "Anna"), await Device(store, "Kees"));
    }

    private static Task<DeviceSession> Device(ISyncStore store, string worker) => StoreDevices.Enrol(store, worker, Now);

    private async Task<Guid> NewClient(ISyncStore store, DeviceSession device)
    {
        var id = Guid.NewGuid();
        await Push(store, device, "clients", id, "insert", 0, ServerFixture.ClientColumns());
        return id;
    }

    private async Task<(IndicationAdvice Advice, long Version)> SubmittedAdvice(ISyncStore store, DeviceSession device, Guid client)
    {
        var author = new Worker(new Id<Worker>(device.WorkerId), "Anna", Role.Nurse, []);
        var advice = IndicationAdvice.Draft(new Id<IndicationAdvice>(Guid.CreateVersion7()), new Id<Client>(client), author, "Noord", AdviceServerFixture.Content(), Now, Today).Value
            .Submit(author, Now, Today).Value;
        var result = await Push(store, device, AdviceColumns.AdviceTable, advice.Id.Value, "insert", 0, AdviceColumns.ToColumns(advice));
        return (advice, result.Version);
    }

    private async Task<MutationResult> Push(ISyncStore store, DeviceSession device, string table, Guid row, string operation, long version, Dictionary<string, string?> columns)
    {
        var result = Assert.Single(await store.PushAsync(device, [new Mutation(++_mutation, table, row, operation, version, columns)], Now));
        Assert.True(result.Status != SyncProtocol.Results.Refused, result.Reason);
        return result;
    }

    public sealed class OnSqlite() : RetentionStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : RetentionStoreTests(new PostgresKind(cluster));
}
