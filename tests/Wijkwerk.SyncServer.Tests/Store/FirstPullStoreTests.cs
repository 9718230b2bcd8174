using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Sql;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// A pull from anchor 0 reads the device's scope client by client below the horizon of its first page, then goes on as an
/// ordinary pull from there (SqlSyncStore, "first pull"), on both stores: it delivers exactly the scope, each client whole
/// on one page, nothing of other teams; what is written meanwhile still arrives; any instance serves the next page; and an
/// anchor whose horizon the store no longer holds starts the pull again instead of skipping clients.
/// </summary>
public abstract class FirstPullStoreTests(StoreKind kind) : StoreTest(kind)
{
    private long _mutation;

    [Fact]
    public async Task AFirstPull_DeliversItsScopeClientByClient_EachClientWholeOnOnePage_AndNothingOfAnotherTeam()
    {
        var (store, anna, bram) = await World();
        var (noord, zuid) = (new List<Guid>(), new List<Guid>());
        // The two teams' writes alternate in the feed, as a municipality's day goes.
        for (var i = 0; i < 40; i++)
        {
            noord.Add(await NewClient(store, anna, signals: 2));
            zuid.Add(await NewClient(store, bram, signals: 1));
        }

        var laptop = await StoreDevices.Enrol(store, "Anna", Now);
        var pages = await Pages(store, laptop, limit: 5);

        var delivered = pages.SelectMany((page, i) => page.Changes.Select(c => (Page: i, Change: c))).ToList();
        Assert.Equal(await Stored(noord), [.. delivered.Select(d => (d.Change.Table, d.Change.RowId, d.Change.Version)).Order()]);
        Assert.Equal(delivered.Count, delivered.Select(d => (d.Change.Table, d.Change.RowId)).Distinct().Count());
        foreach (var client in noord)
            Assert.Single(delivered.Where(d => ClientOf(d.Change) == client).Select(d => d.Page).Distinct());
        Assert.True(pages.Count > 10, $"{pages.Count} pages of at most 5 changes for 120 rows");
        // Every page but the one with the last clients, which hands over to the feed, and the feed's page after it, if any.
        Assert.All(pages.SkipLast(2), page => Assert.True(page.NextAnchor < 0, $"next anchor {page.NextAnchor} while clients remain"));
        Assert.Equal(120, pages[^1].ScopeCount);
        Assert.Equal(0, await Kind.CountAsync("SELECT count(*) FROM first_pulls;"));
    }

    [Fact]
    public async Task AFirstPull_BringsTheExitsOfClientsThatLeftBeforeIt_SoALaptopThatOnlyPushedLetsGoOfThem()
    {
        var (store, anna, _) = await World();
        var left = await NewClient(store, anna, signals: 2);
        for (var i = 0; i < 12; i++)
            await NewClient(store, anna, signals: 0);
        await store.UnassignClientAsync(left, "Noord", Now);

        var pages = await Pages(store, anna, limit: 3, ownWritesHeld: true);

        var exits = pages.SelectMany(p => p.Changes).Where(c => c.Removed).ToList();
        Assert.Equal(3, exits.Count);
        Assert.Contains(exits, c => c.Table == "clients" && c.RowId == left);
        Assert.Equal(2, exits.Count(c => c.Table == "signals"));
        Assert.DoesNotContain(pages.SelectMany(p => p.Changes), c => !c.Removed);
    }

    [Fact]
    public async Task AFirstPageAnsweredAfterAnother_NeverRaisesTheHorizonKeptForTheNextPages()
    {
        var (store, anna, _) = await World();
        for (var i = 0; i < 12; i++)
            await NewClient(store, anna, signals: 0);
        var laptop = await StoreDevices.Enrol(store, "Anna", Now);
        Assert.True((await store.PullAsync(laptop, 0, 3, Now)).NextAnchor < 0);
        var kept = await Kind.CountAsync("SELECT horizon FROM first_pulls;");
        await NewClient(store, anna, signals: 1);

        // A request given up, answered after the one that replaced it.
        var late = await store.PullAsync(laptop, 0, 3, Now);

        Assert.True(late.NextAnchor < 0);
        Assert.Equal(kept, await Kind.CountAsync("SELECT horizon FROM first_pulls;"));
    }

    [Fact]
    public async Task MoreClientsThanOneReadLooksAt_ThatShareAPrefix_ComeWholeOnOnePage()
    {
        var (store, anna, _) = await World();
        var twins = SharingAPrefix(300);
        await PushAll(store, anna, twins);
        var others = Enumerable.Range(1, 3).Select(i => Guid.Parse($"7fffffff-0000-4000-8000-{i:D12}")).ToList();
        await PushAll(store, anna, others);
        var laptop = await StoreDevices.Enrol(store, "Anna", Now);

        var pages = await Pages(store, laptop, limit: 1);

        var page = Assert.Single(pages, p => p.Changes.Any(c => twins.Contains(c.RowId)));
        Assert.Equal(twins, page.Changes.Select(c => c.RowId).Where(twins.Contains).Order());
        Assert.Equal(await Stored([.. twins, .. others]), Versions(Held(pages)));
    }

    [Fact]
    public async Task ClientsThatShareAPrefix_AtTheEndOfWhatOneReadLooksAt_GoWholeToTheNextRead()
    {
        var (store, anna, _) = await World();
        var before = Enumerable.Range(1, 250).Select(i => Guid.Parse($"00000{i:D3}-0000-4000-8000-000000000000")).ToList();
        await PushAll(store, anna, before);
        var twins = SharingAPrefix(10);
        await PushAll(store, anna, twins);
        var laptop = await StoreDevices.Enrol(store, "Anna", Now);

        var pages = await Pages(store, laptop, limit: 2000);

        Assert.Equal(await Stored([.. before, .. twins]), Versions(Held(pages)));
    }

    [Fact]
    public async Task WritesMadeWhileAFirstPullIsUnderWay_ReachTheDevice_AndNoneIsLost()
    {
        var (store, anna, _) = await World();
        var clients = new List<Guid>();
        for (var i = 0; i < 30; i++)
            clients.Add(await NewClient(store, anna, signals: 0));
        var laptop = await StoreDevices.Enrol(store, "Anna", Now);

        var first = await store.PullAsync(laptop, 0, 5, Now);
        Assert.True(first.NextAnchor < 0);
        var (delivered, notYet) = (first.Changes[0].RowId, clients.Order().Last());
        Assert.DoesNotContain(first.Changes, c => c.RowId == notYet);
        await Update(store, anna, delivered, 1, "Sleutel bij de buren");
        await Update(store, anna, notYet, 1, "Trap naar de slaapkamer is te steil");
        // Below every client read so far: only the feed after the first pull's horizon can bring it.
        var lowest = Guid.Parse("00000000-0000-4000-8000-000000000001");
        await Insert(store, anna, "clients", lowest, ServerFixture.ClientColumns());

        List<PullResponse> pages = [first, .. await Pages(store, laptop, limit: 5, first.NextAnchor)];
        var held = Held(pages);

        Assert.Equal(await Stored([.. clients, lowest]), Versions(held));
        // A row written after the pull began comes once, by the feed, not also with its client.
        var versions = pages.SelectMany(p => p.Changes).Select(c => (c.Table, c.RowId, c.Version)).ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal("Sleutel bij de buren", held[("clients", delivered)].Columns["notes"]);
        Assert.Equal("Trap naar de slaapkamer is te steil", held[("clients", notYet)].Columns["notes"]);
    }

    [Fact]
    public async Task TheNextPagesOfAFirstPull_MayComeToAnotherInstance()
    {
        var (store, anna, _) = await World();
        var clients = new List<Guid>();
        for (var i = 0; i < 20; i++)
            clients.Add(await NewClient(store, anna, signals: 1));
        var laptop = await StoreDevices.Enrol(store, "Anna", Now);
        var first = await store.PullAsync(laptop, 0, 6, Now);
        await Update(store, anna, first.Changes.First(c => c.Table == "clients").RowId, 1, "Mantelzorger is de dochter");

        var other = await Kind.OpenAsync();
        var held = Held([first, .. await Pages(other, laptop, limit: 6, first.NextAnchor)]);

        Assert.Equal(await Stored(clients), Versions(held));
    }

    [Fact]
    public async Task AnAnchorOfAFirstPullWhoseHorizonTheStoreNoLongerHolds_StartsThePullAgain_InsteadOfSkippingClients()
    {
        var (store, anna, _) = await World();
        var clients = new List<Guid>();
        for (var i = 0; i < 20; i++)
            clients.Add(await NewClient(store, anna, signals: 0));
        var laptop = await StoreDevices.Enrol(store, "Anna", Now);
        var first = await store.PullAsync(laptop, 0, 5, Now);
        // A copy of the store from before the pull began, for one.
        Assert.Equal(1, await Kind.ExecAsync("DELETE FROM first_pulls;"));
        await Update(store, anna, first.Changes[0].RowId, 1, "Sleutel bij de buren");

        var rest = await Pages(store, laptop, limit: 5, first.NextAnchor);

        Assert.Contains(rest[0].Changes, c => c.RowId == clients.Order().First());
        Assert.Equal(await Stored(clients), Versions(Held([first, .. rest])));
    }

    [Fact]
    public async Task ClientsWhoseIdsShareTheFirst15HexDigits_AreNeverSplitAcrossPages()
    {
        var (store, anna, _) = await World();
        string[] twins = ["01234567-89ab-4cd1-8000-000000000001", "01234567-89ab-4cd2-8000-000000000002", "01234567-89ab-4cd3-8000-000000000003"];
        var clients = twins.Select(Guid.Parse).ToList();
        foreach (var twin in clients)
            await Insert(store, anna, "clients", twin, ServerFixture.ClientColumns());
        for (var i = 0; i < 6; i++)
            clients.Add(await NewClient(store, anna, signals: 0));
        var laptop = await StoreDevices.Enrol(store, "Anna", Now);

        var pages = await Pages(store, laptop, limit: 1);

        var page = Assert.Single(pages, p => p.Changes.Any(c => twins.Contains(c.RowId.ToString())));
        Assert.Equal(twins, page.Changes.Select(c => c.RowId.ToString()).Order());
        Assert.Equal(await Stored(clients), Versions(Held(pages)));
    }

    [Fact]
    public async Task ClientsWhoseRowsWereDeleted_StillComeInPagesOfAtMostTheLimit_ThoughTheirTombstonesCountForNothingInTheScopesSums()
    {
        var (store, anna, _) = await World();
        var clientOf = new Dictionary<Guid, Guid>();
        // One client, then twelve pairs whose ids share a prefix: each client one live row and three tombstones, which its
        // sums count as 1, so the first read takes ten clients and the one sharing the last one's prefix, 44 changes.
        var pairs = Enumerable.Range(1, 12).Select(i => (Guid.Parse($"{i:D8}-0000-4000-8000-000000000001"), Guid.Parse($"{i:D8}-0000-4000-8000-000000000002"))).ToList();
        foreach (var client in (IEnumerable<Guid>)[Guid.Parse("00000000-0000-4000-8000-000000000001"), .. pairs.SelectMany(p => new[] { p.Item1, p.Item2 })])
            await WithSignals(store, anna, client, 3, deleted: true, clientOf);

        var laptop = await StoreDevices.Enrol(store, "Anna", Now);
        var pages = await Pages(store, laptop, limit: 10);

        Assert.All(pages, page => Assert.InRange(page.Changes.Count, 0, 10));
        Assert.Equal(await Stored(clientOf.Values.Distinct().ToList()), Versions(Held(pages)));
        var pageOf = pages.SelectMany((page, i) => page.Changes.Select(c => (Page: i, Client: clientOf[c.RowId]))).ToLookup(d => d.Client, d => d.Page);
        Assert.All(pageOf, client => Assert.Single(client.Distinct()));
        Assert.All(pairs, pair => Assert.Equal(pageOf[pair.Item1].First(), pageOf[pair.Item2].First()));
        Assert.Equal(25, pages[^1].ScopeCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ARead_WhoseFirstClientNoLongerFitsAfterTheReadsBeforeIt_LeavesThatClientWholeToTheNextPage(bool deleted)
    {
        var (store, anna, _) = await World();
        var other = await StoreDevices.Enrol(store, "Anna", Now);
        var clientOf = new Dictionary<Guid, Guid>();
        var live = Enumerable.Range(1, 3).Select(i => Guid.Parse($"0000000{i}-0000-4000-8000-000000000000")).ToList();
        await PushAll(store, other, live);
        foreach (var client in live)
            clientOf[client] = client;
        // The laptop's own, left out: the first reads take them by their counts, and then comes a client of eight changes,
        // after the three changes of the first read. Live, its count does not fit the room left and no read takes it;
        // deleted, its count is 1, the fourth read takes all five such clients and none of them is kept.
        await PushAll(store, anna, Enumerable.Range(1, 21).Select(i => Guid.Parse($"1{i:D7}-0000-4000-8000-000000000000")));
        for (var i = 1; i <= 5; i++)
            await WithSignals(store, other, Guid.Parse($"2000000{i}-0000-4000-8000-000000000000"), 7, deleted, clientOf);

        var pages = await Pages(store, anna, limit: 10, ownWritesHeld: true);

        Assert.Equal(live, pages[0].Changes.Select(c => c.RowId).Order());
        Assert.All(pages, page => Assert.InRange(page.Changes.Count, 0, 10));
        Assert.Equal(await Stored(clientOf.Values.Distinct().ToList()), Versions(Held(pages)));
        var delivered = pages.SelectMany((page, i) => page.Changes.Select(c => (Page: i, Client: clientOf[c.RowId]))).ToList();
        Assert.All(delivered.GroupBy(d => d.Client), client => Assert.Single(client.Select(d => d.Page).Distinct()));
    }

    [Fact]
    public async Task ClientsSharingAPrefix_AfterOnlyTheLaptopsOwn_ComeOnTheFirstPage_NotAfterAPageOfNothing()
    {
        var (store, anna, _) = await World();
        var other = await StoreDevices.Enrol(store, "Anna", Now);
        await PushAll(store, anna, [Guid.Parse("00000001-0000-4000-8000-000000000000")]);
        var clientOf = new Dictionary<Guid, Guid>();
        // Eight live rows each, counted as such: together more than a page of ten.
        foreach (var client in SharingAPrefix(2))
            await WithSignals(store, other, client, 7, deleted: false, clientOf);

        var pages = await Pages(store, anna, limit: 10, ownWritesHeld: true);

        Assert.Equal(16, pages[0].Changes.Count);
        Assert.Equal(await Stored(clientOf.Values.Distinct().ToList()), Versions(Held(pages)));
    }

    [Fact]
    public async Task AFirstPullOfALaptopThatOnlyPushed_LeavesOutItsOwnWrites_InAFewPages_NotAnEmptyPageAClient()
    {
        var (store, anna, _) = await World();
        for (var i = 0; i < 60; i++)
            await NewClient(store, anna, signals: 0);

        var pages = await Pages(store, anna, limit: 2, ownWritesHeld: true);

        Assert.All(pages, page => Assert.Empty(page.Changes));
        Assert.InRange(pages.Count, 1, 3);
        Assert.Equal(60, pages[^1].ScopeCount);
    }

    [Theory]
    [InlineData("00000000-0000-0000-8000-000000000001", -1L)]
    [InlineData("ffffffff-ffff-4fff-bfff-ffffffffffff", -0xffffffffffff4ff - 1)]
    [InlineData("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d", -0x0a1b2c3d4e5f4a6 - 1)]
    public void AFirstPullsAnchor_IsTheLastClientsFirst15HexDigits_AndTheNextPageStartsAboveEveryIdWithThem(string client, long anchor)
    {
        Assert.Equal(anchor, FirstPullCursor.After(client));
        var from = FirstPullCursor.From(anchor);
        Assert.True(string.CompareOrdinal(client, from) < 0);
        Assert.True(string.CompareOrdinal(FirstPullCursor.Prefix(client) + "f-ffff-ffffffffffff", from) < 0);
        Assert.Equal(anchor, FirstPullCursor.After(from[..17] + "0-8000-000000000000"));
    }

    private async Task<(ISyncStore Store, DeviceSession Anna, DeviceSession Bram)> World()
    {
        var store = await Kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddTeamAsync("Zuid", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Zuid", Now);
        return (store, await StoreDevices.Enrol(store, "Anna", Now), await StoreDevices.Enrol(store, "Bram", Now));
    }

    /// <summary>A new client of the device's team, with that many signals, each in a push of its own.</summary>
    private async Task<Guid> NewClient(ISyncStore store, DeviceSession device, int signals)
    {
        var client = Guid.NewGuid();
        await WithSignals(store, device, client, signals, deleted: false, []);
        return client;
    }

    private Task Insert(ISyncStore store, DeviceSession device, string table, Guid row, Dictionary<string, string?> columns) =>
        Push(store, device, new Mutation(++_mutation, table, row, SyncProtocol.Operations.Insert, 0, columns));

    private Task Update(ISyncStore store, DeviceSession device, Guid client, long version, string notes) =>
        Push(store, device, new Mutation(++_mutation, "clients", client, SyncProtocol.Operations.Update, version, new Dictionary<string, string?> { ["notes"] = notes }));

    private static async Task Push(ISyncStore store, DeviceSession device, Mutation mutation)
    {
        var result = Assert.Single(await store.PushAsync(device, [mutation], Now));
        Assert.Equal(SyncProtocol.Results.Accepted, result.Status);
    }

    /// <summary>Every page from <paramref name="after"/> until the device has caught up.</summary>
    private static async Task<List<PullResponse>> Pages(ISyncStore store, DeviceSession device, int limit, long after = 0, bool ownWritesHeld = false)
    {
        var pages = new List<PullResponse>();
        await CatchUp.Pull(from => store.PullAsync(device, from, limit, Now, ownWritesHeld), after, pages.Add);
        return pages;
    }

    /// <summary>What a laptop holds after these pages: each row as last delivered (a laptop writes what comes).</summary>
    private static Dictionary<(string Table, Guid RowId), RowChange> Held(IEnumerable<PullResponse> pages)
    {
        var held = new Dictionary<(string, Guid), RowChange>();
        foreach (var change in pages.SelectMany(p => p.Changes))
            held[(change.Table, change.RowId)] = change;
        return held;
    }

    /// <summary>A laptop's holdings as (table, row, version), in order, as <see cref="Stored"/> answers the store's.</summary>
    private static List<(string Table, Guid RowId, long Version)> Versions(Dictionary<(string Table, Guid RowId), RowChange> held) =>
        [.. held.Select(h => (h.Key.Table, h.Key.RowId, h.Value.Version)).Order()];

    /// <summary>That many client ids that share their first 15 hex digits (FirstPullCursor), in order.</summary>
    private static List<Guid> SharingAPrefix(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Guid.Parse($"01234567-89ab-4cd0-8000-{i:D12}"))];

    /// <summary>A new client of the device's team with that many signals, deleted again or not; every row's client in <paramref name="clientOf"/>.</summary>
    private async Task WithSignals(ISyncStore store, DeviceSession device, Guid client, int signals, bool deleted, Dictionary<Guid, Guid> clientOf)
    {
        await Insert(store, device, "clients", client, ServerFixture.ClientColumns());
        clientOf[client] = client;
        for (var i = 0; i < signals; i++)
        {
            var signal = Guid.NewGuid();
            await Insert(store, device, "signals", signal, ServerFixture.SignalColumns(client));
            if (deleted)
                await Push(store, device, new Mutation(++_mutation, "signals", signal, SyncProtocol.Operations.Delete, 1, new Dictionary<string, string?>()));
            clientOf[signal] = client;
        }
    }

    /// <summary>These new clients, in one push.</summary>
    private async Task PushAll(ISyncStore store, DeviceSession device, IEnumerable<Guid> clients)
    {
        var results = await store.PushAsync(device, [.. clients.Select(c => new Mutation(++_mutation, "clients", c, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()))], Now);
        Assert.All(results, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
    }

    /// <summary>The rows the store holds of these clients, as (table, row, version), in order.</summary>
    private async Task<List<(string Table, Guid RowId, long Version)>> Stored(IReadOnlyCollection<Guid> clients)
    {
        await using var db = await Kind.ConnectAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT tbl, row_id, version FROM rows WHERE client_id IN ({string.Join(", ", clients.Select(c => $"'{c:D}'"))});";
        var stored = new List<(string, Guid, long)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            stored.Add((reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetInt64(2)));
        return [.. stored.Order()];
    }

    private static Guid ClientOf(RowChange change) => change.Table == "clients" ? change.RowId : Guid.Parse(change.Columns["client_id"]!);

    public sealed class OnSqlite() : FirstPullStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : FirstPullStoreTests(new PostgresKind(cluster));
}
