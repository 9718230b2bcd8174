using System.Net;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.LaptopSync;

/// <summary>
/// A real HTTP connection that fails at the Nth request: before the request leaves (the server never saw
/// it) or after the server answered (the server applied it, the laptop never heard).
/// </summary>
public sealed class FaultyHandler(int failAt, FaultyHandler.Cut cut, Action? beforeFailing = null) : DelegatingHandler(new SocketsHttpHandler())
{
    public enum Cut
    {
        BeforeRequest,
        AfterResponse,
    }

    private readonly Lock _lock = new();
    private int _requests;

    /// <summary>How many requests were sent; counted as each is sent, as a push in turn may leave while the one before is on its way.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The path of every request, in the order sent.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>The size of every request body sent, in the order sent (0 without one).</summary>
    public List<long> BodyBytes { get; } = [];

    /// <summary>The numbers (1 for the first) of the requests the server answered 409: a push out of turn, or a device busy.</summary>
    public HashSet<int> AnsweredConflict { get; } = [];

    /// <summary>
    /// The cut request was a push sent behind one answered 409 (a push in turn that got to the server before the push it
    /// follows): the laptop drops such pushes unheard, applied or not, and sends their rows again, so the cut does not end its sync.
    /// </summary>
    public bool CutPushDroppedBehindAConflict
    {
        get
        {
            lock (_lock)
                return Paths.Count >= failAt && Paths[failAt - 1].StartsWith(SyncProtocol.PushPath, StringComparison.Ordinal)
                    && AnsweredConflict.Any(n => n < failAt && Paths[n - 1].StartsWith(SyncProtocol.PushPath, StringComparison.Ordinal));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content is null ? 0 : (await request.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
        int number;
        lock (_lock)
        {
            number = ++_requests;
            Paths.Add(request.RequestUri!.AbsolutePath);
            BodyBytes.Add(bytes);
        }

        if (number != failAt)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                lock (_lock)
                    AnsweredConflict.Add(number);
            }

            return response;
        }

        beforeFailing?.Invoke();
        if (cut == Cut.AfterResponse)
        {
            using var answered = await base.SendAsync(request, cancellationToken);
            await answered.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        throw new HttpRequestException("connection cut by the test");
    }
}
