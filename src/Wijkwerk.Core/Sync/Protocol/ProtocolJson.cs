using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// The sync protocol's messages, mapped by generated code: the laptop and the server read and write them through this one
/// mapping, so either can be a Native AOT program. Web options (camelCase).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EnrolRequest))]
[JsonSerializable(typeof(EnrolResponse))]
[JsonSerializable(typeof(PushRequest))]
[JsonSerializable(typeof(PushResponse))]
[JsonSerializable(typeof(PullResponse))]
[JsonSerializable(typeof(AuditUploadRequest))]
[JsonSerializable(typeof(AuditUploadResponse))]
[JsonSerializable(typeof(ProblemResponse))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class ProtocolJson : JsonSerializerContext;
