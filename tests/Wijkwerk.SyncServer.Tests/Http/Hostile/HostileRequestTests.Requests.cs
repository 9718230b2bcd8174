using System.Net;
using System.Text;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Tests.Support;
using static Wijkwerk.Core.Sync.Protocol.SyncProtocol;

namespace Wijkwerk.SyncServer.Tests.Http.Hostile;

/// <summary>Whole requests the server refuses: authentication, protocol header, method, content type, body, query, size.</summary>
public sealed partial class HostileRequestTests
{
    private const string NotEnrolled = "niet (meer) aangemeld";
    private const string Outdated = "verouderd";
    private const string NotAllowed = "niet toegestaan";
    private const string NotJson = "application/json";
    private const string BadJson = "geen geldige JSON";

    private static readonly Dictionary<string, RequestCase> RequestCases = Build();

    private static Dictionary<string, RequestCase> Build()
    {
        var cases = new Dictionary<string, RequestCase>();
        void Add(string name, Func<Setup, HttpRequestMessage> build, HttpStatusCode status, string code, string part) => cases.Add(name, new RequestCase(build, status, code, part));

        // Authentication, on every endpoint that needs a device.
        var authenticated = new (string Name, HttpMethod Method, string Path, Func<Setup, string?> Body)[]
        {
            ("push", HttpMethod.Post, PushPath, _ => ValidPush()),
            ("push in turn", HttpMethod.Post, PushInTurnPath, _ => ValidPushInTurn()),
            ("pull", HttpMethod.Get, PullPath, _ => null),
            ("audit", HttpMethod.Post, AuditPath, s => AuditBody(s)),
        };
        foreach (var (endpoint, method, path, body) in authenticated)
        {
            HttpContent? Content(Setup s) => body(s) is { } json ? Json(json) : null;
            Add($"{endpoint}: no authorization", s => Send(method, path, null, Content(s)), HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized, NotEnrolled);
            Add($"{endpoint}: bearer without a token", s => WithAuthorization(method, path, "Bearer ", Content(s)), HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized, NotEnrolled);
            Add($"{endpoint}: garbage token", s => Send(method, path, "xyz", Content(s)), HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized, NotEnrolled);
            Add($"{endpoint}: basic authentication", s => WithAuthorization(method, path, "Basic YW5uYTpnZWhlaW0=", Content(s)), HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized, NotEnrolled);
            Add($"{endpoint}: 8 KB token", s => Send(method, path, new string('t', 8 * 1024), Content(s)), HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized, NotEnrolled);
            Add($"{endpoint}: another device's token off by one character", s => Send(method, path, OffByOne(s.Anna), Content(s)), HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized, NotEnrolled);
            Add($"{endpoint}: a valid token under another scheme", s => WithAuthorization(method, path, "Token " + s.Anna, Content(s)), HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized, NotEnrolled);
        }

        // A revoked device may still upload its own audit log (issue 9, scenario 10): only push and pull here.
        Add("push: revoked device", s => Send(HttpMethod.Post, PushPath, s.RevokedToken, Json(ValidPush())), HttpStatusCode.Unauthorized, ProblemCodes.Revoked, "ingetrokken");
        Add("push in turn: revoked device", s => Send(HttpMethod.Post, PushInTurnPath, s.RevokedToken, Json(ValidPushInTurn())), HttpStatusCode.Unauthorized, ProblemCodes.Revoked, "ingetrokken");
        Add("pull: revoked device", s => Send(HttpMethod.Get, PullPath, s.RevokedToken), HttpStatusCode.Unauthorized, ProblemCodes.Revoked, "ingetrokken");

        // The protocol header, on every sync endpoint.
        (string Name, HttpMethod Method, string Path, Func<Setup, string?> Body)[] sync =
        [
            ("enrol", HttpMethod.Post, EnrolPath, _ => """{"code":"ABCD-EFGH","deviceName":"laptop"}"""),
            .. authenticated,
        ];
        foreach (var (endpoint, method, path, body) in sync)
        {
            foreach (var (label, header) in new[] { ("missing", ""), ("2", "2"), ("one", "one") })
            {
                Add($"{endpoint}: protocol header {label}", s => Send(method, path, s.Anna, body(s) is { } json ? Json(json) : null, header),
                    HttpStatusCode.UpgradeRequired, ProblemCodes.ProtocolOutdated, Outdated);
            }
        }

        // A method the path does not take.
        var methods = new (string Path, string[] Wrong)[]
        {
            (PushPath, ["GET", "PUT", "DELETE", "PATCH"]),
            (PushInTurnPath, ["GET", "PUT", "DELETE"]),
            (EnrolPath, ["GET", "PUT"]),
            (AuditPath, ["GET", "DELETE"]),
            (PullPath, ["POST", "PUT", "DELETE"]),
            ("/healthz", ["POST", "PUT", "DELETE"]),
        };
        foreach (var (path, wrong) in methods)
        {
            foreach (var method in wrong)
                Add($"{method} {path}", s => Send(new HttpMethod(method), path, s.Anna, Json("{}")), HttpStatusCode.MethodNotAllowed, ProblemCodes.InvalidRequest, NotAllowed);
        }

        // Content types: a body is JSON or it is not read.
        var posted = new (string Name, string Path, Func<Setup, string> Body)[]
        {
            ("push", PushPath, _ => ValidPush()),
            ("push in turn", PushInTurnPath, _ => ValidPushInTurn()),
            ("audit", AuditPath, s => AuditBody(s)),
            ("enrol", EnrolPath, _ => """{"code":"ABCD-EFGH","deviceName":"laptop"}"""),
        };
        foreach (var (endpoint, path, body) in posted)
        {
            foreach (var type in new string?[] { null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16" })
            {
                Add($"{endpoint}: content type {type ?? "missing"}", s => Send(HttpMethod.Post, path, s.Anna, Body(body(s), type)),
                    HttpStatusCode.UnsupportedMediaType, ProblemCodes.InvalidRequest, NotJson);
            }
        }

        // Push bodies that are not a push (BadInputTests has the plainly broken ones).
        var client = Guid.Empty.ToString().Replace('0', '1');
        foreach (var (label, json, part) in new[]
        {
            ("array at the top", "[]", BadJson),
            ("mutations as text", """{"mutations":"alles"}""", BadJson),
            ("a null mutation", """{"mutations":[null]}""", "mist de lijst 'mutations'"),
            ("mutations as an object", """{"mutations":{}}""", BadJson),
            ("nested 200 deep", "{\"x\":" + new string('[', 200) + new string(']', 200) + "}", BadJson),
            ("a value that is an object", $$$$"""{"mutations":[{"mutationId":1,"table":"clients","rowId":"{{{{client}}}}","operation":"update","baseVersion":1,"columns":{"notes":{"x":1}}}]}""", BadJson),
            ("a value that is a list", $$$"""{"mutations":[{"mutationId":1,"table":"clients","rowId":"{{{client}}}","operation":"update","baseVersion":1,"columns":{"notes":["a"]}}]}""", BadJson),
            ("a row id that is a number", """{"mutations":[{"mutationId":1,"table":"clients","rowId":5,"operation":"update","baseVersion":1,"columns":{}}]}""", BadJson),
            ("an operation that is a number", $$$"""{"mutations":[{"mutationId":1,"table":"clients","rowId":"{{{client}}}","operation":1,"baseVersion":1,"columns":{}}]}""", BadJson),
            ("a base version that is text", $$$"""{"mutations":[{"mutationId":1,"table":"clients","rowId":"{{{client}}}","operation":"update","baseVersion":"een","columns":{}}]}""", BadJson),
            ("a mutation id with a fraction", $$$"""{"mutations":[{"mutationId":1.5,"table":"clients","rowId":"{{{client}}}","operation":"update","baseVersion":1,"columns":{}}]}""", BadJson),
            ("a mutation id beyond 64 bits", $$$"""{"mutations":[{"mutationId":1e30,"table":"clients","rowId":"{{{client}}}","operation":"update","baseVersion":1,"columns":{}}]}""", BadJson),
            ("trailing garbage", """{"mutations":[]} en nog wat""", BadJson),
            ("an empty body", "", BadJson),
            ("a comment", """{/* stil */"mutations":[]}""", BadJson),
        })
        {
            Add($"push: {label}", s => Send(HttpMethod.Post, PushPath, s.Anna, Json(json)), HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, part);
            Add($"push in turn: {label}", s => Send(HttpMethod.Post, PushInTurnPath, s.Anna, Json(json)), HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, part);
        }

        // A push in turn names itself and the push before it; one that names a push the server never applied applies nothing.
        var valid = $$$"""{"mutations":[{"mutationId":1,"table":"clients","rowId":"{{{client}}}","operation":"insert","baseVersion":0,"columns":{}}]""";
        Add("push in turn: without follows", s => Send(HttpMethod.Post, PushInTurnPath, s.Anna, Json(valid + $$$""","id":"{{{client}}}"}""")),
            HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "'follows'");
        Add("push in turn: without its id", s => Send(HttpMethod.Post, PushInTurnPath, s.Anna, Json(valid + $$$""","follows":"{{{client}}}"}""")),
            HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "'id'");
        Add("push in turn: follows a push never applied", s => Send(HttpMethod.Post, PushInTurnPath, s.Anna, Json(ValidPushInTurn())),
            HttpStatusCode.Conflict, ProblemCodes.OutOfTurn, "niets van verwerkt");
        Add("push in turn: a follows that is no guid", s => Send(HttpMethod.Post, PushInTurnPath, s.Anna, Json(valid + $$$""","id":"{{{client}}}","follows":"de vorige"}""")),
            HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, BadJson);

        Add("push: bytes that are not UTF-8", s => Send(HttpMethod.Post, PushPath, s.Anna, Bytes([0x7B, 0xFF, 0xFE, 0x7D])), HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, BadJson);
        Add("push: one mutation more than a push may carry", s => Send(HttpMethod.Post, PushPath, s.Anna, Json(PushBody([.. Enumerable.Range(1, MaxMutationsPerPush + 1).Select(i => new Mutation(i, "clients", Guid.NewGuid(), "insert", 0, ServerFixture.ClientColumns()))]))),
            HttpStatusCode.RequestEntityTooLarge, ProblemCodes.TooLarge, "Te veel wijzigingen");

        // Audit uploads that are not a device's own, well-formed log.
        foreach (var (label, json, part) in new[]
        {
            ("events missing", """{"events":null}""", "mist de lijst 'events'"),
            ("a null event", """{"events":[null]}""", "mist de lijst 'events'"),
            ("a seq that is text", """{"events":[{"seq":"een"}]}""", BadJson),
            ("a moment that is a word", """{"events":[{"seq":1,"type":"View","at":"gisteren"}]}""", BadJson),
            ("a client id that is no guid", """{"events":[{"seq":1,"type":"View","at":"2026-11-01T09:00:00Z","clientId":"xyz"}]}""", BadJson),
            ("malformed", """{"events":[{"seq":1,""", BadJson),
        })
        {
            Add($"audit: {label}", s => Send(HttpMethod.Post, AuditPath, s.Anna, Json(json)), HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, part);
        }

        Add("audit: an unknown type of 10,000 characters", s => Send(HttpMethod.Post, AuditPath, s.Anna, Json(Audit(s, e => e with { Type = new string('T', 10_000) }))),
            HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, new string('T', 40) + "…");
        Add("audit: a detail over 2,000 characters", s => Send(HttpMethod.Post, AuditPath, s.Anna, Json(Audit(s, e => e with { Detail = new string('d', 2001) }))),
            HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "toelichting");
        Add("audit: the administrator's role", s => Send(HttpMethod.Post, AuditPath, s.Anna, Json(Audit(s, e => e with { Role = "admin" }))),
            HttpStatusCode.Forbidden, ProblemCodes.Forbidden, "andere rol");
        Add("audit: a colleague's device", s => Send(HttpMethod.Post, AuditPath, s.Anna, Json(Audit(s, e => e with { DeviceId = s.Server.Bram.DeviceId }))),
            HttpStatusCode.Forbidden, ProblemCodes.Forbidden, "ander apparaat");

        // Enrolment with a code that is not one.
        foreach (var (label, json, status, code, part) in new[]
        {
            ("malformed", """{"code":""", HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, BadJson),
            ("a code that is a number", """{"code":5,"deviceName":"laptop"}""", HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, BadJson),
            ("an empty code", """{"code":"","deviceName":"laptop"}""", HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "inschrijfcode ontbreekt"),
            ("no code", """{"deviceName":"laptop"}""", HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "inschrijfcode ontbreekt"),
            ("a device name with NUL", """{"code":"ABCD-EFGH","deviceName":"lap\u0000top"}""", HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "apparaatnaam"),
            ("a device name of 101 characters", $$"""{"code":"ABCD-EFGH","deviceName":"{{new string('n', 101)}}"}""", HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "apparaatnaam"),
            ("an unknown code", """{"code":"ABCD-EFGH","deviceName":"laptop"}""", HttpStatusCode.BadRequest, ProblemCodes.CodeInvalid, "onbekend"),
            ("a code of 10 KB", $$"""{"code":"{{new string('c', 10_240)}}","deviceName":"laptop"}""", HttpStatusCode.BadRequest, ProblemCodes.CodeInvalid, "onbekend"),
        })
        {
            Add($"enrol: {label}", _ => Send(HttpMethod.Post, EnrolPath, null, Json(json)), status, code, part);
        }

        // Pull parameters.
        foreach (var query in new[] { "limit=abc", "limit=-5", "after=1e3", "after=99999999999999999999", "limit=0x10", "after=%00" })
        {
            Add($"pull: {query}", s => Send(HttpMethod.Get, PullPath + "?" + query, s.Anna), HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest, "moet een geheel getal");
        }

        // Bodies over the limit, refused from the headers before they are sent.
        foreach (var (endpoint, path) in new[] { ("audit", AuditPath), ("enrol", EnrolPath) })
        {
            Add($"{endpoint}: a 9 MB body", s => Oversized(path, s.Anna), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.TooLarge, "te groot");
        }

        return cases;
    }

    private static string OffByOne(string token) => (token[0] == 'A' ? "B" : "A") + token[1..];

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    private static string Audit(Setup s, Func<AuditRecord, AuditRecord> spoil) =>
        System.Text.Json.JsonSerializer.Serialize(new AuditUploadRequest([spoil(s.Server.Anna.AuditEvent(7_000_001, s.NoordClient))]), SyncClient.Json);

    private static HttpRequestMessage Oversized(string path, string token)
    {
        var request = Send(HttpMethod.Post, path, token, Json("\"" + new string('x', 9 * 1024 * 1024) + "\""));
        request.Headers.ExpectContinue = true; // the server answers from the headers
        return request;
    }
}
