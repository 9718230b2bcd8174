using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// Pulls page after page until a device has caught up with everything committed: no more pages, and nothing held back
/// above the horizon. On PostgreSQL a transaction open elsewhere (autovacuum's ANALYZE on a busy table is one) holds the
/// horizon back for a while; a pull then ends without more pages but says <see cref="PullResponse.ScopeHeldBack"/>, and a
/// laptop pulls again later. A test that compares a device's copy with the final state must do the same.
/// </summary>
public static class CatchUp
{
    private const int MaxPages = 10_000;
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan HeldBackPause = TimeSpan.FromMilliseconds(20);

    /// <summary>Pulls from <paramref name="anchor"/> on; <paramref name="each"/> sees every page; answers the last page.</summary>
    public static async Task<PullResponse> Pull(Func<long, Task<PullResponse>> pull, long anchor, Action<PullResponse> each)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        for (var pages = 0; pages < MaxPages && DateTime.UtcNow < deadline; pages++)
        {
            var page = await pull(anchor);
            each(page);
            anchor = page.NextAnchor;
            if (!page.HasMore && !page.ScopeHeldBack)
                return page;
            if (!page.HasMore)
                await Task.Delay(HeldBackPause);
        }

        throw new InvalidOperationException($"the device did not catch up within {MaxPages:N0} pages or {MaxWait.TotalSeconds:F0} s");
    }
}
