using System.Collections.Concurrent;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// A server in a box for headless app tests: pushes and pulls are answered by <see cref="OnPush"/> and
/// <see cref="OnPull"/>, and uploaded audit events are kept so a test can see what reached "the server".
/// </summary>
public sealed class ScriptedTransport : ISyncTransport
{
    private int _pushes;

    /// <summary>What a push does; by default every mutation is accepted at version 1.</summary>
    public Func<PushRequest, PushResponse> OnPush { get; set; } =
        request => new PushResponse([.. request.Mutations.Select(m => new MutationResult(m.MutationId, SyncProtocol.Results.Accepted, m.BaseVersion + 1, null, []))]);

    /// <summary>What a pull after the given anchor does; by default the server has nothing new.</summary>
    public Func<long, PullResponse> OnPull { get; set; } = after => new PullResponse([], after, false, 0, 0);

    public ConcurrentQueue<AuditRecord> Audit { get; } = new();

    public int Pushes => _pushes;

    /// <summary>The server's answer to a device the admin revoked.</summary>
    public static SyncTransportException Revoked() =>
        new(ProblemCodes.Revoked, "Dit apparaat is ingetrokken door de beheerder; de gegevens op dit apparaat worden gewist.", 401);

    public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => throw new NotSupportedException();

    public Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel)
    {
        Interlocked.Increment(ref _pushes);
        return Task.FromResult(OnPush(request));
    }

    public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) =>
        Task.FromResult(OnPull(after));

    public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel)
    {
        foreach (var e in request.Events)
            Audit.Enqueue(e);
        return Task.FromResult(new AuditUploadResponse(request.Events.Max(e => e.Seq)));
    }
}
