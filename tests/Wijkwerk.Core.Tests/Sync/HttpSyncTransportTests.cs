using System.Net;
using System.Net.Sockets;
using System.Text;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>
/// The transport reads an answer as it arrives. A server on loopback that sends the headers and part of a page, then
/// stalls or hangs up: the pull ends within the client's timeout as "the answer did not arrive whole", never hangs. A page's
/// head comes with the headers, before its rows.
/// </summary>
public sealed class HttpSyncTransportTests
{
    private const string PartOfAPage = "{\"changes\":[{\"table\":\"clients\",";

    // Five seconds, not one: with the other test projects running beside it on two cores, the headers alone once took longer
    // than a second to arrive, and the call ended as never answered instead.
    [Fact]
    public Task AnAnswerThatStallsAfterItsHeaders_EndsWithinTheClientsTimeout_AsNotArrivedWhole() =>
        AssertNotArrivedWhole(hangUp: false, clientTimeout: TimeSpan.FromSeconds(5));

    [Fact]
    public Task AnAnswerCutHalfway_IsNotArrivedWhole() =>
        AssertNotArrivedWhole(hangUp: true, clientTimeout: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task CancelledWhileTheAnswerStalls_IsACancelNotAFailure()
    {
        using var server = new OneAnswerServer(hangUp: false);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var pull = new HttpSyncTransport(http).Pull("token", 0, 100, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pull.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(-7)] // a page of a first pull
    public async Task APagesHead_IsKnownFromTheAnswersHeaders_WhileItsRowsStillStall(long anchor)
    {
        using var server = new OneAnswerServer(hangUp: false,
            $"{SyncProtocol.NextAnchorHeader}: {anchor}\r\n{SyncProtocol.HasMoreHeader}: true\r\n{SyncProtocol.ReferenceHeader}: 7\r\n{SyncProtocol.NamesHeader}: 0a1b\r\n");
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var cancel = new CancellationTokenSource();

        var call = new HttpSyncTransport(http).PullAhead("token", 0, 100, 0, null, cancel.Token);
        var head = await call.Head.WaitAsync(TimeSpan.FromSeconds(30));
        var rowsArrived = call.Page.IsCompleted;
        await cancel.CancelAsync();

        Assert.Equal(new PageHead(anchor, true, 7, "0a1b"), head);
        Assert.False(rowsArrived);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Page.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("X-Wijkwerk-Next-Anchor: 42\r\n")]
    [InlineData("X-Wijkwerk-Next-Anchor: 42\r\nX-Wijkwerk-Has-More: ja\r\n")]
    [InlineData("X-Wijkwerk-Next-Anchor: --1\r\nX-Wijkwerk-Has-More: true\r\n")]
    [InlineData("X-Wijkwerk-Next-Anchor: 42\r\nX-Wijkwerk-Has-More: true\r\nX-Wijkwerk-Reference: zeven\r\n")]
    [InlineData("X-Wijkwerk-Next-Anchor: 42\r\nX-Wijkwerk-Next-Anchor: 43\r\nX-Wijkwerk-Has-More: true\r\n")]
    public async Task AnAnswerWithoutAReadableHead_GivesTheHeadWithItsRows_AndAnAnswerCutHalfwayFailsBoth(string headers)
    {
        using var server = new OneAnswerServer(hangUp: true, headers);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        var call = new HttpSyncTransport(http).PullAhead("token", 0, 100, 0, null, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<SyncTransportException>(() => call.Head.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpSyncTransport.Unreachable, failure.Code);
        await Assert.ThrowsAsync<SyncTransportException>(() => call.Page.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static async Task AssertNotArrivedWhole(bool hangUp, TimeSpan clientTimeout)
    {
        using var server = new OneAnswerServer(hangUp);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = clientTimeout };

        var pull = new HttpSyncTransport(http).Pull("token", 0, 100, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<SyncTransportException>(() => pull.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(HttpSyncTransport.Unreachable, failure.Code);
        Assert.Equal("Het antwoord van de server kwam niet volledig aan.", failure.Message);
    }

    /// <summary>
    /// Accepts one connection on 127.0.0.1, answers 200 (with <paramref name="headers"/>, each line ending in CR LF) with a
    /// body longer than it sends, then stalls or hangs up.
    /// </summary>
    private sealed class OneAnswerServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;

        private readonly string _headers;

        public OneAnswerServer(bool hangUp, string headers = "")
        {
            _headers = headers;
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _serving = Serve(hangUp);
        }

        public Uri Address { get; }

        private async Task Serve(bool hangUp)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var request = new StringBuilder();
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                    return;
                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {PartOfAPage.Length + 1000}\r\n{_headers}\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + PartOfAPage), _stop.Token);
            await stream.FlushAsync(_stop.Token);
            if (!hangUp)
                await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _serving.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The server's loop ends by the cancel just asked for.
            }

            _stop.Dispose();
        }
    }
}
