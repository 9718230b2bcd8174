using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Http.Hostile;

/// <summary>
/// Hostile requests against every endpoint of the real server (enrol, push, pull, audit, healthz): each gets
/// its status and a <c>{code, message}</c> body (or, for a pushed row, a refusal with its reason), the server
/// stays healthy (GET /healthz answers and a valid push is still accepted) and its SQLite file is unchanged.
/// A refused row is the one exception: its answer is kept in applied_mutations, so the same mutation sent
/// again gets the same answer instead of being judged a second time.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class HostileRequestTests(ServerFixture server)
{
    /// <summary>What the hostile requests need from the shared server: tokens, a revoked one, rows of team Noord.</summary>
    public sealed record Setup(ServerFixture Server, string RevokedToken, Guid NoordClient, Guid NoordSignal)
    {
        public string Anna => Server.Anna.Token;
    }

    private static readonly SemaphoreSlim SetupLock = new(1, 1);
    private static readonly Dictionary<ServerFixture, Setup> Setups = [];

    private async Task<Setup> Prepare()
    {
        await SetupLock.WaitAsync();
        try
        {
            if (Setups.TryGetValue(server, out var ready))
                return ready;
            var revoked = await server.NewDevice("Bram");
            await server.Admin("admin", "device", "revoke", revoked.DeviceId.ToString());
            var client = await server.NewNoordClient("Hostiel");
            var signal = Guid.NewGuid();
            Assert.Equal(SyncProtocol.Results.Accepted, (await server.Anna.PushOne("signals", signal, "insert", 0, ServerFixture.SignalColumns(client))).Status);
            return Setups[server] = new Setup(server, revoked.Token, client, signal);
        }
        finally
        {
            SetupLock.Release();
        }
    }

    /// <summary>One whole request the server must refuse as a whole: its status and problem code, and a part of the Dutch message.</summary>
    private sealed record RequestCase(Func<Setup, HttpRequestMessage> Build, HttpStatusCode Status, string Code, string MessagePart);

    /// <summary>One push whose every mutation the server must refuse, each with a reason containing <see cref="ReasonPart"/>.</summary>
    private sealed record RowCase(Func<Setup, Mutation[]> Mutations, string ReasonPart, Func<Setup, SyncClient>? Device = null);

    public static TheoryData<string> RequestCaseNames => new(RequestCases.Keys);

    public static TheoryData<string> RowCaseNames => new(RowCases.Keys);

    [Theory]
    [MemberData(nameof(RequestCaseNames))]
    public async Task HostileRequest_IsRefusedWithAProblem_AndChangesNothing(string name)
    {
        var hostile = RequestCases[name];
        var setup = await Prepare();
        // A refused enrolment still counts against its address's limit (EnrolRateLimit): that count is all it may change.
        var before = ServerStore.Snapshot(server.Db, "enrol_attempts");

        using var request = hostile.Build(setup);
        using var response = await server.Http.SendAsync(request);

        Assert.Equal(hostile.Status, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemResponse>(SyncClient.Json))!;
        Assert.Equal(hostile.Code, problem.Code);
        Assert.Contains(hostile.MessagePart, problem.Message);
        Assert.True(problem.Message.Length < 300, problem.Message);
        ServerStore.AssertSame(before, ServerStore.Snapshot(server.Db, "enrol_attempts"), name);
        await AssertStillServing();
    }

    [Theory]
    [MemberData(nameof(RowCaseNames))]
    public async Task HostileRow_IsRefusedWithAReason_AndOnlyItsAnswerIsKept(string name)
    {
        var hostile = RowCases[name];
        var setup = await Prepare();
        var device = hostile.Device?.Invoke(setup) ?? server.Anna;
        var mutations = hostile.Mutations(setup).Select(m => m with { MutationId = device.NextMutationId() }).ToArray();
        var before = ServerStore.Snapshot(server.Db, "applied_mutations");
        var answers = AppliedMutations();

        var results = (await device.Push(mutations)).Results;

        Assert.Equal(mutations.Length, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(SyncProtocol.Results.Refused, r.Status);
            Assert.Contains(hostile.ReasonPart, r.Reason);
            Assert.True(r.Reason!.Length < 400, r.Reason);
        });
        ServerStore.AssertSame(before, ServerStore.Snapshot(server.Db, "applied_mutations"), name);
        Assert.Equal(answers + mutations.Length, AppliedMutations());
        await AssertStillServing();
    }

    [Fact]
    public async Task Replay_OfAnAcceptedMutationWithOtherValues_GetsTheFirstAnswer_AndChangesNothing()
    {
        var client = Guid.NewGuid();
        var id = server.Anna.NextMutationId();
        var first = await server.Anna.Push(new Mutation(id, "clients", client, "insert", 0, ServerFixture.ClientColumns("Eerst")));
        var before = ServerStore.Snapshot(server.Db);

        var replay = await server.Anna.Push(new Mutation(id, "clients", client, "update", 1, new Dictionary<string, string?> { ["first_name"] = "Anders" }));

        Assert.Equal(Answer(first), Answer(replay));
        ServerStore.AssertSame(before, ServerStore.Snapshot(server.Db), "replay");
        Assert.Equal("Eerst", (await server.Bram.PullAll(0)).Changes.Last(c => c.RowId == client).Columns["first_name"]);
        await AssertStillServing();
    }

    [Fact]
    public async Task Replay_OfARefusedMutation_StaysRefused_EvenWithValidValues_AndChangesNothing()
    {
        var setup = await Prepare();
        var id = server.Anna.NextMutationId();
        var visit = Guid.NewGuid();
        var first = await server.Anna.Push(new Mutation(id, "home_visits", visit, "insert", 0, Visit(setup, date: "gisteren")));
        var before = ServerStore.Snapshot(server.Db);

        var replay = await server.Anna.Push(new Mutation(id, "home_visits", visit, "insert", 0, Visit(setup)));

        Assert.Equal(SyncProtocol.Results.Refused, first.Results.Single().Status);
        Assert.Equal(Answer(first), Answer(replay));
        ServerStore.AssertSame(before, ServerStore.Snapshot(server.Db), "replay");
        await AssertStillServing();
    }

    [Fact]
    public void TheSuite_SendsAtLeastAHundredHostileRequests() =>
        Assert.True(RequestCases.Count + RowCases.Count + 2 >= 100, $"{RequestCases.Count} + {RowCases.Count} + 2");

    private static (string Status, long Version, string? Reason, string Conflicts) Answer(PushResponse response)
    {
        var result = response.Results.Single();
        return (result.Status, result.Version, result.Reason, string.Join(',', result.ConflictColumns));
    }

    private long AppliedMutations() => ServerStore.Count(server.Db, "SELECT count(*) FROM applied_mutations");

    /// <summary>Still up, still answering, still taking a valid change.</summary>
    private async Task AssertStillServing()
    {
        await server.AssertHealthy();
        Assert.Equal("ok", await server.Http.GetStringAsync("/healthz"));
        var result = await server.Anna.PushOne("clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns("Gezond"));
        Assert.Equal(SyncProtocol.Results.Accepted, result.Status);
    }

    // ---------------------------------------------------------------- request builders

    private static HttpRequestMessage Send(HttpMethod method, string path, string? token, HttpContent? content = null, string protocol = "1") =>
        SyncClient.Request(method, path, token, content, protocol);

    private static HttpRequestMessage WithAuthorization(HttpMethod method, string path, string authorization, HttpContent? content = null)
    {
        var request = Send(method, path, null, content);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static StringContent Json(string json) => SyncClient.JsonBody(json);

    private static ByteArrayContent Body(string text, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string PushBody(params Mutation[] mutations) => JsonSerializer.Serialize(new PushRequest(mutations), SyncClient.Json);

    private static string ValidPush() => PushBody(new Mutation(1, "clients", Guid.NewGuid(), "insert", 0, ServerFixture.ClientColumns("Nooit")));

    private static string ValidPushInTurn() => JsonSerializer.Serialize(SyncClient.InTurnAfterAPushNeverApplied("Nooit"), SyncClient.Json);

    private static string AuditBody(Setup s, long seq = 1) =>
        JsonSerializer.Serialize(new AuditUploadRequest([s.Server.Anna.AuditEvent(seq, s.NoordClient)]), SyncClient.Json);

    private static Dictionary<string, string?> Visit(Setup s, string date = "2026-11-03", string zrm = "", string notes = "") => new()
    {
        ["client_id"] = s.NoordClient.ToString(), ["date"] = date, ["worker"] = s.Server.Anna.WorkerId.ToString(), ["notes"] = notes, ["zrm"] = zrm,
    };

    private static Mutation Insert(string table, Dictionary<string, string?> columns) => new(0, table, Guid.NewGuid(), "insert", 0, columns);

    private static Dictionary<string, string?> With(Dictionary<string, string?> columns, string column, string? value)
    {
        columns[column] = value;
        return columns;
    }
}
