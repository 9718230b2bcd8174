using System.Text.Json;
using System.Text.Json.Serialization;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer;

/// <summary>
/// The JSON the server keeps in its store (row values, column stamps, earlier answers, pattern figures), mapped by generated
/// code as the protocol's messages are (<see cref="ProtocolJson"/>): no reflection-based mapping built and compiled on a fresh
/// server's first requests, and nothing in the way of a Native AOT server. Web options (camelCase).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
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
