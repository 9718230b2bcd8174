using Npgsql;
using Wijkwerk.SyncServer.Store.Postgres;

namespace Wijkwerk.SyncServer.Hosting;

/// <summary>Looks at a PostgreSQL store's feed every <see cref="Every"/> and lets <see cref="FeedHoldWatch"/> judge it.</summary>
public sealed class FeedHoldWatcher(PostgresSyncStore store, ILogger<FeedHoldWatcher> log, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    /// <summary>How long the horizon may stand still with changes waiting before the server says so: longer than any push.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(60);

    /// <summary>At most one warning this often while the feed stays held.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>Adds the watcher when the store is PostgreSQL (SQLite has one writer: nothing can hold its feed).</summary>
    public static void AddTo(IServiceCollection services, object store)
    {
        if (store is PostgresSyncStore postgres)
            services.AddHostedService(s => new FeedHoldWatcher(postgres, s.GetRequiredService<ILogger<FeedHoldWatcher>>(), s.GetRequiredService<TimeProvider>()));
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var watch = new FeedHoldWatch(log, clock, Threshold, Interval);
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                watch.Observe(await store.FeedHoldAsync());
            }
            catch (NpgsqlException e)
            {
                // The database is away for a moment: the pulls say so themselves; look again at the next tick.
                log.LogWarning("Feed watch could not read the feed: {Error}", e.GetType().Name);
            }
        }
    }
}
