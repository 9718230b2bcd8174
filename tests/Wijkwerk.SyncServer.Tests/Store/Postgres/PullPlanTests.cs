using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// A pull walks the feed in order from the anchor and tests each row against the caseload's index, whatever the planner's
/// statistics say: with the caseload's statistics behind and a plan prepared for any anchor, a join held the caseload in
/// memory and compared every row of a page with every client (up to 0.8 s a page); with the feed's never gathered, every
/// row after the anchor was read and sorted for each page (0.3-0.6 s a page of 100,000).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PullPlanTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly PostgresKind _kind = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _kind.DisposeAsync();

    [Fact]
    public async Task TheFeedsScopeTest_WithTheCaseloadsStatisticsBehind_IsALookupPerRowInFeedOrder_NotAJoin()
    {
        var (store, device) = await AnnasStore();
        await using var db = (NpgsqlConnection)await _kind.ConnectAsync();
        await Push(store, device, 1, 30);
        await db.ExecAsync("ANALYZE team_clients; ANALYZE rows; ALTER TABLE team_clients SET (autovacuum_enabled = false);");
        await Push(store, device, 31, 600);

        await db.ExecAsync($"""
            SET plan_cache_mode = force_generic_plan;
            PREPARE page(bigint, bigint, text, int) AS SELECT xid, seq, columns FROM rows
            WHERE xid > $1 AND xid < $2 AND {PostgresDialect.Instance.FeedInScope("rows", "SELECT client_id FROM team_clients WHERE team_id IN ($3)")}
            ORDER BY xid, seq LIMIT $4;
            """);
        string team;
        await using (var teams = new NpgsqlCommand("SELECT id FROM teams;", db))
            team = (string)(await teams.ExecuteScalarAsync())!;
        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE page(0, 9999999999, '{team}', 2001);", db);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(0));
        }

        var text = string.Join('\n', plan);
        Assert.Contains("Index Scan using rows_feed on rows", text);
        Assert.Contains("SubPlan", text);
        Assert.DoesNotContain("Join", text);
        Assert.DoesNotContain("Materialize", text);
    }

    [Fact]
    public async Task APage_WhileTheFeedsStatisticsWereNeverGathered_ReadsAboutAPageOfTheFeed_NotEveryRowAfterTheAnchor()
    {
        var (store, device) = await AnnasFeedNeverAnalysed();
        var before = await RowsRead(atLeast: 0);

        // From anchor 1, past the first pull's reading client by client (tested below): the feed's walk.
        var page = await store.PullAsync(device, 1, 100, Now);
        var read = await RowsRead(atLeast: before + page.Changes.Count) - before;

        Assert.Equal(100, page.Changes.Count);
        Assert.True(page.HasMore);
        Assert.Equal(0, await _kind.CountAsync("SELECT count(*) FROM pg_stats WHERE tablename = 'rows'"));
        Assert.InRange(read, 100, 3 * 100);
    }

    [Fact]
    public async Task APullWithNothingNew_WhileTheFeedsStatisticsWereNeverGathered_ReadsNoRowOfTheFeed()
    {
        var (store, device) = await AnnasFeedNeverAnalysed();
        var anchor = await CatchUp.Pull(from => store.PullAsync(device, from, 2000, Now), 0, _ => { });
        var before = await RowsRead(atLeast: 0);

        // The page, and whether changes wait above the horizon: both walk the feed from where they start.
        var page = await store.PullAsync(device, anchor.NextAnchor, 100, Now);
        var read = await RowsRead(atLeast: before) - before;

        Assert.Empty(page.Changes);
        Assert.False(page.ScopeHeldBack);
        Assert.Equal(3000, page.ScopeCount);
        Assert.InRange(read, 0, 10);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFirstPull_BesideManyRowsOfAnotherTeam_ReadsItsOwnScope_NotTheFeedOfEveryTeam(bool statisticsGathered)
    {
        var (store, anna) = await AnnasStore();
        await store.AddTeamAsync("Zuid", Now);
        await store.AddWorkerAsync("Bram", Role.Nurse, "Zuid", Now);
        var bram = await StoreDevices.Enrol(store, "Bram", Now);
        await using (var db = (NpgsqlConnection)await _kind.ConnectAsync())
            await db.ExecAsync("ALTER TABLE rows SET (autovacuum_enabled = false); ALTER TABLE team_clients SET (autovacuum_enabled = false); ALTER TABLE client_sums SET (autovacuum_enabled = false);");
        // More of Anna's clients than one read of a first pull looks at, between many more of another team's.
        for (var push = 0; push < 60; push++)
        {
            await Push(store, bram, 1 + push * 50, 50);
            await Push(store, anna, 1 + push * 10, 10);
        }

        if (statisticsGathered)
        {
            await using var db = (NpgsqlConnection)await _kind.ConnectAsync();
            await db.ExecAsync("ANALYZE rows; ANALYZE team_clients; ANALYZE client_sums;");
        }

        var laptop = await StoreDevices.Enrol(store, "Anna", Now);
        var before = await RowsRead(atLeast: 0);
        var delivered = 0;
        await CatchUp.Pull(from => store.PullAsync(laptop, from, 250, Now), 0, page => delivered += page.Changes.Count);
        var read = await RowsRead(atLeast: before + delivered) - before;

        Assert.Equal(600, delivered);
        Assert.InRange(read, 600, 3 * 600);
    }

    [Fact]
    public async Task AFirstPull_ReadsTheClientsThatFitItsPage_NotOneMoreToPutBack()
    {
        var (store, anna) = await AnnasStore();
        // Forty clients of seven rows each: a page of ten holds one of them.
        var mutation = 0L;
        for (var i = 0; i < 40; i++)
        {
            var client = Guid.NewGuid();
            await store.PushAsync(anna, [
                new Mutation(++mutation, "clients", client, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()),
                .. Enumerable.Range(0, 6).Select(_ => new Mutation(++mutation, "signals", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.SignalColumns(client))),
            ], Now);
        }

        var laptop = await StoreDevices.Enrol(store, "Anna", Now);
        var (before, lookedUp) = (await RowsRead(atLeast: 0), await SumsLookups(atLeast: 0));
        var pages = new List<PullResponse>();
        await CatchUp.Pull(from => store.PullAsync(laptop, from, 10, Now), 0, pages.Add);
        var read = await RowsRead(atLeast: before + 280) - before;
        var lookups = await SumsLookups(atLeast: lookedUp + 40) - lookedUp;

        Assert.All(pages.SkipLast(1), page => Assert.Equal(7, page.Changes.Count));
        Assert.Equal(280, pages.Sum(p => p.Changes.Count));
        Assert.InRange(read, 280, 280 + 20);
        // Each page looks at the clients left (40, 39, … 1: 820) once, and the last page sums the scope; not a second
        // time to learn that the next client does not fit.
        Assert.InRange(lookups, 820, 820 + 100);
    }

    /// <summary>Anna's store with 3,000 clients in the feed, pushed 50 at a time, and no statistics gathered on the feed or the caseload.</summary>
    private async Task<(ISyncStore Store, DeviceSession Device)> AnnasFeedNeverAnalysed()
    {
        var (store, device) = await AnnasStore();
        await using (var db = (NpgsqlConnection)await _kind.ConnectAsync())
        {
            // Autovacuum would analyse the tables a while after they fill; until then the planner only guesses.
            await db.ExecAsync("ALTER TABLE rows SET (autovacuum_enabled = false); ALTER TABLE team_clients SET (autovacuum_enabled = false);");
        }

        for (var push = 0; push < 60; push++)
            await Push(store, device, 1 + push * 50, 50);
        return (store, device);
    }

    /// <summary>A store with one nurse of one team, and her device.</summary>
    private async Task<(ISyncStore Store, DeviceSession Device)> AnnasStore()
    {
        var store = await _kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        return (store, await StoreDevices.Enrol(store, "Anna", Now));
    }

    /// <summary>Rows of <c>rows</c> read so far, through any of its indexes or by scanning it (<see cref="Settled"/>).</summary>
    private Task<long> RowsRead(long atLeast) => Settled(
        "SELECT (SELECT coalesce(sum(idx_tup_read), 0) FROM pg_stat_user_indexes WHERE relname = 'rows')"
        + " + (SELECT coalesce(sum(seq_tup_read), 0) FROM pg_stat_user_tables WHERE relname = 'rows')", "rows read", atLeast);

    /// <summary>Look-ups in the scope's sums so far: each client a first pull's read looks at is one (<see cref="Settled"/>).</summary>
    private Task<long> SumsLookups(long atLeast) => Settled(
        "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes WHERE relname = 'client_sums'", "look-ups in client_sums", atLeast);

    /// <summary>
    /// A count from the statistics, once the store's sessions have ended (a session hands its counts to the statistics when
    /// it ends), the figure reaches <paramref name="atLeast"/> and stands still. Each count is read in a session of its own,
    /// which sees the statistics as they are then.
    /// </summary>
    private async Task<long> Settled(string sql, string what, long atLeast)
    {
        NpgsqlConnection.ClearAllPools();
        long last = -1;
        for (var (still, round) = (0, 0); round < 150; round++)
        {
            var now = await _kind.CountAsync(sql);
            still = now == last && now >= atLeast ? still + 1 : 0;
            if (still == 3)
                return now;
            last = now;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The {what} did not settle at {atLeast} or more within fifteen seconds (last {last}).");
    }

    private static async Task Push(ISyncStore store, DeviceSession device, long first, int count) =>
        await store.PushAsync(device, [.. Enumerable.Range(0, count).Select(i => new Mutation(first + i, "clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()))], Now);
}
