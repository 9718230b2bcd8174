using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// A row's values as the server keeps them, a JSON object of text values, held as that text and read only when asked
/// for: a pull sends the values as they are stored (<see cref="ColumnsConverter"/>), where reading 2,000 rows a page
/// into dictionaries only to write them out again was a sixth of the server's work for the page.
/// </summary>
public sealed class StoredColumns(string json) : IReadOnlyDictionary<string, string?>
{
    private Dictionary<string, string?>? _values;

    /// <summary>The values as stored.</summary>
    public string Json => json;

    private Dictionary<string, string?> Parsed =>
        _values ??= JsonSerializer.Deserialize(json, ProtocolJson.Default.DictionaryStringString) ?? throw new JsonException("A stored row's values are null, not an object.");

    public string? this[string key] => Parsed[key];

    public IEnumerable<string> Keys => Parsed.Keys;

    IEnumerable<string?> IReadOnlyDictionary<string, string?>.Values => Parsed.Values;

    public int Count => Parsed.Count;

    public bool ContainsKey(string key) => Parsed.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value) => Parsed.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => Parsed.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A row's values on the wire: read into a dictionary; written from one, or, when they are <see cref="StoredColumns"/>,
/// as their stored text (checked to be JSON on the way out, so a damaged value fails the page on the server, not the laptop).
/// </summary>
public sealed class ColumnsConverter : JsonConverter<IReadOnlyDictionary<string, string?>>
{
    public override IReadOnlyDictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.DictionaryStringString);

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?> value, JsonSerializerOptions options)
    {
        if (value is StoredColumns stored)
            writer.WriteRawValue(stored.Json);
        else
            JsonSerializer.Serialize(writer, value as Dictionary<string, string?> ?? value.ToDictionary(), ProtocolJson.Default.DictionaryStringString);
    }
}
