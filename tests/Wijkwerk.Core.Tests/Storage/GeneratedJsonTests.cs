using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wijkwerk.Core.Domain.Visits;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// Issue 10: the laptop's JSON goes through generated code (Native AOT has no reflection), and must stay what the
/// reflection-based serializer wrote: the server reads it, and stores, outboxes and drafts written before still read.
/// Each text is compared with the reflection serializer's, under the options the code used before.
/// </summary>
public class GeneratedJsonTests
{
    private static readonly JsonSerializerOptions Before = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private static readonly JsonSerializerOptions BeforeWeb = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private static readonly Dictionary<string, string?> Columns = new() { ["first_name"] = "Zoë \"Zus\" <b>&'", ["notes"] = null, ["amount_cents"] = "1250" };

    [Fact]
    public void ReflectionIsOff_InTheseTests_AsInTheNativeProgram()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new List<string>()));
    }

    [Fact]
    public void OutboxColumns_SameTextAsBefore()
    {
        IEnumerable<string> touched = Columns.Keys.Select(k => k);

        AssertSame(touched, LocalJson.Default.IEnumerableString, Before);
        AssertSame(Columns.Keys.ToArray(), LocalJson.Default.StringArray, Before);
    }

    [Fact]
    public void OpenedRow_SameTextAsBefore_AndAnOldDraftsRowReads()
    {
        var opened = new OpenedRow(7, Columns);
        var before = JsonSerializer.Serialize(opened, Before);

        var read = OpenedRow.FromJson(before)!;

        Assert.Equal(before, opened.ToJson());
        Assert.Equal(7, read.Version);
        Assert.Equal(Columns, read.Columns.ToDictionary());
    }

    [Fact]
    public void ZrmScores_SameTextAsBefore_AndReadBack()
    {
        var zrm = ZrmAssessment.Create(ZrmVersion.Zrm2017, new Dictionary<ZrmDomain, int> { [ZrmDomain.Finances] = 2, [ZrmDomain.Housing] = 4 }).Value;
        var before = JsonSerializer.Serialize(new ZrmText.ZrmJson(zrm.Version.Code, zrm.Scores.ToDictionary(s => s.Key.ToString(), s => (int)s.Value)), Before);

        Assert.Equal(before, ZrmText.Write(zrm));
        Assert.Equal(zrm.Scores, ZrmText.Read(before)!.Scores);
    }

    [Fact]
    public void SyncedListColumns_SameTextAsBefore()
    {
        AssertSame([new FundColumns.ShareJson("Woonstad \"Zuid\"", 12_50), new FundColumns.ShareJson("GGD", 0)], ColumnJson.Default.ListShareJson, BeforeWeb);
        AssertSame([new TriangleColumns.RouteJson("R1", "Opname €", 150_000, "Month", 2, 1, 300_000)], ColumnJson.Default.ListRouteJson, BeforeWeb);
    }

    [Fact]
    public void ProtocolMessages_SameTextAsBefore()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        var row = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
        AssertSame(new EnrolRequest("ABC-123", "Laptop Zoë"), ProtocolJson.Default.EnrolRequest, BeforeWeb);
        AssertSame(new EnrolResponse(row, "token", row, "Zoë", "Nurse", [new TeamInfo(row, "Noord")]), ProtocolJson.Default.EnrolResponse, BeforeWeb);
        AssertSame(new PushRequest([new Mutation(3, "clients", row, "update", 2, Columns) { ColumnBaseVersions = new Dictionary<string, long> { ["notes"] = 1 } }]), ProtocolJson.Default.PushRequest, BeforeWeb);
        AssertSame(new PushResponse([new MutationResult(3, "conflict", 4, null, ["notes"])]), ProtocolJson.Default.PushResponse, BeforeWeb);
        AssertSame(new PullResponse([new RowChange(9, "clients", row, 4, false, false, at, row, Columns)], 9, true, 12, 4_000_000_000u, [new WorkerInfo(row, "Zoë")]) { ScopeHeldBack = true }, ProtocolJson.Default.PullResponse, BeforeWeb);
        AssertSame(new AuditUploadRequest([new AuditRecord(5, "View", at, row, row, "Nurse", row, "Success", "clients:1")]), ProtocolJson.Default.AuditUploadRequest, BeforeWeb);
        AssertSame(new AuditUploadResponse(5), ProtocolJson.Default.AuditUploadResponse, BeforeWeb);
        AssertSame(new ProblemResponse("refused", "Geweigerd: één rij."), ProtocolJson.Default.ProblemResponse, BeforeWeb);
    }

    /// <summary>
    /// A push's mutations, answers and audit events and a pulled row are read and written by converters of their own, which a
    /// type's converter attribute gives every serializer, the reflection one above too: they are compared here with records of
    /// the same shape and no converter, written and read by the reflection serializer under the web options.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void HandWrittenProtocolMessages_SameTextAsTheWebOptionsMapping(int variant)
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, 125, TimeSpan.FromHours(variant));
        var id = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
        IReadOnlyDictionary<string, long>? baseVersions = variant == 0 ? new Dictionary<string, long> { ["notes"] = 1, ["zoë"] = long.MinValue } : null;
        string? text = variant == 0 ? "Zoë \"Zus\" <b>&'\u2028" : null;
        var mutation = new Mutation(long.MaxValue, text!, id, text!, -3, variant == 0 ? Columns : null!) { ColumnBaseVersions = baseVersions };
        var answer = new MutationResult(long.MinValue, text!, 4, text, variant == 0 ? ["notes", null!, "zoë"] : null!);
        var audit = new AuditRecord(5, text!, at, variant == 0 ? id : null, id, text!, id, text!, text!);
        var row = new RowChange(9, text!, id, 4, variant == 0, variant == 1, at, id, variant == 0 ? Columns : null!);

        Assert.Equal(
            JsonSerializer.Serialize(new PushShape([new(mutation.MutationId, mutation.Table, id, mutation.Operation, -3, mutation.Columns) { ColumnBaseVersions = baseVersions }], [new(5, text!, at, audit.ClientId, id, text!, id, text!, text!)]), BeforeWeb),
            JsonSerializer.Serialize(new PushRequest([mutation]) { Audit = [audit] }, ProtocolJson.Default.PushRequest));
        Assert.Equal(
            JsonSerializer.Serialize(new AnswerShape(answer.MutationId, text!, 4, text, answer.ConflictColumns), BeforeWeb),
            JsonSerializer.Serialize(answer, ProtocolJson.Default.PushResponse.Options));
        Assert.Equal(
            JsonSerializer.Serialize(new RowShape(9, text!, id, 4, row.Deleted, row.Removed, at, id, row.Columns), BeforeWeb),
            JsonSerializer.Serialize(row, ProtocolJson.Default.PushResponse.Options));
    }

    /// <summary>What the web options' mapping reads of a text, the converters read: names in any case, numbers as text, a duplicate's last value, unknown names skipped.</summary>
    [Theory]
    [InlineData("""{"mutationId":1,"MUTATIONID":"2","table":"a","Table":null,"rowId":"0190a1b2-0000-7000-8000-000000000001","OPERATION":"insert","baseVersion":"-4","columns":{"x":"1","x":"2","y":null},"columnBaseVersions":{"x":"3","x":4},"zz":{"a":[1,{"b":null}]}}""")]
    [InlineData("""{"Columns":null,"ColumnBaseVersions":null,"status":"s","reason":"r","conflictColumns":["a",null],"Version":7}""")]
    [InlineData("""{"seq":"8","Type":"View","at":"2026-03-01T10:30:00+01:00","clientId":null,"WorkerId":"0190a1b2-0000-7000-8000-000000000001","deviceId":"0190a1b2-0000-7000-8000-000000000001","role":"r","outcome":"o","detail":"d","Detail":"e"}""")]
    [InlineData("""{"\u0073eq":1,"eenveelteLangeNaamDieGeenVeldIsVanWelkBericht":true,"conflictCOLUMNS":[],"mutationid":9}""")]
    [InlineData("{}")]
    public void HandWrittenProtocolMessages_ReadAsTheWebOptionsMapping(string json)
    {
        var mutation = JsonSerializer.Deserialize(json, ProtocolJson.Default.PushRequest.Options.GetTypeInfo(typeof(Mutation)))!;
        var mutationShape = JsonSerializer.Deserialize<MutationShape>(json, BeforeWeb)!;
        Assert.Equal(JsonSerializer.Serialize(mutationShape, BeforeWeb), JsonSerializer.Serialize((Mutation)mutation, ProtocolJson.Default.PushRequest.Options));

        var answer = JsonSerializer.Deserialize(json, ProtocolJson.Default.PushResponse.Options.GetTypeInfo(typeof(MutationResult)))!;
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<AnswerShape>(json, BeforeWeb), BeforeWeb), JsonSerializer.Serialize((MutationResult)answer, ProtocolJson.Default.PushResponse.Options));

        var audit = JsonSerializer.Deserialize(json, ProtocolJson.Default.PushRequest.Options.GetTypeInfo(typeof(AuditRecord)))!;
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<AuditShape>(json, BeforeWeb), BeforeWeb), JsonSerializer.Serialize((AuditRecord)audit, ProtocolJson.Default.PushRequest.Options));
    }

    private sealed record PushShape(IReadOnlyList<MutationShape> Mutations, IReadOnlyList<AuditShape>? Audit)
    {
        public Guid? Id { get; init; }

        public Guid? Follows { get; init; }
    }

    private sealed record MutationShape(long MutationId, string Table, Guid RowId, string Operation, long BaseVersion, IReadOnlyDictionary<string, string?> Columns)
    {
        public IReadOnlyDictionary<string, long>? ColumnBaseVersions { get; init; }
    }

    private sealed record AnswerShape(long MutationId, string Status, long Version, string? Reason, IReadOnlyList<string> ConflictColumns);

    private sealed record AuditShape(long Seq, string Type, DateTimeOffset At, Guid? ClientId, Guid WorkerId, string Role, Guid DeviceId, string Outcome, string Detail);

    private sealed record RowShape(long Seq, string Table, Guid RowId, long Version, bool Deleted, bool Removed, DateTimeOffset UpdatedAt, Guid UpdatedBy, IReadOnlyDictionary<string, string?> Columns);

    /// <summary>The same text as before, and the text written before reads back to it.</summary>
    private static void AssertSame<T>(T value, JsonTypeInfo<T> generated, JsonSerializerOptions before)
    {
        var old = JsonSerializer.Serialize(value, before);

        Assert.Equal(old, JsonSerializer.Serialize(value, generated));
        Assert.Equal(old, JsonSerializer.Serialize(JsonSerializer.Deserialize(old, generated)!, generated));
    }
}
