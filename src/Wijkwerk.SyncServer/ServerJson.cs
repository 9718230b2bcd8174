using System.Text.Json;
using System.Text.Json.Serialization;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer;

/// <summary>
/// The JSON the server keeps in its store (column stamps, earlier answers, pattern figures, row values as written), mapped by
/// generated code as the protocol's messages are: no reflection-based mapping built and compiled on a fresh server's first
/// requests, and nothing in the way of a Native AOT server. Web options (camelCase). A row's values are read back through
/// <see cref="ProtocolJson"/>'s own mapping: the stored text is what a pull sends on the wire as it is.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MutationResult))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string?>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, ColumnStamp>))]
[JsonSerializable(typeof(Dictionary<string, ColumnStamp?>))]
[JsonSerializable(typeof(IEnumerable<string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IEnumerable<PatternShareInfo>))]
[JsonSerializable(typeof(List<PatternShareInfo>))]
public sealed partial class ServerJson : JsonSerializerContext;
