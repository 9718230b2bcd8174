using System.Collections.Frozen;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// A row's values as the server keeps them, a JSON object of text values, held as that text (UTF-8, as the store hands it
/// over) and read only when asked for: a pull sends the values as they are stored (<see cref="ColumnsConverter"/>), where
/// reading 2,000 rows a page into dictionaries only to write them out again was a sixth of the server's work for the page.
/// Held as text of .NET's own, the values were turned from UTF-8 and back for every row: 5 % of the server's processor time
/// in first pulls (perf).
/// </summary>
public sealed class StoredColumns(byte[] utf8) : IReadOnlyDictionary<string, string?>
{
    private Dictionary<string, string?>? _values;

    /// <summary>The values as stored, in UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8 => utf8;

    private Dictionary<string, string?> Parsed =>
        _values ??= JsonSerializer.Deserialize(utf8, ProtocolJson.Default.DictionaryStringString) ?? throw new JsonException("A stored row's values are null, not an object.");

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
/// A row's values on the wire: read into <see cref="ColumnValues"/> (a dictionary for a row unlike ours); written from a dictionary, or, when they are <see cref="StoredColumns"/>,
/// as their stored text (checked to be JSON on the way out, so a damaged value fails the page on the server, not the laptop).
/// </summary>
public sealed class ColumnsConverter : JsonConverter<IReadOnlyDictionary<string, string?>>
{
    /// <summary>The synced tables' names and column names, so a page's 2,000 rows share one string a name instead of each reading its own.</summary>
    private static readonly FrozenSet<string> KnownNames = SyncSchema.Tables.SelectMany(t => t.Columns.Prepend(t.Name))
        .Concat(SyncSchema.ConflictColumns).Append(SyncProtocol.ConflictsTable).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownByChars = KnownNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest name looked up among <see cref="KnownNames"/>; a longer one is read as a string of its own.</summary>
    private const int LongestLookedUp = 64;

    /// <summary>The most values a row is held with shared names; a row with more is held as a dictionary of its own.</summary>
    private const int MostShared = 64;

    /// <summary>The names of the row read before on this thread, in order: a row with the same names shares them.</summary>
    [ThreadStatic]
    private static ColumnNames? _lastNames;

    /// <summary>The names and values of the row being read on this thread, emptied once it is read.</summary>
    [ThreadStatic]
    private static List<(string Name, string? Value)>? _reading;

    /// <summary>
    /// Read as the generated mapping of a dictionary of text reads it (a later duplicate name wins, a value that is not text
    /// or null fails), but held as <see cref="ColumnValues"/>, whose names are the known column names shared, in one array
    /// shared with the rows before that had the same: a pulled page lives until it is written, and every row's own names and
    /// dictionary were garbage the collector copied with it. Reading a page of 2,000 rows (<c>PullPageReadBenchmarks</c>, with the
    /// rows themselves read by <see cref="RowChangeConverter"/>) took 2.8 ms and 2.43 MB with a dictionary each, 2.6 ms and 1.55 MB so.
    /// </summary>
    public override IReadOnlyDictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A row's values must be a JSON object.");
        var pairs = _reading ??= [];
        try
        {
            return Read(ref reader, pairs);
        }
        finally
        {
            pairs.Clear();
        }
    }

    private static IReadOnlyDictionary<string, string?> Read(ref Utf8JsonReader reader, List<(string Name, string? Value)> pairs)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Shared(ref reader);
            reader.Read();
            pairs.Add((name, reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.String => reader.GetString(),
                _ => throw new JsonException($"The value of '{name}' must be text or null."),
            }));
        }

        if (pairs.Count > MostShared)
        {
            // Not a row of ours: read as any dictionary, and the list that held it is not kept for the next row.
            _reading = null;
            return Dictionary(pairs);
        }

        var values = new string?[pairs.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = pairs[i].Value;
        if (_lastNames is { } last && last.Same(pairs))
            return new ColumnValues(last, values);
        if (ColumnNames.Distinct(pairs) is not { } names)
            return Dictionary(pairs);
        _lastNames = names;
        return new ColumnValues(names, values);
    }

    /// <summary>The values as a dictionary of their own, a later duplicate name winning.</summary>
    private static Dictionary<string, string?> Dictionary(List<(string Name, string? Value)> pairs)
    {
        var values = new Dictionary<string, string?>(pairs.Count, StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
            values[name] = value;
        return values;
    }

    /// <summary>The text of the reader's name or string, as the one shared string when it is a known table or column name.</summary>
    internal static string Shared(ref Utf8JsonReader reader)
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
        {
            // The writer checks that the text is JSON, not that it is UTF-8: a damaged SQLite file, or a PostgreSQL database in
            // SQL_ASCII, can hand over other bytes.
            if (!System.Text.Unicode.Utf8.IsValid(stored.Utf8))
                throw new JsonException("A stored row's values are not UTF-8 text.");
            writer.WriteRawValue(stored.Utf8);
        }
        else
            JsonSerializer.Serialize(writer, value as Dictionary<string, string?> ?? value.ToDictionary(), ProtocolJson.Default.DictionaryStringString);
    }
}
