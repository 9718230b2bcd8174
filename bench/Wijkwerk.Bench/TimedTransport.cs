using System.Diagnostics;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// A transport that keeps the time spent in server calls (HTTP, the server's work, both ends' JSON) apart from
/// the rest of a sync, the laptop's own work outside those calls: where a sync's time goes, per phase. Calls of one kind
/// that overlap (pages asked for ahead) count once: the time at least one of them was under way.
/// </summary>
internal sealed class TimedTransport(ISyncTransport inner) : ISyncTransport
{
    private readonly Lock _clock = new();
    private readonly Dictionary<string, (int Open, long Since, TimeSpan Total)> _kinds = [];

    public TimeSpan Pushing => Total("push");

    public TimeSpan Pulling => Total("pull");

    public TimeSpan Auditing => Total("audit");

    public int Calls { get; private set; }

    public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => inner.Enrol(request, cancel);

    public Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel) =>
        Timed("push", () => inner.Push(token, request, cancel));

    public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) => Pull(token, after, limit, 0, null, cancel);

    public Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
        PullAhead(token, after, limit, referenceVersion, namesHeld, cancel).Page;

    public PullCall PullAhead(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel)
    {
        PullCall? call = null;
        var page = Timed("pull", () => (call = inner.PullAhead(token, after, limit, referenceVersion, namesHeld, cancel)).Page);
        return call is null ? PullCall.OfPage(page) : call with { Page = page };
    }

    public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) =>
        Timed("audit", () => inner.UploadAudit(token, request, cancel));

    /// <summary>
    /// The split of a sync that took <paramref name="total"/>, in words. The laptop asks for the next pages while it writes
    /// the one before, so pull time overlaps the laptop's work: what is left is its work outside every call.
    /// </summary>
    public string Split(TimeSpan total) =>
        $"{Calls} calls; server calls: push {Ms(Pushing)}, audit log {Ms(Auditing)}, pull {Ms(Pulling)} (pages asked for ahead while the laptop writes the ones before); the laptop's own work outside those calls {Ms(total - Pushing - Auditing - Pulling)}";

    private static string Ms(TimeSpan time) => time.TotalSeconds >= 1 ? $"{time.TotalSeconds:F2} s" : $"{time.TotalMilliseconds:F1} ms";

    private async Task<T> Timed<T>(string kind, Func<Task<T>> call)
    {
        Open(kind);
        try
        {
            return await call();
        }
        finally
        {
            Close(kind);
        }
    }

    private void Close(string kind)
    {
        lock (_clock)
        {
            var (open, since, total) = _kinds[kind];
            _kinds[kind] = open == 1 ? (0, 0, total + Stopwatch.GetElapsedTime(since)) : (open - 1, since, total);
            Calls++;
        }
    }

    private void Open(string kind)
    {
        lock (_clock)
        {
            var (open, since, total) = _kinds.GetValueOrDefault(kind);
            _kinds[kind] = (open + 1, open == 0 ? Stopwatch.GetTimestamp() : since, total);
        }
    }

    private TimeSpan Total(string kind)
    {
        lock (_clock)
            return _kinds.GetValueOrDefault(kind).Total;
    }
}
