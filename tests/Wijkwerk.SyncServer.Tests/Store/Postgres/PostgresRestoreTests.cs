using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// The documented pg_dump/pg_restore route (issue 15 item 6), at store level: a dump of a store in use, more writes
/// after it, the dump restored into a new database of a second, fresh cluster (whose transaction ids start far below the
/// first one's), and the store opened there as a server instance starts. Once with real laptop stores and sync engines
/// talking to the store directly (<see cref="StoreLaptop"/>, no HTTP host), once with laptops reduced to their anchor and
/// rows, to look at the feed itself.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestoreTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly PostgresKind _kind = new(cluster);
    private readonly PostgresCluster _fresh = new();
    private long _mutation;

    public Task InitializeAsync() => _fresh.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _kind.DisposeAsync();
        await _fresh.DisposeAsync();
    }

    [Fact]
    public async Task DumpRestoredIntoAFreshCluster_NewChangesReachEveryAnchor_ALaptopsEditsAfterTheDumpSurvive()
    {
        var lost = await _kind.OpenAsync();
        await BurnTransactionIds(2_000);
        await lost.AddTeamAsync("Noord", Now);
        await lost.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await lost.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        var (anna, bram) = (new Laptop(await Device(lost, "Anna")), new Laptop(await Device(lost, "Bram")));
        var known = Guid.NewGuid();
        await anna.Push(lost, this, "clients", known, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Geertje"));
        await anna.Pull(lost);
        await bram.Pull(lost);
        await BurnTransactionIds(2_000);

        var dump = await cluster.DumpAsync(await ConnectionOf(_kind));
        // Written after the dump, lost by the restore: Anna's edit of a known client and her new client.
        await anna.Push(lost, this, "clients", known, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["notes"] = "Na de dump geschreven" });
        var lostClient = Guid.NewGuid();
        await anna.Push(lost, this, "clients", lostClient, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Hendrik"));
        await anna.Pull(lost);
        await bram.Pull(lost);
        var anchors = (Anna: anna.Anchor, Bram: bram.Anchor);

        var restoredConnection = await _fresh.RestoreAsync(dump);
        var restored = new PostgresSyncStore(restoredConnection);
        await restored.MigrateAsync();
        var freshXid = await Scalar(restoredConnection, "SELECT pg_current_xact_id()::text::bigint;");
        Assert.True(freshXid < anchors.Bram, $"the fresh cluster's ids ({freshXid}) should start below the anchors ({anchors.Bram}) for this test to mean anything");
        // Bram's laptop pushes new work to the restored server; Anna's pull must bring it, though her anchor lies past the dump.
        var afterRestore = Guid.NewGuid();
        await bram.Push(restored, this, "clients", afterRestore, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Ingrid"));
        var annaPage = await anna.Pull(restored);

        Assert.Contains(afterRestore, anna.Rows.Keys.Select(k => k.Id));
        Assert.True(annaPage.NextAnchor > anchors.Anna);
        // The restored rows older than Anna's did not come as an ordinary pull over hers; the sums differ, so she repairs.
        Assert.Equal("Na de dump geschreven", anna.Rows[("clients", known)].Columns["notes"]);
        Assert.NotEqual((annaPage.ScopeCount, annaPage.ScopeChecksum), anna.Sums());
        await anna.Repair(restored, this);

        var fresh = new Laptop(await Device(restored, "Bram"));
        var final = await fresh.Pull(restored);
        Assert.Equal(new[] { known, lostClient, afterRestore }.Order(), fresh.Rows.Keys.Select(k => k.Id).Order());
        Assert.Equal("Na de dump geschreven", fresh.Rows[("clients", known)].Columns["notes"]);
        Assert.Equal((final.ScopeCount, final.ScopeChecksum), fresh.Sums());
        foreach (var laptop in new[] { anna, bram })
        {
            var page = await laptop.Pull(restored);
            Assert.Equal((page.ScopeCount, page.ScopeChecksum), laptop.Sums());
            Assert.Equal(fresh.Rows.Keys.Order(), laptop.Rows.Keys.Order());
        }
    }

    [Fact]
    public async Task DumpRestoredIntoAFreshCluster_RealLaptopsSyncOn_NoRowIsLost_TheirWorkAfterTheDumpComesBack()
    {
        var lost = await _kind.OpenAsync();
        await BurnTransactionIds(2_000);
        await lost.AddTeamAsync("Noord", Now);
        await lost.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        await lost.AddWorkerAsync("Bram", Role.Nurse, "Noord", Now);
        using var anna = await StoreLaptop.Enrol(lost, "Anna");
        using var bram = await StoreLaptop.Enrol(lost, "Bram");
        var known = anna.NewClient("Geertje");
        await anna.Sync(lost);
        await bram.Sync(lost);
        var dump = await cluster.DumpAsync(await ConnectionOf(_kind));

        // Written after the dump: the restore loses all of it. Only Bram holds his own client.
        var lostByAnna = anna.NewClient("Hendrik");
        anna.Store.Clients.Update(anna.Clients().Single(c => c.Id == known.Id) with { Notes = "Na de dump geschreven" });
        await anna.Sync(lost);
        var lostByBram = bram.NewClient("Ineke");
        await bram.Sync(lost);
        Assert.Equal(3, bram.Clients().Count);

        var restored = new PostgresSyncStore(await _fresh.RestoreAsync(dump));
        await restored.MigrateAsync();
        var afterRestore = Enumerable.Range(0, 3).Select(i => anna.NewClient("Na" + i).Id).ToList();
        var annaRepair = await anna.Sync(restored);
        var bramRepair = await bram.Sync(restored);
        var annaAgain = await anna.Sync(restored);
        using var fresh = await StoreLaptop.Enrol(restored, "Bram");
        var server = await fresh.Sync(restored);

        var everyClient = new[] { known.Id, lostByAnna.Id, lostByBram.Id }.Concat(afterRestore).Select(c => c.Value).Order().ToList();
        // Anna pushes her lost client and her lost edit again, Bram his lost client; Anna's new clients reach him as ordinary changes.
        Assert.Equal(2, annaRepair.Repair?.Requeued);
        Assert.Equal(1, bramRepair.Repair?.Requeued);
        Assert.True(annaRepair.Converged && bramRepair.Converged);
        Assert.All(new[] { annaAgain, server, await bram.Sync(restored) }, r => Assert.True(r.Converged));
        foreach (var laptop in new[] { anna, bram, fresh })
        {
            Assert.Equal(everyClient, laptop.Clients().Select(c => c.Id.Value).Order().ToList());
            Assert.Equal("Na de dump geschreven", laptop.Clients().Single(c => c.Id == known.Id).Notes);
        }
    }

    [Fact]
    public async Task AStoreStartedAgainOnItsOwnDatabase_KeepsItsFeedWhereItWas()
    {
        var store = await _kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        var connection = await ConnectionOf(_kind);
        var offset = await Scalar(connection, "SELECT feed_offset();");
        await _kind.OpenAsync();

        Assert.Equal(0, offset);
        Assert.Equal(offset, await Scalar(connection, "SELECT feed_offset();"));
    }

    private static async Task<long> Scalar(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ConnectionOf(PostgresKind kind)
    {
        await using var db = await kind.ConnectAsync();
        return db.ConnectionString;
    }

    /// <summary>Moves the first cluster's transaction counter on, as the other work of a real cluster does: the dump's positions then lie above the fresh cluster's ids.</summary>
    private async Task BurnTransactionIds(int count)
    {
        await using var db = (NpgsqlConnection)await _kind.ConnectAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_current_xact_id();", db);
        for (var i = 0; i < count; i++)
            await cmd.ExecuteScalarAsync();
    }

    private static Task<DeviceSession> Device(ISyncStore store, string worker) => StoreDevices.Enrol(store, worker, Now);

    /// <summary>A laptop reduced to what the feed decides: its anchor and the rows it holds.</summary>
    private sealed class Laptop(DeviceSession device)
    {
        public long Anchor { get; private set; }

        public Dictionary<(string Table, Guid Id), RowChange> Rows { get; } = [];

        public (long Count, uint Checksum) Sums() => (Rows.Count, ScopeChecksum.Sum(Rows.Values.Select(c => ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns))));

        public async Task Push(ISyncStore store, PostgresRestoreTests test, string table, Guid id, string operation, long version, IReadOnlyDictionary<string, string?> columns)
        {
            var result = (await store.PushAsync(device, [new Mutation(Interlocked.Increment(ref test._mutation), table, id, operation, version, columns)], DateTimeOffset.UtcNow)).Single();
            Assert.True(result.Status == SyncProtocol.Results.Accepted, result.Reason);
            var held = Rows.GetValueOrDefault((table, id))?.Columns ?? new Dictionary<string, string?>();
            var merged = new Dictionary<string, string?>(held);
            foreach (var (column, value) in columns)
                merged[column] = value;
            Rows[(table, id)] = new RowChange(0, table, id, result.Version, false, false, DateTimeOffset.UtcNow, device.WorkerId, merged);
        }

        public async Task<PullResponse> Pull(ISyncStore store)
        {
            PullResponse page;
            var pages = 0;
            do
            {
                page = await store.PullAsync(device, Anchor, 500, DateTimeOffset.UtcNow);
                foreach (var change in page.Changes)
                {
                    if (change.Deleted || change.Removed)
                        Rows.Remove((change.Table, change.RowId));
                    else
                        Rows[(change.Table, change.RowId)] = change;
                }

                Anchor = page.NextAnchor;
            }
            while (page.HasMore && ++pages < 1000);

            return page;
        }

        /// <summary>As ScopeRepair: the whole scope again; a row held at a newer version goes back as an update, one the server lacks as an insert.</summary>
        public async Task Repair(ISyncStore store, PostgresRestoreTests test)
        {
            var server = new Laptop(device);
            await server.Pull(store);
            var held = Rows.ToList();
            foreach (var (key, theirs) in server.Rows)
            {
                if (!Rows.TryGetValue(key, out var mine) || mine.Version <= theirs.Version)
                    Rows[key] = theirs;
            }

            foreach (var (key, mine) in held)
            {
                if (server.Rows.GetValueOrDefault(key) is { } theirs)
                {
                    if (mine.Version > theirs.Version)
                        await Push(store, test, key.Table, key.Id, SyncProtocol.Operations.Update, theirs.Version, Changed(theirs.Columns, mine.Columns));
                }
                else
                {
                    await Push(store, test, key.Table, key.Id, SyncProtocol.Operations.Insert, 0, mine.Columns);
                }
            }

            Anchor = server.Anchor;
            await Pull(store);
        }

        private static Dictionary<string, string?> Changed(IReadOnlyDictionary<string, string?> theirs, IReadOnlyDictionary<string, string?> mine) =>
            mine.Where(c => theirs.GetValueOrDefault(c.Key) != c.Value).ToDictionary(c => c.Key, c => c.Value);
    }
}
