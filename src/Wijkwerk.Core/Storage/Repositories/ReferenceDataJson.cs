using System.Text.Json;
using System.Text.Json.Serialization;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Storage.Repositories;

/// <summary>
/// Reference data is read when home opens, so its JSON is mapped by generated code: the reflection-based
/// serializer spent about 80 ms of the start building its converters the first time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReferenceData))]
internal sealed partial class ReferenceDataJson : JsonSerializerContext;
