using System.Net;
using System.Text.Json;
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

    private readonly HashSet<Guid> _answeredConflict = [];
    private readonly Dictionary<Guid, Guid?> _follows = [];
    private Guid? _cutPush;

    /// <summary>
    /// The cut request was a push that follows, directly or through the pushes between, one the server answered 409 (out of
    /// turn, or busy): the laptop drops such pushes unheard, applied or not, and sends their rows again, so the cut does not end its sync.
    /// </summary>
    public bool CutPushDroppedBehindAConflict
    {
        get
        {
            lock (_lock)
            {
                for (var follows = _cutPush is { } cut ? _follows[cut] : null; follows is { } before; follows = _follows.GetValueOrDefault(before))
                {
                    if (_answeredConflict.Contains(before))
                        return true;
                }

                return false;
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var push = request.RequestUri!.AbsolutePath.StartsWith(SyncProtocol.PushPath, StringComparison.Ordinal)
            ? JsonSerializer.Deserialize(body, ProtocolJson.Default.PushRequest)
            : null;
        int number;
        lock (_lock)
        {
            number = ++_requests;
            Paths.Add(request.RequestUri!.AbsolutePath);
            BodyBytes.Add(body.Length);
            if (push is { Id: { } id })
            {
                _follows[id] = push.Follows;
                if (number == failAt)
                    _cutPush = id;
            }
        }

        if (number != failAt)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict && push is { Id: { } conflicted })
            {
                lock (_lock)
                    _answeredConflict.Add(conflicted);
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
