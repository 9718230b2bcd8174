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

    /// <summary>The same text as before, and the text written before reads back to it.</summary>
    private static void AssertSame<T>(T value, JsonTypeInfo<T> generated, JsonSerializerOptions before)
    {
        var old = JsonSerializer.Serialize(value, before);

        Assert.Equal(old, JsonSerializer.Serialize(value, generated));
        Assert.Equal(old, JsonSerializer.Serialize(JsonSerializer.Deserialize(old, generated)!, generated));
    }
}
