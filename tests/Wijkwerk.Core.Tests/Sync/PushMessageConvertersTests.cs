using System.Text.Json;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>
/// A push's mutations, their answers and the audit events sent with them are read and written by hand; they must travel
/// exactly as the protocol's web options had them, so laptops and servers of earlier releases read them, and answers a
/// server stored before read back the same.
/// </summary>
public class PushMessageConvertersTests
{
    private const string Row = "0190a1b2-0000-7000-8000-000000000002";
    private const string Client = "0190a1b2-0000-7000-8000-000000000001";
    private const string Worker = "0190a1b2-0000-7000-8000-0000000000aa";
    private const string Device = "0190a1b2-0000-7000-8000-0000000000dd";

    [Fact]
    public void AMutation_IsWrittenWithTheProtocolsNames_AndReadsBackAsItWas()
    {
        var mutation = new Mutation(7, "signals", Guid.Parse(Row), "update", 3, new Dictionary<string, string?> { ["notes"] = "Zoë \"thuis\"", ["assignee"] = null })
        {
            ColumnBaseVersions = new Dictionary<string, long> { ["notes"] = 2 },
        };

        var json = JsonSerializer.Serialize(new PushRequest([mutation, mutation with { ColumnBaseVersions = null }]), ProtocolJson.Default.PushRequest);
        var read = JsonSerializer.Deserialize(json, ProtocolJson.Default.PushRequest)!.Mutations;

        Assert.Equal(
            $$$"""{"mutations":[{"mutationId":7,"table":"signals","rowId":"{{{Row}}}","operation":"update","baseVersion":3,"columns":{"notes":"Zo\u00EB \u0022thuis\u0022","assignee":null},"columnBaseVersions":{"notes":2}},""" +
            $$$"""{"mutationId":7,"table":"signals","rowId":"{{{Row}}}","operation":"update","baseVersion":3,"columns":{"notes":"Zo\u00EB \u0022thuis\u0022","assignee":null},"columnBaseVersions":null}],"audit":null,"id":null,"follows":null}""",
            json);
        Assert.Equal((7L, "signals", Guid.Parse(Row), "update", 3L), (read[0].MutationId, read[0].Table, read[0].RowId, read[0].Operation, read[0].BaseVersion));
        Assert.Equal(mutation.Columns, read[0].Columns.ToDictionary());
        Assert.Equal(mutation.ColumnBaseVersions, read[0].ColumnBaseVersions);
        Assert.Null(read[1].ColumnBaseVersions);
    }

    [Theory]
    [InlineData($$$"""{"MUTATIONID":7,"Table":"signals","ROWID":"{{{Row}}}","Operation":"update","BASEVERSION":3,"Columns":{"notes":"x"},"ColumnBaseVersions":{"notes":2}}""")]
    [InlineData($$$"""{"mutationId":"7","table":"signals","rowId":"{{{Row}}}","operation":"update","baseVersion":"3","columns":{"notes":"x"},"columnBaseVersions":{"notes":"2"}}""")]
    [InlineData($$$"""{"extra":{"a":[1,{"b":null}]},"columnBaseVersions":{"notes":2},"columns":{"notes":"x"},"baseVersion":3,"operation":"update","rowId":"{{{Row}}}","table":"signals","mutationId":7,"more":[true]}""")]
    [InlineData($$$"""{"\u006d\u0075\u0074\u0061\u0074\u0069\u006f\u006e\u0049\u0064":7,"table":"signals","rowId":"{{{Row}}}","operation":"update","baseVersion":3,"columns":{"notes":"x"},"columnBaseVersions":{"notes":2},"eenveelteLangeNaamDieGeenVeldIsVanEenWijziging":1}""")]
    public void AMutationWrittenInAnyWayTheWebOptionsRead_ReadsAsTheSameMutation(string mutation)
    {
        var read = Assert.Single(Push(mutation).Mutations);

        Assert.Equal((7L, "signals", Guid.Parse(Row), "update", 3L), (read.MutationId, read.Table, read.RowId, read.Operation, read.BaseVersion));
        Assert.Equal("x", read.Columns["notes"]);
        Assert.Equal(2L, read.ColumnBaseVersions!["notes"]);
    }

    [Fact]
    public void AMutationWithoutTheOptionalParts_ReadsWithTheirDefaults()
    {
        var read = Assert.Single(Push("""{"mutationId":4}""").Mutations);

        Assert.Equal((4L, null, Guid.Empty, null, 0L), (read.MutationId, read.Table, read.RowId, read.Operation, read.BaseVersion));
        Assert.Null(read.Columns);
        Assert.Null(read.ColumnBaseVersions);
        Assert.Equal([null!], Push("null").Mutations);
    }

    [Fact]
    public void AnUnknownNameThatIsNotUtf8_IsSkipped_AsTheGeneratedMappingSkippedIt()
    {
        byte[] json = [.. "{\"mutations\":[{\""u8, 0xFF, 0xFE, .. "\":1,\"mutationId\":7,\"M"u8, 0xC3, .. "\":2}]}"u8];

        Assert.Equal(7, Assert.Single(JsonSerializer.Deserialize(json, ProtocolJson.Default.PushRequest)!.Mutations).MutationId);
    }

    [Theory]
    [InlineData("""{"mutationId":"zeven"}""")]
    [InlineData("""{"mutationId":1.5}""")]
    [InlineData("""{"mutationId":" 7"}""")]
    [InlineData("""{"mutationId":null}""")]
    [InlineData("""{"baseVersion":true}""")]
    [InlineData("""{"rowId":"geen id"}""")]
    [InlineData("""{"rowId":null}""")]
    [InlineData("""{"table":5}""")]
    [InlineData("""{"operation":["update"]}""")]
    [InlineData("""{"columns":{"notes":1}}""")]
    [InlineData("""{"columns":["notes"]}""")]
    [InlineData("""{"columnBaseVersions":{"notes":"twee"}}""")]
    [InlineData("""{"columnBaseVersions":{"notes":null}}""")]
    [InlineData("""{"columnBaseVersions":[2]}""")]
    [InlineData("""[1]""")]
    [InlineData("""17""")]
    public void AMutationWithAValueOfTheWrongKind_FailsTheRequest(string mutation)
    {
        Assert.ThrowsAny<JsonException>(() => Push(mutation));
    }

    [Fact]
    public void AnAnswer_IsWrittenWithTheProtocolsNames_AndReadsBackAsItWas()
    {
        var answers = new PushResponse([new MutationResult(7, "conflict", 4, "Een ander \"wijzigde\" dit", ["notes", "assignee"]), new MutationResult(8, "accepted", 1, null, [])])
        {
            AuditHeld = 12,
            InTurn = true,
        };

        var json = JsonSerializer.Serialize(answers, ProtocolJson.Default.PushResponse);
        var read = JsonSerializer.Deserialize(json, ProtocolJson.Default.PushResponse)!;

        Assert.Equal(
            """{"results":[{"mutationId":7,"status":"conflict","version":4,"reason":"Een ander \u0022wijzigde\u0022 dit","conflictColumns":["notes","assignee"]},""" +
            """{"mutationId":8,"status":"accepted","version":1,"reason":null,"conflictColumns":[]}],"auditHeld":12,"inTurn":true}""",
            json);
        Assert.Equal(answers.Results.Select(Flat), read.Results.Select(Flat));
        Assert.Equal((12L, true), (read.AuditHeld, read.InTurn));
    }

    [Theory]
    [InlineData("""{"MUTATIONID":7,"Status":"conflict","VERSION":4,"Reason":"r","ConflictColumns":["notes"]}""")]
    [InlineData("""{"mutationId":"7","status":"conflict","version":"4","reason":"r","conflictColumns":["notes"]}""")]
    [InlineData("""{"x":{"y":[1,{"z":null}]},"conflictColumns":["notes"],"reason":"r","version":4,"status":"conflict","mutationId":7,"more":[true]}""")]
    public void AnAnswerWrittenInAnyWayTheWebOptionsRead_ReadsAsTheSameAnswer(string answer)
    {
        var read = Assert.Single(Answers(answer).Results);

        Assert.Equal((7L, "conflict", 4L, "r", "notes"), (read.MutationId, read.Status, read.Version, read.Reason, Assert.Single(read.ConflictColumns)));
    }

    [Fact]
    public void AnAnswerWithoutTheOptionalParts_ReadsWithTheirDefaults()
    {
        var read = Assert.Single(Answers("""{"mutationId":9,"status":"accepted"}""").Results);

        Assert.Equal((9L, "accepted", 0L, null), (read.MutationId, read.Status, read.Version, read.Reason));
        Assert.Null(read.ConflictColumns);
        Assert.Equal([null!, "b"], Assert.Single(Answers("""{"conflictColumns":[null,"b"]}""").Results).ConflictColumns);
    }

    [Theory]
    [InlineData("""{"mutationId":"negen"}""")]
    [InlineData("""{"version":null}""")]
    [InlineData("""{"status":1}""")]
    [InlineData("""{"reason":{"a":"b"}}""")]
    [InlineData("""{"conflictColumns":"notes"}""")]
    [InlineData("""{"conflictColumns":[1]}""")]
    [InlineData("""[1]""")]
    public void AnAnswerWithAValueOfTheWrongKind_FailsTheResponse(string answer)
    {
        Assert.ThrowsAny<JsonException>(() => Answers(answer));
    }

    [Fact]
    public void AnAuditEvent_IsWrittenWithTheProtocolsNames_AndReadsBackAsItWas()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, 125, TimeSpan.Zero);
        var events = new[]
        {
            new AuditRecord(5, "View", at, Guid.Parse(Client), Guid.Parse(Worker), "nurse", Guid.Parse(Device), "Success", "rij \"geopend\""),
            new AuditRecord(6, "Login", at.AddHours(1), null, Guid.Parse(Worker), "nurse", Guid.Parse(Device), "Denied", ""),
        };

        var json = JsonSerializer.Serialize(new AuditUploadRequest(events), ProtocolJson.Default.AuditUploadRequest);
        var read = JsonSerializer.Deserialize(json, ProtocolJson.Default.AuditUploadRequest)!.Events;

        Assert.Equal(
            $$$"""{"events":[{"seq":5,"type":"View","at":"2026-03-01T09:30:00.125+00:00","clientId":"{{{Client}}}","workerId":"{{{Worker}}}","role":"nurse","deviceId":"{{{Device}}}","outcome":"Success","detail":"rij \u0022geopend\u0022"},""" +
            $$$"""{"seq":6,"type":"Login","at":"2026-03-01T10:30:00.125+00:00","clientId":null,"workerId":"{{{Worker}}}","role":"nurse","deviceId":"{{{Device}}}","outcome":"Denied","detail":""}]}""",
            json);
        Assert.Equal(events, read);
        Assert.Equal(events, JsonSerializer.Deserialize(JsonSerializer.Serialize(new PushRequest([]) { Audit = events }, ProtocolJson.Default.PushRequest), ProtocolJson.Default.PushRequest)!.Audit);
    }

    [Theory]
    [InlineData($$$"""{"SEQ":5,"Type":"View","AT":"2026-03-01T10:30:00+01:00","ClientId":"{{{Client}}}","WORKERID":"{{{Worker}}}","Role":"nurse","DeviceId":"{{{Device}}}","OUTCOME":"Success","Detail":"d"}""")]
    [InlineData($$$"""{"seq":"5","type":"View","at":"2026-03-01T09:30:00Z","clientId":"{{{Client}}}","workerId":"{{{Worker}}}","role":"nurse","deviceId":"{{{Device}}}","outcome":"Success","detail":"d","extra":[{"a":1}]}""")]
    public void AnAuditEventWrittenInAnyWayTheWebOptionsRead_ReadsAsTheSameEvent(string auditEvent)
    {
        var read = Assert.Single(Audit(auditEvent).Events);

        Assert.Equal(new AuditRecord(5, "View", new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), Guid.Parse(Client), Guid.Parse(Worker), "nurse", Guid.Parse(Device), "Success", "d"), read);
    }

    [Fact]
    public void AnAuditEventWithoutTheOptionalParts_ReadsWithTheirDefaults()
    {
        var read = Assert.Single(Audit("""{"seq":3}""").Events);

        Assert.Equal(new AuditRecord(3, null!, default, null, Guid.Empty, null!, Guid.Empty, null!, null!), read);
    }

    [Theory]
    [InlineData("""{"seq":"drie"}""")]
    [InlineData("""{"at":"gisteren"}""")]
    [InlineData("""{"at":null}""")]
    [InlineData("""{"clientId":"geen id"}""")]
    [InlineData("""{"workerId":null}""")]
    [InlineData("""{"detail":42}""")]
    [InlineData("""{"type":true}""")]
    [InlineData("""[1]""")]
    public void AnAuditEventWithAValueOfTheWrongKind_FailsTheUpload(string auditEvent)
    {
        Assert.ThrowsAny<JsonException>(() => Audit(auditEvent));
    }

    private static (long, string, long, string?, string) Flat(MutationResult r) => (r.MutationId, r.Status, r.Version, r.Reason, string.Join("|", r.ConflictColumns));

    private static PushRequest Push(string mutation) =>
        JsonSerializer.Deserialize("""{"mutations":[""" + mutation + "]}", ProtocolJson.Default.PushRequest)!;

    private static PushResponse Answers(string answer) =>
        JsonSerializer.Deserialize("""{"results":[""" + answer + "]}", ProtocolJson.Default.PushResponse)!;

    private static AuditUploadRequest Audit(string auditEvent) =>
        JsonSerializer.Deserialize("""{"events":[""" + auditEvent + "]}", ProtocolJson.Default.AuditUploadRequest)!;
}
