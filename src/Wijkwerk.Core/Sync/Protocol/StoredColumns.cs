using System.Collections.Frozen;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
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
    /// <summary>The synced tables' column names, so a page's 2,000 rows share one string a name instead of each reading its own.</summary>
    private static readonly FrozenSet<string> KnownNames = SyncSchema.Tables.SelectMany(t => t.Columns).Concat(SyncSchema.ConflictColumns).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownByChars = KnownNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest name looked up among <see cref="KnownNames"/>; a longer one is read as a string of its own.</summary>
    private const int LongestLookedUp = 64;

    /// <summary>The most values a row's dictionary is made room for before it is read (no table has this many columns).</summary>
    private const int LargestPresized = 256;

    /// <summary>How many values the row before held on this thread: the next row's dictionary is made that size.</summary>
    [ThreadStatic]
    private static int _lastCount;

    /// <summary>
    /// Read as the generated mapping of a dictionary of text reads it (a later duplicate name wins, a value that is not text
    /// or null fails), but sized by the row before, in one go rather than grown step by step, and with the known column names
    /// shared: a pulled page lives until it is written, and every row's own names and grown-out arrays were garbage the
    /// collector copied with it (the installed program's peak working set in a first sync of 100,000 rows: 77-81 MB in four
    /// runs, 87-89 MB before).
    /// </summary>
    public override IReadOnlyDictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A row's values must be a JSON object.");
        var values = new Dictionary<string, string?>(Math.Min(_lastCount, LargestPresized), StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            reader.Read();
            values[name] = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.String => reader.GetString(),
                _ => throw new JsonException($"The value of '{name}' must be text or null."),
            };
        }

        _lastCount = values.Count;
        return values;
    }

    private static string Name(ref Utf8JsonReader reader)
    {
        Span<char> chars = stackalloc char[LongestLookedUp];
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= LongestLookedUp)
        {
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            if (KnownByChars.TryGetValue(chars[..length], out var known))
                return known;
        }

        return reader.GetString()!;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?> value, JsonSerializerOptions options)
    {
        if (value is StoredColumns stored)
            writer.WriteRawValue(stored.Json);
        else
            JsonSerializer.Serialize(writer, value as Dictionary<string, string?> ?? value.ToDictionary(), ProtocolJson.Default.DictionaryStringString);
    }
}
