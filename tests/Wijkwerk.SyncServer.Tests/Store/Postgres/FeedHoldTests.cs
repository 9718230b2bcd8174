using Microsoft.Extensions.Logging;
using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Hosting;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// "Feed held back since …": what the server reads of a PostgreSQL feed held by a transaction open elsewhere (the
/// horizon, the changes waiting above it, the holder's process id and since when it is open), and when it warns: only
/// after the horizon stood still past the threshold with changes waiting, then at most once per interval.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FeedHoldTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private readonly PostgresKind _kind = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _kind.DisposeAsync();

    [Fact]
    public async Task ATransactionOpenElsewhere_TheFeedReadsItsHolderAndTheChangesWaiting_UntilItEnds()
    {
        var store = (PostgresSyncStore)await _kind.OpenAsync();
        await store.AddTeamAsync("Noord", Now);
        await store.AddWorkerAsync("Anna", Role.Nurse, "Noord", Now);
        var device = await StoreDevices.Enrol(store, "Anna", Now);
        var idle = await store.FeedHoldAsync();

        await using var other = (NpgsqlConnection)await _kind.ConnectAsync();
        await using var open = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_current_xact_id();", other, open))
            await take.ExecuteScalarAsync();
        for (var i = 1; i <= 3; i++)
            await store.PushAsync(device, [new Mutation(i, "clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns())], Now);
        var held = await store.FeedHoldAsync();
        await open.RollbackAsync();
        var released = await store.FeedHoldAsync();

        Assert.Equal(0, idle.Waiting);
        Assert.Equal(3, held.Waiting);
        Assert.Equal(other.ProcessID, held.Pid);
        Assert.NotNull(held.OpenSince);
        Assert.Equal(0, released.Waiting);
        Assert.True(released.Horizon > held.Horizon);
    }

    [Fact]
    public void TheWarning_ComesAfterTheThreshold_WithChangesWaiting_AtMostOncePerInterval_IdsAndAgesOnly()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var log = new Lines();
        var watch = new FeedHoldWatch(log, clock, Threshold, Interval);
        var hold = new FeedHold(5_000, 12, 4242, clock.UtcNow.AddSeconds(-10));
        var nothingWaits = hold with { Horizon = 7_000, Waiting = 0 };

        var seen = new List<bool>
        {
            watch.Observe(hold),
            watch.Observe(hold), // at once: not past the threshold
            Observe(watch, clock, TimeSpan.FromSeconds(61), hold), // past it: the warning
            Observe(watch, clock, TimeSpan.FromMinutes(2), hold), // within the interval
            Observe(watch, clock, TimeSpan.FromMinutes(4), hold), // the interval passed: again
            Observe(watch, clock, TimeSpan.FromSeconds(1), hold with { Horizon = 6_000 }), // the horizon moved
            Observe(watch, clock, TimeSpan.FromSeconds(61), hold with { Horizon = 6_000 }),
            Observe(watch, clock, TimeSpan.FromSeconds(1), nothingWaits),
            Observe(watch, clock, TimeSpan.FromMinutes(10), nothingWaits), // standing still with nothing waiting is an idle feed
        };

        Assert.Equal([false, false, true, false, true, false, true, false, false], seen);
        Assert.Equal(3, log.Warnings.Count);
        Assert.Contains("Feed held back since 2026-12-01T08:00:00.0000000+00:00 (61 s)", log.Warnings[0]);
        Assert.Contains("pid 4242", log.Warnings[0]);
        Assert.Contains("2026-12-01T07:59:50.0000000+00:00, 71 s)", log.Warnings[0]);
        Assert.Contains("12 changes wait", log.Warnings[0]);
        Assert.Contains("below 5000", log.Warnings[0]);
    }

    private static bool Observe(FeedHoldWatch watch, FakeClock clock, TimeSpan after, FeedHold hold)
    {
        clock.Advance(after);
        return watch.Observe(hold);
    }

    /// <summary>The warnings logged, as text.</summary>
    private sealed class Lines : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                Warnings.Add(formatter(state, exception));
        }
    }
}
