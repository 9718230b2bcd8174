using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// The laptop's side of the sync protocol, mapped by generated code so the Native AOT program can talk to the server.
/// Web options (camelCase), as the server reads and writes them.
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
internal sealed partial class ProtocolJson : JsonSerializerContext;
