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

    public int Requests { get; private set; }

    /// <summary>The path of every request, in the order sent.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>The size of every request body sent, in the order sent (0 without one).</summary>
    public List<long> BodyBytes { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        Paths.Add(request.RequestUri!.AbsolutePath);
        BodyBytes.Add(request.Content is null ? 0 : (await request.Content.ReadAsByteArrayAsync(cancellationToken)).Length);
        if (Requests != failAt)
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
