using System.Net;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http;

/// <summary>POST /sync/v1/audit: a device uploads its own log only, each event once.</summary>
[Collection(ServerCollection.Name)]
public sealed class AuditUploadTests(ServerFixture server)
{
    private async Task<string[]> CentralLog(Guid client) =>
        (await server.Admin("admin", "audit", "--client", client.ToString())).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task EventsClaimingAnotherDeviceOrWorker_AreRefused_AndNothingIsWritten()
    {
        var client = Guid.NewGuid();
        var own = server.Anna.AuditEvent(9_000_001, client);
        var otherDevice = own with { Seq = 9_000_002, DeviceId = server.Bram.DeviceId };
        var otherWorker = own with { Seq = 9_000_003, WorkerId = server.Bram.WorkerId };

        var (deviceStatus, _, deviceProblem) = await server.Anna.UploadAudit(own, otherDevice);
        var (workerStatus, _, workerProblem) = await server.Anna.UploadAudit(otherWorker);

        Assert.Equal(HttpStatusCode.Forbidden, deviceStatus);
        Assert.Equal(ProblemCodes.Forbidden, deviceProblem!.Code);
        Assert.Contains("ander apparaat", deviceProblem.Message);
        Assert.Equal(HttpStatusCode.Forbidden, workerStatus);
        Assert.Contains("andere medewerker", workerProblem!.Message);
        Assert.Empty(await CentralLog(client)); // the good event of the refused batch was not written either
        await server.AssertHealthy();
    }

    [Fact]
    public async Task MalformedOrTooManyEvents_AreRefused()
    {
        var client = Guid.NewGuid();
        var (unknownType, _, _) = await server.Zora.UploadAudit(server.Zora.AuditEvent(1, client, "Peek"));
        var (zeroSeq, _, _) = await server.Zora.UploadAudit(server.Zora.AuditEvent(0, client));
        var (tooMany, _, tooManyProblem) = await server.Zora.UploadAudit(
            Enumerable.Range(1, SyncProtocol.MaxAuditEventsPerUpload + 1).Select(i => server.Zora.AuditEvent(i, client)).ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, unknownType);
        Assert.Equal(HttpStatusCode.BadRequest, zeroSeq);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany);
        Assert.Equal(ProblemCodes.TooLarge, tooManyProblem!.Code);
        Assert.Empty(await CentralLog(client));
    }

    [Fact]
    public async Task TheSameBatchTwice_IsStoredOnce_AndTheHighestSeqIsAnswered()
    {
        var client = Guid.NewGuid();
        var batch = new[] { server.Carla.AuditEvent(5_000_001, client), server.Carla.AuditEvent(5_000_002, client, "Change") };

        var (status, first, _) = await server.Carla.UploadAudit(batch);
        var (_, second, _) = await server.Carla.UploadAudit(batch);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5_000_002, first!.HighestSeq);
        Assert.Equal(5_000_002, second!.HighestSeq);
        var lines = await CentralLog(client);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\tlaptop\tView\t", lines[0]);
        Assert.Contains("Carla", lines[0]);
        Assert.Contains(server.Carla.DeviceId.ToString(), lines[1]);
    }

    [Fact]
    public async Task WithoutAToken_IsUnauthorized()
    {
        using var response = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.AuditPath, null, SyncClient.JsonBody("""{"events":[]}""")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
