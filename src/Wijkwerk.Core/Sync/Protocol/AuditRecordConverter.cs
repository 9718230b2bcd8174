using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// An <see cref="AuditRecord"/> on the wire, read and written as the generated mapping of the web options did, but by hand: a
/// laptop logs every row it writes, so the server of a first upload of 100,000 rows reads 100,000 of these with the pushes.
/// </summary>
public sealed class AuditRecordConverter : JsonConverter<AuditRecord>
{
    private const string What = "An audit event";

    public override AuditRecord? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireReading.ExpectObject(ref reader, What);
        long seq = 0;
        string? type = null, role = null, outcome = null, detail = null;
        DateTimeOffset at = default;
        Guid? clientId = null;
        Guid workerId = default, deviceId = default;
        while (WireReading.NextProperty(ref reader, What, Known) is { } property)
        {
            switch (property)
            {
                case "seq":
                    seq = WireReading.Integer(ref reader, property);
                    break;
                case "type":
                    type = WireReading.Text(ref reader, property);
                    break;
                case "at":
                    at = reader.GetDateTimeOffset();
                    break;
                case "clientid":
                    clientId = WireReading.OptionalGuid(ref reader);
                    break;
                case "workerid":
                    workerId = reader.GetGuid();
                    break;
                case "role":
                    role = WireReading.Text(ref reader, property);
                    break;
                case "deviceid":
                    deviceId = reader.GetGuid();
                    break;
                case "outcome":
                    outcome = WireReading.Text(ref reader, property);
                    break;
                case "detail":
                    detail = WireReading.Text(ref reader, property);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new AuditRecord(seq, type!, at, clientId, workerId, role!, deviceId, outcome!, detail!);
    }

    public override void Write(Utf8JsonWriter writer, AuditRecord value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("seq"u8, value.Seq);
        writer.WriteString("type"u8, value.Type);
        writer.WriteString("at"u8, value.At);
        if (value.ClientId is { } clientId)
            writer.WriteString("clientId"u8, clientId);
        else
            writer.WriteNull("clientId"u8);
        writer.WriteString("workerId"u8, value.WorkerId);
        writer.WriteString("role"u8, value.Role);
        writer.WriteString("deviceId"u8, value.DeviceId);
        writer.WriteString("outcome"u8, value.Outcome);
        writer.WriteString("detail"u8, value.Detail);
        writer.WriteEndObject();
    }

    private static string? Known(ReadOnlySpan<char> name) => name switch
    {
        "seq" => "seq",
        "type" => "type",
        "at" => "at",
        "clientId" or "clientid" => "clientid",
        "workerId" or "workerid" => "workerid",
        "role" => "role",
        "deviceId" or "deviceid" => "deviceid",
        "outcome" => "outcome",
        "detail" => "detail",
        _ => null,
    };
}
