using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// The ordering rule at the store, on both stores: SQLite takes seq inside BEGIN IMMEDIATE (seq order is commit
/// order), PostgreSQL serves only transactions below its snapshot's xmin. Writers go through two store instances on one
/// store (as two processes would: they meet in the database, not in an in-process queue) while pullers read from their
/// anchors. Every puller's union must equal the final state, with the same count and checksum.
/// </summary>
public abstract class SeqOrderStoreTests(StoreKind kind) : StoreTest(kind)
{
    [Fact]
    public async Task ConcurrentWritersOnTwoInstances_AndPullers_EveryPullersUnionEqualsTheFinalState()
    {
        var first = await Kind.OpenAsync();
        var second = await Kind.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await first.AddTeamAsync("Noord", now);
        await first.AddWorkerAsync("Anna", Role.Nurse, "Noord", now);
        async Task<DeviceSession> Device(ISyncStore store, int n)
        {
            var hash = "code-hash-" + n;
            await store.AddEnrolmentCodeAsync("Anna", hash, now.AddHours(1), now);
            var enrolled = await store.EnrolAsync(hash, new NewDevice(Guid.NewGuid(), "d" + n, "t" + n, "token-hash-" + n), now);
            return (await store.FindDeviceAsync("token-hash-" + n))!;
        }

        var writers = new List<(ISyncStore Store, DeviceSession Device)>();
        for (var i = 0; i < 4; i++)
            writers.Add((i % 2 == 0 ? first : second, await Device(first, i)));
        var pullers = new[] { await Device(first, 10), await Device(second, 11) };
        // Clients in place before the pullers start, whom the writers change too: the pullers' first pulls read them client
        // by client over several pages while they change.
        var seeded = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();
        var seed = await Device(first, 30);
        Assert.All(await first.PushAsync(seed, [.. seeded.Select((c, n) => new Mutation(n + 1, "clients", c, "insert", 0, ServerFixture.ClientColumns("S")))], now),
            r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        using var stop = new CancellationTokenSource();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var pulling = pullers.Select((p, i) => Task.Run(async () =>
        {
            var store = i == 0 ? first : second;
            var state = new Dictionary<(string, Guid), long>();
            long anchor = 0;
            while (!stop.IsCancellationRequested && !limit.IsCancellationRequested)
                anchor = Apply(state, await store.PullAsync(p, anchor, 7, DateTimeOffset.UtcNow));
            var last = await CatchUp.Pull(from => store.PullAsync(p, from, 7, DateTimeOffset.UtcNow), anchor, page => Apply(state, page));
            return (state, last);
        })).ToList();

        var writing = writers.Select((w, i) => Task.Run(async () =>
        {
            var clients = new List<Guid>(seeded);
            long mutation = 0;
            for (var batch = 0; batch < 40 && !limit.IsCancellationRequested; batch++)
            {
                var fresh = Guid.NewGuid();
                var mutations = new List<Mutation> { new(++mutation, "clients", fresh, "insert", 0, ServerFixture.ClientColumns("W" + i)) };
                if (clients.Count > 0)
                {
                    var old = clients[batch % clients.Count];
                    mutations.Add(new(++mutation, "clients", old, "update", 0, new Dictionary<string, string?> { ["notes"] = $"{i}/{batch}" }));
                    mutations.Add(new(++mutation, "household_members", Guid.NewGuid(), "insert", 0, ServerFixture.HouseholdColumns(old, "x")));
                }

                var results = await w.Store.PushAsync(w.Device, mutations, DateTimeOffset.UtcNow);
                Assert.DoesNotContain(results, r => r.Status == SyncProtocol.Results.Refused);
                clients.Add(fresh);
            }
        })).ToList();

        await Task.WhenAll(writing);
        await stop.CancelAsync();
        var pulled = await Task.WhenAll(pulling);

        var final = await Device(first, 20);
        var expected = new Dictionary<(string, Guid), long>();
        var rows = new Dictionary<(string, Guid), RowChange>();
        var last = await CatchUp.Pull(from => first.PullAsync(final, from, 2000, DateTimeOffset.UtcNow), 0, page =>
        {
            Apply(expected, page);
            foreach (var change in page.Changes)
                rows[(change.Table, change.RowId)] = change;
        });

        // The seeded clients; per writer, 40 clients and 40 household members; and the conflict records of the writers'
        // changes to the same seeded clients.
        Assert.Equal(60 + 4 * (40 + 40), expected.Keys.Count(k => k.Item1 != "conflicts"));
        Assert.Equal(last.ScopeCount, expected.Count);
        Assert.Equal(last.ScopeChecksum, ScopeChecksum.Sum(expected.Keys.Select(k => rows[k]).Select(c => ScopeChecksum.Of(c.Table, c.RowId, c.Version, c.Columns))));
        foreach (var (state, response) in pulled)
        {
            Assert.Equal(expected.OrderBy(e => e.Key), state.OrderBy(e => e.Key));
            Assert.Equal(last.ScopeChecksum, response.ScopeChecksum);
        }
    }

    private static long Apply(Dictionary<(string, Guid), long> state, PullResponse page)
    {
        foreach (var change in page.Changes)
        {
            if (change.Deleted || change.Removed)
                state.Remove((change.Table, change.RowId));
            else
                state[(change.Table, change.RowId)] = change.Version;
        }

        return page.NextAnchor;
    }

    public sealed class OnSqlite() : SeqOrderStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : SeqOrderStoreTests(new PostgresKind(cluster));
}
