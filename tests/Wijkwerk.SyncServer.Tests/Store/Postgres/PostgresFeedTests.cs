using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// The commit-safe feed with several writers (issue 15 item 2): two store instances on one PostgreSQL database, as two
/// server processes would use it; a transaction left open elsewhere; one row written by both instances at once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFeedTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly PostgresKind _kind = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _kind.DisposeAsync();

    [Fact]
    public async Task ManyDevicesOnTwoInstances_PushingAndPullingAtOnce_EveryCommittedRowReachesEveryDevice_NoneTwiceWithOtherValues()
    {
        var first = await _kind.OpenAsync();
        var second = await _kind.OpenAsync();
        await first.AddTeamAsync("Noord", Now);
        await first.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        var devices = new List<(ISyncStore Store, DeviceSession Device)>();
        for (var n = 0; n < 12; n++)
            devices.Add((n % 2 == 0 ? first : second, await Device(first, "Anna")));
        var shared = Guid.NewGuid();
        Assert.Equal(SyncProtocol.Results.Accepted, (await first.PushAsync(devices[0].Device, [new Mutation(1, "clients", shared, "insert", 0, ServerFixture.ClientColumns())], Now))[0].Status);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        // Each device pushes its own clients and household members and updates the one shared client, pulling between pushes.
        var runs = devices.Select((d, i) => Task.Run(async () =>
        {
            var seen = new Dictionary<(string, Guid), long>();
            var delivered = new Dictionary<(string, Guid, long), uint>();
            var sharedVersions = new List<long>();
            long anchor = 0, mutation = 1_000;
            for (var batch = 0; batch < 15 && !limit.IsCancellationRequested; batch++)
            {
                var client = Guid.NewGuid();
                var results = await d.Store.PushAsync(d.Device,
                [
                    new Mutation(++mutation, "clients", client, "insert", 0, ServerFixture.ClientColumns("D" + i)),
                    new Mutation(++mutation, "household_members", Guid.NewGuid(), "insert", 0, ServerFixture.HouseholdColumns(client, "H" + batch)),
                    new Mutation(++mutation, "clients", shared, "update", seen.GetValueOrDefault(("clients", shared), 1), new Dictionary<string, string?> { ["notes"] = $"{i}/{batch}" }),
                ], DateTimeOffset.UtcNow);
                Assert.DoesNotContain(results, r => r.Status == SyncProtocol.Results.Refused);
                if (results[2].Status == SyncProtocol.Results.Accepted)
                    sharedVersions.Add(results[2].Version);
                anchor = await PullInto(d.Store, d.Device, anchor, seen, delivered);
            }

            return (Seen: seen, Delivered: delivered, SharedVersions: sharedVersions, Anchor: anchor);
        })).ToList();
        var outcomes = await Task.WhenAll(runs);

        var expected = new Dictionary<(string, Guid), long>();
        var final = await PullAll(second, await Device(second, "Anna"), expected);
        Assert.Equal(1 + 12 * 15 * 2, expected.Count(e => e.Key.Item1 != SyncProtocol.ConflictsTable));
        Assert.Equal(final.ScopeCount, expected.Count);
        // Every accepted update of the shared row got its own version: no two writers read the same version and wrote over each other.
        var versions = outcomes.SelectMany(o => o.SharedVersions).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.True(expected[("clients", shared)] >= versions.Max());
        foreach (var ((store, device), outcome) in devices.Zip(outcomes))
        {
            var state = outcome.Seen;
            var last = await PullFrom(store, device, outcome.Anchor, state);
            Assert.Equal(expected.OrderBy(e => e.Key), state.OrderBy(e => e.Key));
            Assert.Equal((final.ScopeCount, final.ScopeChecksum), (last.ScopeCount, last.ScopeChecksum));
        }
    }

    [Fact]
    public async Task ALongTransactionElsewhere_HoldsPullsBackUntilItEnds_ThenEveryChangeArrives()
    {
        var store = await _kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        var writer = await Device(store, "Anna");
        var reader = await Device(store, "Anna");
        var before = Guid.NewGuid();
        await store.PushAsync(writer, [new Mutation(1, "clients", before, "insert", 0, ServerFixture.ClientColumns())], Now);
        var anchor = (await store.PullAsync(reader, 0, 100, Now)).NextAnchor;

        await using var other = (NpgsqlConnection)await _kind.ConnectAsync();
        await using var open = await other.BeginTransactionAsync();
        long openXid;
        await using (var take = new NpgsqlCommand("SELECT pg_current_xact_id()::text::bigint;", other, open))
            openXid = (long)(await take.ExecuteScalarAsync())!;
        var during = Guid.NewGuid();
        await store.PushAsync(writer, [new Mutation(2, "clients", during, "insert", 0, ServerFixture.ClientColumns())], Now);
        var held = await store.PullAsync(reader, anchor, 100, Now);
        await open.RollbackAsync();
        var released = await store.PullAsync(reader, held.NextAnchor, 100, Now);

        Assert.Empty(held.Changes);
        Assert.True(held.NextAnchor < openXid, $"anchor {held.NextAnchor} passed the open transaction {openXid}");
        Assert.Equal([during], released.Changes.Select(c => c.RowId));
    }

    [Fact]
    public async Task ATransactionLargerThanThePage_ComesWhole_AndTheNextPageStartsAfterIt()
    {
        var store = await _kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        var writer = await Device(store, "Anna");
        var reader = await Device(store, "Anna");
        // Past its first pull (which reads client by client), the reader walks the feed.
        await store.PushAsync(writer, [new Mutation(1, "clients", Guid.NewGuid(), "insert", 0, ServerFixture.ClientColumns())], Now);
        var anchor = (await CatchUp.Pull(from => store.PullAsync(reader, from, 100, Now), 0, _ => { })).NextAnchor;
        var big = Enumerable.Range(2, 7).Select(n => new Mutation(n, "clients", Guid.NewGuid(), "insert", 0, ServerFixture.ClientColumns())).ToList();
        await store.PushAsync(writer, big, Now);
        await store.PushAsync(writer, [new Mutation(9, "clients", Guid.NewGuid(), "insert", 0, ServerFixture.ClientColumns())], Now);

        var page = await store.PullAsync(reader, anchor, 3, Now);
        var rest = await store.PullAsync(reader, page.NextAnchor, 3, Now);

        Assert.Equal(big.Select(m => m.RowId), page.Changes.Select(c => c.RowId));
        Assert.True(page.HasMore);
        Assert.Single(rest.Changes);
        Assert.False(rest.HasMore);
    }

    [Fact]
    public async Task AFeedEntry_TakesItsTransactionsPlace_WhateverPlaceItsWriterGives_AndKeepsItWhileItsSeqStays()
    {
        await _kind.OpenAsync();
        await using var db = (NpgsqlConnection)await _kind.ConnectAsync();
        const string Here = "pg_current_xact_id()::text::bigint + feed_offset()";
        const string Insert = """
            INSERT INTO rows(tbl, row_id, client_id, version, columns, column_versions, checksum, updated_at, updated_by, updated_device, seq, xid)
            VALUES ('clients', 'named', 'c', 1, '{}', '{}', 0, 't', 'w', 'd', 900001, 5), ('clients', 'unnamed', 'c', 1, '{}', '{}', 0, 't', 'w', 'd', 900002, DEFAULT);
            INSERT INTO scope_events(seq, team_id, client_id, kind, tbl, row_id, at, xid) VALUES (900003, 't', 'c', 'exit', 'clients', 'named', 't', 7);
            INSERT INTO conflicts(id, tbl, row_id, client_id, column_name, kept_by, other_by, kept_device, other_device, at, version, checksum, seq, xid)
            VALUES ('k', 'clients', 'named', 'c', 'notes', 'w', 'w', 'd', 'd', 't', 1, 0, 900005, 6);
            """;
        long written;
        await using (var tx = await db.BeginTransactionAsync())
        {
            written = await db.ScalarAsync<long>($"{Insert} SELECT {Here};");
            Assert.Equal([written, written, written, written], await Places(db));
            await tx.CommitAsync();
        }

        await using (var tx = await db.BeginTransactionAsync())
        {
            // A write that keeps the seq keeps the place, whatever place it names; one that moves it, an upsert as a push
            // writes a stored row, takes this transaction's place.
            var moved = await db.ScalarAsync<long>($$"""
                UPDATE rows SET version = 2, xid = 9 WHERE row_id = 'named';
                INSERT INTO rows(tbl, row_id, client_id, version, columns, column_versions, checksum, updated_at, updated_by, updated_device, seq)
                VALUES ('clients', 'unnamed', 'c', 2, '{}', '{}', 0, 't', 'w', 'd', 900004)
                ON CONFLICT (tbl, row_id) DO UPDATE SET version = excluded.version, seq = excluded.seq;
                UPDATE conflicts SET resolved = 1, xid = 9 WHERE id = 'k';
                SELECT {{Here}};
                """);
            Assert.NotEqual(written, moved);
            Assert.Equal([written, moved, written, written], await Places(db));
            await tx.CommitAsync();
        }
    }

    /// <summary>The places of the rows 'named' and 'unnamed', of the scope event and of the conflict record, in that order.</summary>
    private static async Task<List<long>> Places(NpgsqlConnection db)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT xid FROM (SELECT 1 AS o, xid FROM rows WHERE row_id = 'named' UNION ALL SELECT 2, xid FROM rows WHERE row_id = 'unnamed'
                UNION ALL SELECT 3, xid FROM scope_events WHERE seq = 900003 UNION ALL SELECT 4, xid FROM conflicts WHERE id = 'k') p ORDER BY o;
            """, db);
        await using var reader = await cmd.ExecuteReaderAsync();
        var places = new List<long>();
        while (await reader.ReadAsync())
            places.Add(reader.GetInt64(0));
        return places;
    }

    private static Task<DeviceSession> Device(ISyncStore store, string worker) => StoreDevices.Enrol(store, worker, Now);

    /// <summary>
    /// Pulls to the end of the feed. A row may come again (a conflicting push has the server send its row back), but only
    /// as it was: the same version with other values, or an older version after a newer one, fails the test.
    /// </summary>
    private static async Task<long> PullInto(ISyncStore store, DeviceSession device, long anchor, Dictionary<(string, Guid), long> state, Dictionary<(string, Guid, long), uint> delivered)
    {
        PullResponse page;
        do
        {
            page = await store.PullAsync(device, anchor, 25, DateTimeOffset.UtcNow);
            foreach (var change in page.Changes)
            {
                var sum = ScopeChecksum.Of(change.Table, change.RowId, change.Version, change.Columns);
                Assert.Equal(delivered.GetValueOrDefault((change.Table, change.RowId, change.Version), sum), sum);
                delivered[(change.Table, change.RowId, change.Version)] = sum;
                Assert.True(change.Version >= state.GetValueOrDefault((change.Table, change.RowId)), $"{change.Table} {change.RowId} went back to v{change.Version}");
                Apply(state, change);
            }

            anchor = page.NextAnchor;
        }
        while (page.HasMore);

        return anchor;
    }

    private static Task<PullResponse> PullFrom(ISyncStore store, DeviceSession device, long anchor, Dictionary<(string, Guid), long> state) =>
        CatchUp.Pull(from => store.PullAsync(device, from, 500, DateTimeOffset.UtcNow), anchor, page =>
        {
            foreach (var change in page.Changes)
                Apply(state, change);
        });

    private static Task<PullResponse> PullAll(ISyncStore store, DeviceSession device, Dictionary<(string, Guid), long> state) => PullFrom(store, device, 0, state);

    private static void Apply(Dictionary<(string, Guid), long> state, RowChange change)
    {
        if (change.Deleted || change.Removed)
            state.Remove((change.Table, change.RowId));
        else
            state[(change.Table, change.RowId)] = change.Version;
    }
}
