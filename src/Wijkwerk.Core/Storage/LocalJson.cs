using System.Text.Json.Serialization;
using Wijkwerk.Core.Domain.Visits;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// The laptop's own JSON texts in its store (outbox columns, a form's opened row, ZRM scores), mapped by generated
/// code so the Native AOT program can read and write them. Default options, as these texts were always written:
/// stores and drafts written before keep reading.
/// </summary>
[JsonSerializable(typeof(IEnumerable<string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(OpenedRow))]
[JsonSerializable(typeof(ZrmText.ZrmJson))]
internal sealed partial class LocalJson : JsonSerializerContext;
