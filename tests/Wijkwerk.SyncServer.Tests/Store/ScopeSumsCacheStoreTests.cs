using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sql;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A server instance reuses the scope sums it read while nothing in the scope changed (ScopeSumsCache). Every way the sums
/// or a caseload change is made here after an instance has them cached, and its next pull must report what a new
/// instance, with nothing cached, reads from the store.
/// </summary>
public abstract class ScopeSumsCacheStoreTests(StoreKind kind) : StoreTest(kind)
{
    private int _mutation;

    [Fact]
    public async Task TheCachedSums_StandInForTheStore_UntilTheyAreAMinuteOld()
    {
        var (store, anna, _, _, _) = await NewWorld();
        await NewClient(store, anna);
        var (_, cached) = await PullAll(store, anna);
        await TamperSums();

        var (_, reused) = await PullAll(store, anna, cached.NextAnchor);
        var (_, stored) = await PullAll(await Kind.OpenAsync(), anna);
        var (_, expired) = await PullAll(store, anna, cached.NextAnchor, Now + ScopeSumsCache.MaxAge);

        Assert.Equal(Sums(cached), Sums(reused));
        Assert.NotEqual(Sums(cached), Sums(stored));
        Assert.Equal(Sums(stored), Sums(expired));
    }

    [Fact]
    public async Task AfterManyChangesOfOtherScopes_TheSumsAreReadAgain_AfterFewerTheCheckTellsTheyStand()
    {
        var (store, anna, _, _, zuid) = await NewWorld();
        await NewClient(store, anna);
        var (_, cached) = await PullAll(store, anna);
        await TamperSums("WHERE client_id IN (SELECT client_id FROM team_clients WHERE team_id = (SELECT id FROM teams WHERE name = 'Noord'))");

        await NewClients(store, zuid, SqlSyncStore.SumsCheckWalk - 2);
        var (_, fewer) = await PullAll(store, anna, cached.NextAnchor);
        await NewClients(store, zuid, SqlSyncStore.SumsCheckWalk);
        var (_, many) = await PullAll(store, anna, fewer.NextAnchor);
        var (_, stored) = await PullAll(await Kind.OpenAsync(), anna);

        Assert.Equal(Sums(cached), Sums(fewer));
        Assert.NotEqual(Sums(cached), Sums(stored));
        Assert.Equal(Sums(stored), Sums(many));
    }

    [Fact]
    public async Task ADevicesOwnInsert_HeldBackFromItsPull_StillCountsInItsSums()
    {
        var w = await NewWorld();
        await SumsFollow(w.Store, w.Anna, () => NewClient(w.Store, w.Anna), ownWritesHeld: true);
    }

    [Fact]
    public async Task AColleaguesUpdate()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        await SumsFollow(w.Store, w.Anna, () => Push(w.Store, w.OtherLaptop, "clients", client, SyncProtocol.Operations.Update, 1, new() { ["notes"] = "bijgewerkt" }));
    }

    [Fact]
    public async Task ADeletion()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        await NewClient(w.Store, w.Anna);
        await SumsFollow(w.Store, w.Anna, () => Push(w.Store, w.OtherLaptop, "clients", client, SyncProtocol.Operations.Delete, 1, []));
    }

    [Fact]
    public async Task AConflictRecord_AndItsResolution()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        await Push(w.Store, w.Anna, "clients", client, SyncProtocol.Operations.Update, 1, new() { ["notes"] = "van laptop 1" });

        await SumsFollow(w.Store, w.Anna, async () =>
            Assert.Equal(SyncProtocol.Results.Conflict,
                (await Push(w.Store, w.OtherLaptop, "clients", client, SyncProtocol.Operations.Update, 1, new() { ["notes"] = "van laptop 2" })).Status));
        var conflict = (await PullAll(w.Store, w.Anna)).Changes.Single(c => c.Table == SyncProtocol.ConflictsTable).RowId;
        await SumsFollow(w.Store, w.Anna, () => Push(w.Store, w.Anna, SyncProtocol.ConflictsTable, conflict, SyncProtocol.Operations.Update, 1, new() { ["resolved"] = "ja" }));
    }

    [Fact]
    public async Task AClientAssignedToTheTeam()
    {
        var w = await NewWorld();
        await NewClient(w.Store, w.Anna);
        var zuidClient = await NewClient(w.Store, w.Zuid);
        await SumsFollow(w.Store, w.Anna, () => w.Store.AssignClientAsync(zuidClient, "Noord", Now));
    }

    [Fact]
    public async Task AClientTakenOffTheTeam()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        await NewClient(w.Store, w.Anna);
        await SumsFollow(w.Store, w.Anna, () => w.Store.UnassignClientAsync(client, "Noord", Now));
    }

    [Fact]
    public async Task AClientPurgedByRetention()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        await NewClient(w.Store, w.Anna);
        await SumsFollow(w.Store, w.Anna, async () => Assert.Single(await w.Store.PurgeClientsAsync([client], Now)));
    }

    [Fact]
    public async Task AClientDeleted_TakesTheRowsAnotherLaptopWroteAboutThem()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        await NewClient(w.Store, w.Anna);
        await Push(w.Store, w.OtherLaptop, "household_members", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.HouseholdColumns(client));
        await SumsFollow(w.Store, w.Anna, () => Push(w.Store, w.Anna, "clients", client, SyncProtocol.Operations.Delete, 1, []));
    }

    [Fact]
    public async Task AClientWithAConflictRecord_PurgedByRetention()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        await NewClient(w.Store, w.Anna);
        await Push(w.Store, w.Anna, "clients", client, SyncProtocol.Operations.Update, 1, new() { ["notes"] = "van laptop 1" });
        Assert.Equal(SyncProtocol.Results.Conflict,
            (await Push(w.Store, w.OtherLaptop, "clients", client, SyncProtocol.Operations.Update, 1, new() { ["notes"] = "van laptop 2" })).Status);
        await SumsFollow(w.Store, w.Anna, async () => Assert.Single(await w.Store.PurgeClientsAsync([client], Now)));
    }

    [Fact]
    public async Task AFundDecision_ByTheSecretariat_CountsInItsOwnSums_HeldBackFromItsPull()
    {
        var (store, anna, secretariat) = await FundWorld();
        var request = FundRows.Request(await NewClient(store, anna), anna.WorkerId, "Noord");
        await Push(store, anna, FundColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Insert, 0, FundColumns.ToColumns(request));
        var approved = request with { Status = FundRequestStatus.Approved, Decision = FundRows.StepBy(secretariat.WorkerId, "", 60) };
        await SumsFollow(store, secretariat,
            () => Push(store, secretariat, FundColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Update, 1, FundColumns.ToColumns(approved)),
            ownWritesHeld: true);
    }

    [Fact]
    public async Task AnAdviceSubmitted_ReachesTheConsultantsSums()
    {
        var w = await NewWorld();
        var client = await NewClient(w.Store, w.Anna);
        var advice = IndicationAdvice.Draft(new Id<IndicationAdvice>(Guid.CreateVersion7()), new Id<Client>(client), Author(w.Anna), "Noord",
            AdviceServerFixture.Content(), Now, Today).Value;
        await Push(w.Store, w.Anna, AdviceColumns.AdviceTable, advice.Id.Value, SyncProtocol.Operations.Insert, 0, AdviceColumns.ToColumns(advice));
        var submitted = AdviceColumns.ToColumns(advice.Submit(Author(w.Anna), Now, Today).Value);

        await SumsFollow(w.Store, w.Kees, () => Push(w.Store, w.Anna, AdviceColumns.AdviceTable, advice.Id.Value, SyncProtocol.Operations.Update, 1,
            new() { ["status"] = submitted["status"], [AdviceColumns.SubmittedColumn] = submitted[AdviceColumns.SubmittedColumn] }));
    }

    [Fact]
    public async Task AFundRequest_ReachesTheSecretariatsSums()
    {
        var (store, anna, secretariat) = await FundWorld();
        var request = FundRows.Request(await NewClient(store, anna), anna.WorkerId, "Noord");
        await SumsFollow(store, secretariat,
            () => Push(store, anna, FundColumns.RequestTable, request.Id.Value, SyncProtocol.Operations.Insert, 0, FundColumns.ToColumns(request)));
    }

    [Fact]
    public async Task AWorkerInAnotherTeamToo_AndAConsultantOfTheSameTeam_AreNotGivenTheNursesSums()
    {
        var (store, anna, _, kees, zuid) = await NewWorld();
        await NewClient(store, anna);
        await NewClient(store, zuid);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        await Kind.ExecAsync("INSERT INTO worker_teams(worker_id, team_id) SELECT w.id, t.id FROM workers w, teams t WHERE w.name = 'Bram' AND t.name = 'Zuid';");
        var bram = await Device(store, "Bram");
        var (_, annas) = await PullAll(store, anna);

        var (_, brams) = await PullAll(store, bram);
        var (_, kees1) = await PullAll(store, kees);

        Assert.Equal((1, 2, 0), (annas.ScopeCount, brams.ScopeCount, kees1.ScopeCount));
    }

    /// <summary>
    /// The device's pulls on two instances cache its sums and reuse them while nothing changes; after <paramref name="change"/>
    /// each reports the sums a new instance reads, and they differ from before: one in a pull that brings nothing (from the
    /// new instance's anchor), so only its check of the feed can tell, the other in a pull that brings the change.
    /// </summary>
    private async Task SumsFollow(ISyncStore store, DeviceSession device, Func<Task> change, bool ownWritesHeld = false)
    {
        var other = await Kind.OpenAsync();
        var anchors = new List<long>();
        foreach (var instance in new[] { store, other })
        {
            var (_, warm) = await PullAll(instance, device, ownWritesHeld: ownWritesHeld);
            var (_, again) = await PullAll(instance, device, warm.NextAnchor, ownWritesHeld: ownWritesHeld);
            Assert.Equal(Sums(warm), Sums(again));
            anchors.Add(again.NextAnchor);
        }

        var (_, before) = await PullAll(store, device, anchors[0], ownWritesHeld: ownWritesHeld);

        await change();

        var (_, fresh) = await PullAll(await Kind.OpenAsync(), device, ownWritesHeld: ownWritesHeld);
        var (nothing, checkedAgain) = await PullAll(store, device, fresh.NextAnchor, ownWritesHeld: ownWritesHeld);
        var (_, withTheChange) = await PullAll(other, device, anchors[1], ownWritesHeld: ownWritesHeld);
        Assert.NotEqual(Sums(before), Sums(fresh));
        Assert.Empty(nothing);
        Assert.Equal(Sums(fresh), Sums(checkedAgain));
        Assert.Equal(Sums(fresh), Sums(withTheChange));
    }

    private static (long, uint) Sums(PullResponse page) => (page.ScopeCount, page.ScopeChecksum);

    /// <summary>Changes the checksums of the sums table's rows that <paramref name="where"/> picks, behind the store's back: nothing in the feed tells it, only a read of the sums table sees it.</summary>
    private Task TamperSums(string where = "") => Kind.ExecAsync($"UPDATE client_sums SET checksum = (checksum + 1) % 4294967296 {where};");

    /// <summary>Team Noord (nurse Anna on two laptops, consultant Kees) and team Zuid (nurse Zoë).</summary>
    private sealed record World(ISyncStore Store, DeviceSession Anna, DeviceSession OtherLaptop, DeviceSession Kees, DeviceSession Zuid);

    private async Task<World> NewWorld()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddTeamAsync("Zuid", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Kees", Role.WmoConsultant, "Noord", Now);
        await store.AddWorkerAsync("Zoë", Role.Nurse, "Zuid", Now);
        return new(store, await Device(store, "Anna"), await Device(store, "Anna"), await Device(store, "Kees"), await Device(store, "Zoë"));
    }

    /// <summary>A fund nurse Anna (team Noord) is a member of, and its secretary Sanne (team Fonds).</summary>
    private async Task<(ISyncStore Store, DeviceSession Anna, DeviceSession Secretariat)> FundWorld()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddTeamAsync("Fonds", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Sanne", Role.FundSecretary, "Fonds", Now);
        await store.AddFundPartnerAsync(FundRows.Housing, Now);
        await store.AddFundDepositAsync(FundRows.Housing, Money.FromEuros(10_000), new DateOnly(2026, 1, 5), Now);
        await store.AddFundMemberAsync("Anna", Now);
        return (store, await Device(store, "Anna"), await Device(store, "Sanne"));
    }

    private static Task<DeviceSession> Device(ISyncStore store, string worker) => StoreDevices.Enrol(store, worker, Now);

    private static Worker Author(DeviceSession device) => new(new Id<Worker>(device.WorkerId), "Anna", Role.Nurse, []);

    private async Task<Guid> NewClient(ISyncStore store, DeviceSession device)
    {
        var id = Guid.NewGuid();
        await Push(store, device, "clients", id, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns());
        return id;
    }

    private async Task NewClients(ISyncStore store, DeviceSession device, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(SyncProtocol.MaxMutationsPerPush))
        {
            var results = await store.PushAsync(device,
                [.. chunk.Select(_ => new Mutation(++_mutation, "clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()))], Now);
            Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        }
    }

    private async Task<MutationResult> Push(ISyncStore store, DeviceSession device, string table, Guid row, string operation, long version, Dictionary<string, string?> columns)
    {
        var result = Assert.Single(await store.PushAsync(device, [new Mutation(++_mutation, table, row, operation, version, columns)], Now));
        Assert.True(result.Status != SyncProtocol.Results.Refused, result.Reason);
        return result;
    }

    private static async Task<(List<RowChange> Changes, PullResponse Last)> PullAll(ISyncStore store, DeviceSession device, long after = 0,
        DateTimeOffset? now = null, bool ownWritesHeld = false)
    {
        var changes = new List<RowChange>();
        var last = await CatchUp.Pull(from => store.PullAsync(device, from, 3, now ?? Now, ownWritesHeld), after, page => changes.AddRange(page.Changes));
        return (changes, last);
    }

    public sealed class OnSqlite() : ScopeSumsCacheStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : ScopeSumsCacheStoreTests(new PostgresKind(cluster));
}
