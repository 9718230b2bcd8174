using System.Text.Json;
using System.Text.Json.Serialization;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer;

/// <summary>
/// Every JSON the server reads and writes, on the wire and in its store, mapped by generated code: a fresh server no longer
/// builds (and compiles) a reflection-based mapping for each type on its first requests, answers are written without the
/// converter machinery, and nothing stands in the way of a Native AOT server. Web options (camelCase), as the laptop reads and
/// writes them (<see cref="Wijkwerk.Core.Sync.Protocol.SyncProtocol"/>).
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
[JsonSerializable(typeof(MutationResult))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string?>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, ColumnStamp>))]
[JsonSerializable(typeof(Dictionary<string, ColumnStamp?>))]
[JsonSerializable(typeof(IEnumerable<string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IEnumerable<PatternShareInfo>))]
[JsonSerializable(typeof(List<PatternShareInfo>))]
public sealed partial class ServerJson : JsonSerializerContext;
