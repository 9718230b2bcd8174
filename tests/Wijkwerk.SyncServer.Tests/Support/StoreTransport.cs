using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// A real laptop's sync engine talking to a store directly, as one device, without the HTTP host: for store-level tests
/// of what a laptop does with what the store answers (the token is not checked; the device is fixed).
/// </summary>
public sealed class StoreTransport(ISyncStore store, DeviceSession device) : ISyncTransport
{
    public Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel) => throw new NotSupportedException();

    // The audit events that come with a push are stored with it, unchecked: the endpoint's checks are not the store's.
    public async Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel)
    {
        var (results, auditHeld) = await store.PushAsync(device, request.Mutations, request.Audit ?? [], DateTimeOffset.UtcNow, cancel: cancel);
        return new PushResponse(results) { AuditHeld = auditHeld };
    }

    public Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel) =>
        store.PullAsync(device, after, limit, DateTimeOffset.UtcNow, cancel: cancel);

    // As the HTTP transport's ordinary pull: the laptop holds what its accepted pushes wrote, and says which reference
    // version it holds. Leaving out the names a laptop holds is the endpoint's, not the store's.
    public Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
        store.PullAsync(device, after, limit, DateTimeOffset.UtcNow, ownWritesHeld: true, referenceVersion, cancel);

    public async Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel) =>
        new(await store.StoreAuditAsync(device, request.Events, DateTimeOffset.UtcNow, cancel));
}
