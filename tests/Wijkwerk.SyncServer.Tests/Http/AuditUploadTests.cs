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
        var (nul, _, nulProblem) = await server.Zora.UploadAudit(server.Zora.AuditEvent(2, client) with { Detail = "zoek\0term" });
        var (tooMany, _, tooManyProblem) = await server.Zora.UploadAudit(
            Enumerable.Range(1, SyncProtocol.MaxAuditEventsPerUpload + 1).Select(i => server.Zora.AuditEvent(i, client)).ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, unknownType);
        Assert.Equal(HttpStatusCode.BadRequest, zeroSeq);
        Assert.Equal(HttpStatusCode.BadRequest, nul);
        Assert.Contains("Logregel 2", nulProblem!.Message);
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
    public async Task EventsThatComeWithAPush_AreStoredWithIt_OnceHoweverOftenTheyArrive_AndTheHighestSeqIsAnswered()
    {
        var client = Guid.NewGuid();
        var events = new[] { server.Anna.AuditEvent(7_000_001, client, "Create"), server.Anna.AuditEvent(7_000_002, client, "Change") };
        var insert = new Mutation(server.Anna.NextMutationId(), "clients", client, "insert", 0, ServerFixture.ClientColumns());

        var first = await server.Anna.PushCarrying(events, insert);
        var again = await server.Anna.PushCarrying(events, insert);
        var none = await server.Anna.Push(new Mutation(server.Anna.NextMutationId(), "clients", client, "update", 1, new Dictionary<string, string?> { ["notes"] = "Later" }));

        Assert.Equal(SyncProtocol.Results.Accepted, first.Results.Single().Status);
        Assert.Equal(7_000_002, first.AuditHeld);
        Assert.Equal((first.Results[0].Status, first.Results[0].Version), (again.Results[0].Status, again.Results[0].Version));
        Assert.Equal(7_000_002, again.AuditHeld);
        Assert.Null(none.AuditHeld);
        var laptop = (await CentralLog(client)).Where(l => l.Contains("\tlaptop\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, laptop.Count);
        Assert.Contains("\tlaptop\tCreate\t", laptop[0]);
        Assert.Contains("\tlaptop\tChange\t", laptop[1]);
    }

    [Fact]
    public async Task EventsWithAPush_ThatTheAuditUploadWouldRefuse_AreNotStored_NorAnswered_AndThePushIsApplied()
    {
        var client = Guid.NewGuid();
        var own = server.Zora.AuditEvent(8_000_001, client);
        IReadOnlyList<AuditRecord>[] refused =
        [
            [own, own with { Seq = 8_000_002, DeviceId = server.Bram.DeviceId }],
            [own, own with { Seq = 8_000_003, WorkerId = server.Bram.WorkerId }],
            [own, server.Zora.AuditEvent(8_000_004, client, "Peek")],
            [own, own],
            [own, own with { Seq = 8_000_005, Detail = "zoek\0term" }],
            [.. Enumerable.Range(1, SyncProtocol.MaxAuditEventsPerUpload + 1).Select(i => server.Zora.AuditEvent(8_100_000 + i, client))],
        ];

        foreach (var events in refused)
        {
            var row = Guid.NewGuid();
            var answer = await server.Zora.PushCarrying(events, new Mutation(server.Zora.NextMutationId(), "clients", row, "insert", 0, ServerFixture.ClientColumns()));
            Assert.Equal(SyncProtocol.Results.Accepted, answer.Results.Single().Status);
            Assert.Null(answer.AuditHeld);
        }

        Assert.Empty(await CentralLog(client)); // not even the good event of a batch left out
        await server.AssertHealthy();
    }

    [Fact]
    public async Task WithoutAToken_IsUnauthorized()
    {
        using var response = await server.Http.SendAsync(SyncClient.Request(HttpMethod.Post, SyncProtocol.AuditPath, null, SyncClient.JsonBody("""{"events":[]}""")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
