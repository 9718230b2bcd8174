using System.Net;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>
/// Issue 15 item 3: the enrolment rate limit and the request log see the client's address from X-Forwarded-For only
/// when the connection comes from a configured proxy (Wijkwerk:TrustedProxies); a forged header is ignored.
/// </summary>
public sealed class TrustedProxyTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("wijkwerk-proxy-");

    [Fact]
    public async Task ForgedForwardedFor_FromAnUntrustedAddress_DoesNotEscapeTheRateLimit()
    {
        // The test connects from 127.0.0.1, which is not the configured proxy.
        await using var server = await Start("10.9.9.9");
        using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(30) };

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
            statuses.Add(await Enrol(http, $"203.0.113.{i}"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.DoesNotContain("203.0.113.", server.Log);
    }

    [Fact]
    public async Task ForwardedFor_FromTheTrustedProxy_IsTheAddressThatCounts()
    {
        await using var server = await Start("127.0.0.1");
        using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(30) };

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            first.Add(await Enrol(http, "198.51.100.7"));
        var other = await Enrol(http, "198.51.100.8");
        // What a client wrote before the proxy's own entry is not believed: this is 198.51.100.7 again.
        var spoofedInFront = await Enrol(http, "198.51.100.9, 198.51.100.7");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.BadRequest, other);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofedInFront);
        // The request log holds no address, forwarded or not.
        Assert.DoesNotContain("198.51.100.", server.Log);
    }

    [Fact]
    public async Task TrustedProxy_ThatIsNoAddress_StopsTheServerWithTheSetting()
    {
        var outcome = await ServerProgram.RunWith(Settings("proxy.example"), "serve", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(_folder.FullName, "s.db"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Wijkwerk:TrustedProxies: 'proxy.example'", outcome.Error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private Dictionary<string, string> Settings(string proxy) => new()
    {
        ["Wijkwerk__EnrolPermitsPerMinute"] = "2",
        ["Wijkwerk__TrustedProxies__0"] = proxy,
        ["Wijkwerk__LogFolder"] = Path.Combine(_folder.FullName, "logs"),
    };

    private Task<ServerProgram.Running> Start(string proxy) => ServerProgram.Running.Start(Path.Combine(_folder.FullName, "s.db"), Settings(proxy));

    private static async Task<HttpStatusCode> Enrol(HttpClient http, string forwardedFor)
    {
        var request = SyncClient.Request(HttpMethod.Post, SyncProtocol.EnrolPath, null, SyncClient.JsonBody("""{"code":"AAAA-BBBB","deviceName":"x"}"""));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
