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

    public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) => inner.UploadAudit(token, request, cancel);

    /// <summary>The split of a sync that took <paramref name="total"/>, in words.</summary>
    public string Split(TimeSpan total) =>
        $"{Calls} calls; waiting on the server: push {Pushing.TotalSeconds:F2} s, pull {Pulling.TotalSeconds:F2} s; the laptop's own work {(total - Pushing - Pulling).TotalSeconds:F2} s";
}
