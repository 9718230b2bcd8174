using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// Lists kept in one synced column (a fund request's shares, a triangle's avoided routes), mapped by generated code
/// so laptop (Native AOT) and server write the same text. Web options, as these columns were always written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<FundColumns.ShareJson>))]
[JsonSerializable(typeof(List<TriangleColumns.RouteJson>))]
internal sealed partial class ColumnJson : JsonSerializerContext;
