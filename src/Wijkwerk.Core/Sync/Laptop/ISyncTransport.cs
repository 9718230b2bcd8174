using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Sync.Laptop;

/// <summary>The calls a laptop makes. HTTP in the product; tests may cut it at any point.</summary>
public interface ISyncTransport
{
    Task<EnrolResponse> Enrol(EnrolRequest request, CancellationToken cancel);

    Task<PushResponse> Push(string token, PushRequest request, CancellationToken cancel);

    Task<PullResponse> Pull(string token, long after, int limit, CancellationToken cancel);

    /// <summary>
    /// The pull of an ordinary sync: it also says which reference-data version this laptop holds, that the laptop holds
    /// the rows its accepted pushes wrote (<see cref="SyncProtocol.OwnWritesQuery"/>), and which colleagues' names it holds
    /// (<paramref name="namesHeld"/>, a <see cref="WorkerNames"/> fingerprint; null: none). A transport that cannot say so pulls as before.
    /// </summary>
    Task<PullResponse> Pull(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) => Pull(token, after, limit, cancel);

    /// <summary>Sends a batch of this device's audit events; the answer is the highest seq the server holds for the device.</summary>
    Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel);
}

/// <summary>The server said no (with a code and a sentence), or could not be reached.</summary>
public sealed class SyncTransportException(string code, string message, int? status = null, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    public int? Status { get; } = status;

    public bool IsRevoked => Code == ProblemCodes.Revoked;
}
