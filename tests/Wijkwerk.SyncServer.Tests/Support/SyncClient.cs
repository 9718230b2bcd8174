using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>A minimal laptop for tests: speaks the wire protocol and keeps nothing but its token and anchor.</summary>
public sealed class SyncClient(HttpClient http, string token, Guid deviceId, Guid workerId, string role = "nurse")
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Token { get; } = token;
    public Guid DeviceId { get; } = deviceId;
    public Guid WorkerId { get; } = workerId;
    /// <summary>The role code the server enrolled this device for, as its audit events carry it.</summary>
    public string Role { get; } = role;
    private long _nextMutation = 1;

    public long NextMutationId() => Interlocked.Increment(ref _nextMutation);

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, HttpContent? content = null, string protocol = "1")
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (protocol.Length > 0)
            request.Headers.Add(SyncProtocol.VersionHeader, protocol);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A push of one new client as sent in turn, naming a push before it that the server never applied.</summary>
    public static PushRequest InTurnAfterAPushNeverApplied(string firstName) =>
        new([new Mutation(1, "clients", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns(firstName))]) { Id = Guid.NewGuid(), Follows = Guid.NewGuid() };

    public static async Task<(HttpStatusCode Status, EnrolResponse? Enrolled, ProblemResponse? Problem)> Enrol(HttpClient http, string code, string name = "laptop")
    {
        using var response = await http.SendAsync(Request(HttpMethod.Post, SyncProtocol.EnrolPath, null, JsonContent.Create(new EnrolRequest(code, name), options: Json)));
        return response.IsSuccessStatusCode
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<EnrolResponse>(Json), null)
            : (response.StatusCode, null, await response.Content.ReadFromJsonAsync<ProblemResponse>(Json));
    }

    public Task<PushResponse> Push(params Mutation[] mutations) => PushCarrying(null, mutations);

    /// <summary>A push with audit events to store with it (<see cref="PushRequest.Audit"/>).</summary>
    public async Task<PushResponse> PushCarrying(IReadOnlyList<AuditRecord>? audit, params Mutation[] mutations)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Post, SyncProtocol.PushPath, Token, JsonContent.Create(new PushRequest(mutations) { Audit = audit }, options: Json)));
        Assert.True(response.IsSuccessStatusCode, $"push: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PushResponse>(Json))!;
    }

    public async Task<MutationResult> PushOne(string table, Guid rowId, string operation, long baseVersion, Dictionary<string, string?> columns) =>
        (await Push(new Mutation(NextMutationId(), table, rowId, operation, baseVersion, columns))).Results.Single();

    public async Task<(HttpStatusCode Status, AuditUploadResponse? Answer, ProblemResponse? Problem)> UploadAudit(params AuditRecord[] events)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Post, SyncProtocol.AuditPath, Token, JsonContent.Create(new AuditUploadRequest(events), options: Json)));
        return response.IsSuccessStatusCode
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<AuditUploadResponse>(Json), null)
            : (response.StatusCode, null, await response.Content.ReadFromJsonAsync<ProblemResponse>(Json));
    }

    /// <summary>An audit event as this device would send it, about one client.</summary>
    public AuditRecord AuditEvent(long seq, Guid client, string type = "View") =>
        new(seq, type, DateTimeOffset.UtcNow, client, WorkerId, Role, DeviceId, "Success", "dossier");

    public async Task<PullResponse> Pull(long after, int limit = 500)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, $"{SyncProtocol.PullPath}?after={after}&limit={limit}", Token));
        Assert.True(response.IsSuccessStatusCode, $"pull: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PullResponse>(Json))!;
    }

    /// <summary>Pulls every page after the anchor until caught up (<see cref="CatchUp"/>); returns the changes and the last page.</summary>
    public async Task<(List<RowChange> Changes, PullResponse Last)> PullAll(long after, int limit = 500)
    {
        var all = new List<RowChange>();
        var last = await CatchUp.Pull(from => Pull(from, limit), after, page => all.AddRange(page.Changes));
        return (all, last);
    }
}
