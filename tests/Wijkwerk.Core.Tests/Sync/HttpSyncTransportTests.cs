using System.Net;
using System.Net.Sockets;
using System.Text;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>
/// The transport reads an answer whole before it reads its rows. A server on loopback that sends the headers and part of a
/// page, then stalls or hangs up: the pull ends within the client's timeout as "the answer did not arrive whole", never hangs.
/// A page's head comes with the headers, before its rows. An answer larger than the transport takes is refused: unread when
/// its length is stated, else once more of it arrived than that.
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // sent without its length, as a page is: it is read up to the most the transport takes
    public async Task AnAnswerLargerThanTheTransportTakes_IsRefusedAsTooLarge(bool lengthSaid)
    {
        const long most = 1024 * 1024;
        using var server = new OneAnswerServer(WholePage(rows: 3000), lengthSaid);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        var pull = new HttpSyncTransport(http, most).Pull("token", 0, 100, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<SyncTransportException>(() => pull.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(server.BodyBytes > most);
        Assert.Equal(ProblemCodes.TooLarge, failure.Code);
        Assert.Equal("Het antwoord van de server is groter dan 1 MB; Wijkwerk heeft het niet verwerkt. Neem contact op met de beheerder.", failure.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnswerWithinWhatTheTransportTakes_IsReadWhole(bool lengthSaid)
    {
        var page = WholePage(rows: 3000);
        using var server = new OneAnswerServer(page, lengthSaid);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        var pulled = await new HttpSyncTransport(http, server.BodyBytes).Pull("token", 0, 100, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3000, pulled.Changes.Count);
        Assert.Equal(page, System.Text.Json.JsonSerializer.Serialize(pulled, ProtocolJson.Default.PullResponse));
    }

    /// <summary>A page of <paramref name="rows"/> changes of one client, as the server writes it.</summary>
    private static string WholePage(int rows)
    {
        var client = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
        var changes = Enumerable.Range(1, rows).Select(i => new RowChange(i, "signals", Guid.NewGuid(), 1, false, false, at, Guid.NewGuid(),
            new Dictionary<string, string?> { ["client_id"] = client.ToString(), ["observation"] = "Waarneming " + i + new string('.', 300), ["assignee"] = null })).ToList();
        return System.Text.Json.JsonSerializer.Serialize(new PullResponse(changes, rows, false, rows, 0), ProtocolJson.Default.PullResponse);
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
    /// body longer than it sends, then stalls or hangs up; or, given a whole body, sends all of it and hangs up.
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

        /// <param name="lengthSaid">The body's length in the headers; else the body ends as the connection closes.</param>
        public OneAnswerServer(string body, bool lengthSaid)
        {
            _headers = "";
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            var bytes = Encoding.UTF8.GetBytes(body);
            BodyBytes = bytes.Length;
            _serving = ServeWhole(bytes, lengthSaid);
        }

        public Uri Address { get; }

        /// <summary>The length of the whole body sent; 0 for a body that is never sent whole.</summary>
        public long BodyBytes { get; }

        private async Task ServeWhole(byte[] body, bool lengthSaid)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            if (!await ReadRequest(stream))
                return;
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{(lengthSaid ? $"Content-Length: {body.Length}" : "Connection: close")}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            // In pieces, as a page arrives.
            foreach (var piece in body.Chunk(8192))
                await stream.WriteAsync(piece, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }

        private async Task<bool> ReadRequest(NetworkStream stream)
        {
            var buffer = new byte[8192];
            var request = new StringBuilder();
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                    return false;
                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return true;
        }

        private async Task Serve(bool hangUp)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            if (!await ReadRequest(stream))
                return;

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
