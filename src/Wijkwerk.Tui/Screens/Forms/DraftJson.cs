using System.Text.Json.Serialization;

namespace Wijkwerk.Tui.Screens.Forms;

/// <summary>
/// A form's draft (field key to text), mapped by generated code so the Native AOT program can keep it. Default
/// options, as drafts were always written: a draft saved before a crash by an older version still restores.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DraftJson : JsonSerializerContext;
