using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// Passes every call on to another transport: a test overrides the calls it watches or fails. A pull without a reference
/// version goes through the full pull, so an override of that one sees every pull.
/// </summary>
public abstract class PassThroughTransport(ISyncTransport inner) : ISyncTransport
{
    public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => inner.Enrol(request, cancel);

    public virtual Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel) => inner.Push(token, request, cancel);

    public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) => Pull(token, after, limit, 0, null, cancel);

    public virtual Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
        inner.Pull(token, after, limit, referenceVersion, namesHeld, cancel);

    public Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) => inner.UploadAudit(token, request, cancel);
}
