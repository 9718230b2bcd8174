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

    /// <summary>
    /// The same pull, with what the next pull needs known apart from the rows (<see cref="PullCall.Head"/>): over HTTP as soon
    /// as the answer's headers arrive. A transport that cannot tell it sooner gives it once the page is read.
    /// </summary>
    PullCall PullAhead(string token, long after, int limit, long referenceVersion, string? namesHeld, CancellationToken cancel) =>
        PullCall.OfPage(Pull(token, after, limit, referenceVersion, namesHeld, cancel));

    /// <summary>Sends a batch of this device's audit events; the answer is the highest seq the server holds for the device.</summary>
    Task<AuditUploadResponse> UploadAudit(string token, AuditUploadRequest request, CancellationToken cancel);
}

/// <summary>A pull under way: its head, which the next pull needs, and its page, which may come later.</summary>
public sealed record PullCall(Task<PageHead> Head, Task<PullResponse> Page)
{
    /// <summary>A pull whose head is known only with its page.</summary>
    public static PullCall OfPage(Task<PullResponse> page) => new(HeadOf(page), page);

    /// <summary>A pull whose head may come first (<paramref name="early"/>); if the page comes without one, the head is the page's.</summary>
    public static PullCall Racing(Task<PageHead> early, Task<PullResponse> page) => new(FirstHead(early, page), page);

    private static async Task<PageHead> HeadOf(Task<PullResponse> page) => PageHead.Of(await page);

    private static async Task<PageHead> FirstHead(Task<PageHead> early, Task<PullResponse> page) =>
        await Task.WhenAny(early, page) == early ? await early : PageHead.Of(await page);
}

/// <summary>The server said no (with a code and a sentence), or could not be reached.</summary>
public sealed class SyncTransportException(string code, string message, int? status = null, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    public int? Status { get; } = status;

    public bool IsRevoked => Code == ProblemCodes.Revoked;
}
