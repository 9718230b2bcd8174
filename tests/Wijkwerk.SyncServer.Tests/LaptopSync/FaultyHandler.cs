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
            return await base.SendAsync(request, cancellationToken);
        beforeFailing?.Invoke();
        if (cut == Cut.AfterResponse)
        {
            using var answered = await base.SendAsync(request, cancellationToken);
            await answered.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        throw new HttpRequestException("connection cut by the test");
    }
}
