using System.Diagnostics;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// A transport that keeps the time spent in server calls (HTTP, the server's work, both ends' JSON) apart from
/// the rest of a sync, the laptop's own work outside those calls: where a sync's time goes, per phase.
/// </summary>
internal sealed class TimedTransport(ISyncTransport inner) : ISyncTransport
{
    public TimeSpan Pushing { get; private set; }

    public TimeSpan Pulling { get; private set; }

    public TimeSpan Auditing { get; private set; }

    public int Calls { get; private set; }

    public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => inner.Enrol(request, cancel);

    public Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel) =>
        Timed(() => inner.Push(token, request, cancel), time => Pushing += time);

    public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) => Pull(token, after, limit, 0, null, cancel);

    public Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
        Timed(() => inner.Pull(token, after, limit, referenceVersion, namesHeld, cancel), time => Pulling += time);

    public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) =>
        Timed(() => inner.UploadAudit(token, request, cancel), time => Auditing += time);

    /// <summary>
    /// The split of a sync that took <paramref name="total"/>, in words. The laptop asks for the next page while it writes
    /// the one before, so pull time overlaps the laptop's work: what is left is its work outside every call.
    /// </summary>
    public string Split(TimeSpan total) =>
        $"{Calls} calls; server calls: push {Ms(Pushing)}, audit log {Ms(Auditing)}, pull {Ms(Pulling)} (each page after the first asked for while the laptop writes the one before); the laptop's own work outside those calls {Ms(total - Pushing - Auditing - Pulling)}";

    private static string Ms(TimeSpan time) => time.TotalSeconds >= 1 ? $"{time.TotalSeconds:F2} s" : $"{time.TotalMilliseconds:F1} ms";

    private async Task<T> Timed<T>(Func<Task<T>> call, Action<TimeSpan> add)
    {
        var watch = Stopwatch.StartNew();
        var response = await call();
        add(watch.Elapsed);
        Calls++;
        return response;
    }
}
