using System.Net;
using System.Net.Http.Json;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>Enrolment codes work once; push and pull need a live device token; outdated clients are told to update.</summary>
[Collection(ServerCollection.Name)]
public sealed class EnrolmentAndAuthTests(ServerFixture server)
{
    [Fact]
    public async Task Enrol_WithACode_WorksOnceOnly()
    {
        var code = await server.NewCode("Bram");

        var first = await SyncClient.Enrol(server.Http, code, "laptop-bram-2");
        var second = await SyncClient.Enrol(server.Http, code, "laptop-dief");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("Bram", first.Enrolled!.WorkerName);
        Assert.Equal("nurse", first.Enrolled.Role);
        Assert.Equal(["Noord"], first.Enrolled.Teams.Select(t => t.Name));
        Assert.True(first.Enrolled.Token.Length >= 40);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal(ProblemCodes.CodeInvalid, second.Problem!.Code);
        Assert.Contains("inschrijfcode", second.Problem.Message);
        var listed = await server.Admin("admin", "device", "list");
        Assert.Contains(listed.Out.Split('\n'), line => line.StartsWith(first.Enrolled.DeviceId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("laptop-dief", listed.Out);
    }

    [Theory]
    [InlineData("AAAA-BBBB-CCCC-DDDD-EEEE")]
    [InlineData("")]
    public async Task Enrol_WithAnUnknownOrEmptyCode_IsRefused(string code)
    {
        var (status, enrolled, problem) = await SyncClient.Enrol(server.Http, code);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(enrolled);
        Assert.Contains(problem!.Code, new[] { ProblemCodes.CodeInvalid, ProblemCodes.InvalidRequest });
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        await server.AssertHealthy();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("")]
    public async Task AnyCall_WithAnotherProtocolVersion_Answers426ToUpdate(string version)
    {
        using var response = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Get, SyncProtocol.PullPath + "?after=0", server.Anna.Token, protocol: version));

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json);
        Assert.Equal(new ProblemResponse(ProblemCodes.ProtocolOutdated, "Deze versie van Wijkwerk is verouderd; werk bij."), problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task PushAndPull_WithoutAKnownToken_Answer401(string? token)
    {
        using var push = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, token, SyncClient.JsonBody("""{"mutations":[]}""")));
        using var pull = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Get, SyncProtocol.PullPath, token));

        foreach (var response in new[] { push, pull })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json);
            Assert.Equal(ProblemCodes.Unauthorized, problem!.Code);
            Assert.Contains("inschrijfcode", problem.Message);
        }
    }

    [Fact]
    public async Task RevokedDevice_IsRefusedWithRevoked_AndWritesNothing()
    {
        var device = await server.NewDevice("Anna");
        await server.Admin("admin", "device", "revoke", device.DeviceId.ToString());
        var client = Guid.NewGuid();

        using var push = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, device.Token,
            JsonContent.Create(new PushRequest([new Mutation(1, "clients", client, "insert", 0, ServerFixture.ClientColumns())]), options: SyncClient.Json)));
        using var pull = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Get, SyncProtocol.PullPath, device.Token));

        foreach (var response in new[] { push, pull })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(ProblemCodes.Revoked, (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
        }

        var (changes, _) = await server.Anna.PullAll(0);
        Assert.DoesNotContain(changes, c => c.RowId == client);
        Assert.Contains("ingetrokken", (await server.Admin("admin", "device", "list")).Out);
    }

    [Fact]
    public async Task RevokedDevice_MayStillUploadItsOwnAuditEvents_ButNoOneElses_AndPushStaysRefused()
    {
        var device = await server.NewDevice("Anna");
        await server.Admin("admin", "device", "revoke", device.DeviceId.ToString());
        var client = Guid.NewGuid();

        var (ownStatus, own, _) = await device.UploadAudit(device.AuditEvent(1, client), device.AuditEvent(2, client, "Change"));
        var (otherStatus, _, otherProblem) = await device.UploadAudit(device.AuditEvent(3, client) with { DeviceId = server.Anna.DeviceId });
        using var push = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.PushPath, device.Token, SyncClient.JsonBody("""{"mutations":[]}""")));

        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal(2, own!.HighestSeq);
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Equal(ProblemCodes.Forbidden, otherProblem!.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, push.StatusCode);
        Assert.Equal(ProblemCodes.Revoked, (await push.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!.Code);
        var central = (await server.Admin("admin", "audit", "--client", client.ToString())).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, central.Count(l => l.Contains(device.DeviceId.ToString(), StringComparison.Ordinal)));
        await server.AssertHealthy();
    }
}
