using Wijkwerk.SyncServer.Store.Postgres;

namespace Wijkwerk.SyncServer.Hosting;

/// <summary>
/// Says when a transaction left open elsewhere holds the PostgreSQL feed back: every pull serves only below the oldest
/// open transaction, so changes committed after it wait (delayed, never skipped) until it ends. One warning when the
/// horizon has stood still for longer than <paramref name="threshold"/> while changes wait above it, and again at most
/// once per <paramref name="interval"/> while it stays so; ids, times and counts only.
/// </summary>
public sealed class FeedHoldWatch(ILogger log, TimeProvider clock, TimeSpan threshold, TimeSpan interval)
{
    private long? _horizon;
    private DateTimeOffset _since;
    private DateTimeOffset? _warned;

    /// <summary>Takes one look at the feed; true when it logged the warning.</summary>
    public bool Observe(FeedHold hold)
    {
        var now = clock.GetUtcNow();
        if (hold.Horizon != _horizon)
        {
            (_horizon, _since, _warned) = (hold.Horizon, now, null);
            return false;
        }

        if (hold.Waiting == 0 || now - _since <= threshold || now - _warned < interval)
            return false;
        _warned = now;
        var open = hold.OpenSince is { } since ? (long)(now - since).TotalSeconds : (long?)null;
        log.LogWarning(
            "Feed held back since {Since:O} ({StillSeconds} s): the oldest open transaction (pid {Pid}, open since {OpenSince:O}, {OpenSeconds} s) keeps every pull below {Horizon}; " +
            "{Waiting} changes wait. They are delayed, not lost; end that transaction if it should not be open (pg_stat_activity).",
            _since, (long)(now - _since).TotalSeconds, hold.Pid, hold.OpenSince, open, hold.Horizon, hold.Waiting);
        return true;
    }
}
