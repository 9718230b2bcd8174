using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Sync;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>Enrolment rate limit, plain HTTP off loopback, one sync per device, the transfer log and what the log file holds.</summary>
[Collection(ServerCollection.Name)]
public sealed class ServerLimitsTests(ServerFixture server)
{
    [Fact]
    public async Task Enrolment_PastTheLimitPerMinute_Answers429WithRetryAfter()
    {
        var folder = Directory.CreateTempSubdirectory("wijkwerk-ratelimit-");
        try
        {
            await using var limited = await ServerProgram.Running.Start(Path.Combine(folder.FullName, "s.db"), new Dictionary<string, string> { ["Wijkwerk__EnrolPermitsPerMinute"] = "2" });
            using var http = new HttpClient { BaseAddress = new Uri(limited.Address), Timeout = TimeSpan.FromSeconds(30) };

            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? last = null;
            for (var i = 0; i < 3; i++)
            {
                last?.Dispose();
                last = await http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.EnrolPath, null, SyncClient.JsonBody("""{"code":"AAAA-BBBB","deviceName":"x"}""")));
                statuses.Add(last.StatusCode);
            }

            Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
            Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
            Assert.Equal(ProblemCodes.RateLimited, (await last.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
            last.Dispose();
            using var health = await http.GetAsync("/healthz");
            Assert.True(health.IsSuccessStatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PlainHttp_OffLoopback_IsRefusedAtStart()
    {
        var folder = Directory.CreateTempSubdirectory("wijkwerk-insecure-");
        try
        {
            var outcome = await ServerProgram.Run("serve", "--urls", "http://0.0.0.0:0", "--db", Path.Combine(folder.FullName, "s.db"));

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains("HTTPS", outcome.Error);
            Assert.Contains("--allow-http", outcome.Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void DeviceGate_LetsOneSyncAtATimePerDevice()
    {
        var gate = new DeviceGate();
        var device = Guid.NewGuid();

        var first = gate.TryEnter(device);
        var second = gate.TryEnter(device);
        var other = gate.TryEnter(Guid.NewGuid());
        first!.Dispose();
        var third = gate.TryEnter(device);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(other);
        Assert.NotNull(third);
    }

    [Fact]
    public async Task ConcurrentSyncsOfOneDevice_AreEitherServedOrAnswered409Busy()
    {
        var device = await server.NewDevice("Bram");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            server.Http.SendAsync(SyncClient.Request(HttpMethod.Get, SyncProtocol.PullPath + "?after=0&limit=2000", device.Token))));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, response.StatusCode.ToString());
            if (response.StatusCode == HttpStatusCode.Conflict)
                Assert.Equal(ProblemCodes.Busy, (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
            response.Dispose();
        }

        await server.AssertHealthy();
    }

    [Theory]
    [InlineData(SyncProtocol.PushPath)]
    [InlineData(SyncProtocol.PushInTurnPath)]
    public async Task APushWhoseBodyIsCutOffHalfway_LeavesTheDeviceFreeForItsNextSync(string path)
    {
        var device = await server.NewDevice("Bram");

        using (await UnfinishedPush(path, device))
        {
            // Long enough for the server to have authenticated the request and begun reading its body.
            await Task.Delay(300);
        }

        var push = new PushRequest([new Mutation(device.NextMutationId(), "clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Na de breuk"))]);
        // The server learns of the closed connection a moment after it closes: until then the device is rightly still busy.
        // A turn never given back stays busy past this bound.
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        HttpResponseMessage response;
        while ((response = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, device.Token, JsonContent.Create(push, options: SyncClient.Json))))
               .StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < giveUp)
        {
            response.Dispose();
            await Task.Delay(100);
        }

        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"push: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(SyncProtocol.Results.Accepted, (await response.Content.ReadFromJsonAsync<PushResponse>(SyncClient.Json))!.Results.Single().Status);
        }
    }

    [Fact]
    public async Task APushInTurn_WhileAnotherWaitsForTheDevicesNextTurn_IsAnsweredOutOfTurnAtOnce()
    {
        var device = await server.NewDevice("Bram");
        HttpResponseMessage second;
        Task<HttpResponseMessage> first;
        using (await UnfinishedPush(SyncProtocol.PushPath, device))
        {
            await Task.Delay(300);
            first = server.Http.SendAsync(InTurn(device));
            await Task.Delay(300);
            second = await server.Http.SendAsync(InTurn(device)).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.False(first.IsCompleted);
        }

        using var firstAnswer = await first.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((HttpStatusCode.Conflict, ProblemCodes.OutOfTurn), (second.StatusCode, (await second.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code));
        // It waited for the turn, then came out of turn too: the push it follows was never applied.
        Assert.Equal(HttpStatusCode.Conflict, firstAnswer.StatusCode);
        second.Dispose();
        var result = await device.PushOne("clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Daarna"));
        Assert.Equal(SyncProtocol.Results.Accepted, result.Status);
    }

    private static HttpRequestMessage InTurn(SyncClient device) => SyncClient.Request(HttpMethod.Post, SyncProtocol.PushInTurnPath, device.Token,
        JsonContent.Create(SyncClient.InTurnAfterAPushNeverApplied("Op zijn beurt"), options: SyncClient.Json));

    /// <summary>A push whose headers and first bytes are sent and the rest never: the server holds it open while it waits for the body, until the connection is closed.</summary>
    private async Task<IDisposable> UnfinishedPush(string path, SyncClient device)
    {
        var uri = new Uri(server.Server.Address);
        var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var head = $"POST {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nAuthorization: Bearer {device.Token}\r\n{SyncProtocol.VersionHeader}: {SyncProtocol.Version}\r\n" +
                   "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"mutations\":[";
        await tcp.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        await tcp.GetStream().FlushAsync();
        return tcp;
    }

    [Fact]
    public async Task EveryDeliveryOfClientData_IsLoggedAsATransfer()
    {
        var client = await server.NewNoordClient();
        var device = await server.NewDevice("Bram");

        var (changes, _) = await device.PullAll(0);

        Assert.Contains(changes, c => c.RowId == client);
        using var db = new SqliteConnection($"Data Source={server.Db};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT sum(row_count), count(DISTINCT client_id) FROM transfers WHERE device_id = $d;";
        cmd.Parameters.AddWithValue("$d", device.DeviceId.ToString());
        using var reader = cmd.ExecuteReader();
        reader.Read();
        Assert.Equal(changes.Count(c => !c.Removed), reader.GetInt64(0));
        Assert.True(reader.GetInt64(1) >= 1);
    }

    [Fact]
    public async Task APullOfManyClients_LogsEachClientOnce_WithItsOwnRowCount()
    {
        // More clients than one statement of the log carries on SQLite, so the log is written in several.
        var clients = new List<Guid>();
        for (var i = 0; i < 40; i++)
            clients.Add(await server.NewNoordClient("Klant" + i));
        var device = await server.NewDevice("Bram");

        var (changes, _) = await device.PullAll(0);

        using var db = new SqliteConnection($"Data Source={server.Db};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT client_id, count(*), sum(row_count) FROM transfers WHERE device_id = $d GROUP BY client_id;";
        cmd.Parameters.AddWithValue("$d", device.DeviceId.ToString());
        var logged = new Dictionary<Guid, (long Entries, long Rows)>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                logged[Guid.Parse(reader.GetString(0))] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        Assert.All(clients, c => Assert.Equal((1L, 1L), logged[c]));
        Assert.Equal(changes.Count(c => !c.Removed), logged.Values.Sum(v => v.Rows));
    }

    [Fact]
    public async Task AConnectionCheck_SendsNoRowNorNames_AndLogsNoTransfer()
    {
        var client = await server.NewNoordClient();
        var device = await server.NewDevice("Bram");

        var check = await device.Pull(0, SyncProtocol.CheckOnlyLimit);

        Assert.Empty(check.Changes);
        Assert.Null(check.Workers);
        Assert.Equal(0, check.NextAnchor);
        using var db = new SqliteConnection($"Data Source={server.Db};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM transfers WHERE device_id = $d;";
        cmd.Parameters.AddWithValue("$d", device.DeviceId.ToString());
        Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
        var (changes, _) = await device.PullAll(0);
        Assert.Contains(changes, c => c.RowId == client);
    }

    [Fact]
    public async Task TheLogFile_HoldsIdsAndCounts_NoNamesTokensOrValues()
    {
        await server.NewNoordClient("Wilhelmina");
        await server.Anna.PullAll(0);

        var logs = Path.Combine(Path.GetDirectoryName(server.Db)!, "logs");
        var text = string.Concat(Directory.GetFiles(logs).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));

        Assert.Contains(server.Anna.DeviceId.ToString(), text);
        Assert.DoesNotContain("Wilhelmina", text);
        Assert.DoesNotContain("Jansen", text);
        Assert.DoesNotContain("Anna", text);
        Assert.DoesNotContain(server.Anna.Token, text);
    }
}
