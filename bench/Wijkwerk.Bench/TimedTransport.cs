using System.Diagnostics;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// A transport that keeps the time spent waiting on the server (HTTP, the server's work, both ends' JSON) apart from
/// the rest of a sync, which is the laptop's own work: where a sync's time goes, per phase.
/// </summary>
internal sealed class TimedTransport(ISyncTransport inner) : ISyncTransport
{
    public TimeSpan Pushing { get; private set; }

    public TimeSpan Pulling { get; private set; }

    public TimeSpan Auditing { get; private set; }

    public int Calls { get; private set; }

    public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => inner.Enrol(request, cancel);

    public async Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var response = await inner.Push(token, request, cancel);
        Pushing += watch.Elapsed;
        Calls++;
        return response;
    }

    public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) => Pull(token, after, limit, 0, cancel);

    public async Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var response = await inner.Pull(token, after, limit, referenceVersion, cancel);
        Pulling += watch.Elapsed;
        Calls++;
        return response;
    }

    public async Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var response = await inner.UploadAudit(token, request, cancel);
        Auditing += watch.Elapsed;
        Calls++;
        return response;
    }

    /// <summary>The split of a sync that took <paramref name="total"/>, in words.</summary>
    public string Split(TimeSpan total) =>
        $"{Calls} calls; waiting on the server: push {Ms(Pushing)}, audit log {Ms(Auditing)}, pull {Ms(Pulling)}; the laptop's own work {Ms(total - Pushing - Auditing - Pulling)}";

    private static string Ms(TimeSpan time) => time.TotalSeconds >= 1 ? $"{time.TotalSeconds:F2} s" : $"{time.TotalMilliseconds:F1} ms";
}
