using System.Text.Json;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// What the protocol's hand-written converters share: reading an object's values as the generated mapping of the web options
/// read them (camelCase names matched whatever the case of their ASCII letters, whole numbers also as text, unknown names
/// skipped, a value of the wrong kind refused: here with a <see cref="JsonException"/>, by the reader's own getters with an
/// exception the serializer turns into one).
/// </summary>
internal static class WireReading
{
    /// <summary>The lower-case name of a property called <paramref name="name"/> as written or in lower case; null for any other.</summary>
    public delegate string? KnownName(ReadOnlySpan<char> name);

    /// <summary>A row's or a change's values, read with their names shared and written as stored (one converter for every message that holds them).</summary>
    public static readonly ColumnsConverter Columns = new();

    /// <summary>A row's or a change's values under "columns", null as null.</summary>
    public static void WriteColumns(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?>? columns, JsonSerializerOptions options)
    {
        writer.WritePropertyName("columns"u8);
        if (columns is null)
            writer.WriteNullValue();
        else
            Columns.Write(writer, columns, options);
    }

    /// <summary>The longest property name compared; a longer one is no property of these objects and is skipped.</summary>
    private const int LongestName = 24;

    /// <summary>
    /// The property's name in lower case, for the few an object has; "" for any other. Written as the protocol writes it, it
    /// is matched as it stands; only a name in another case is lowered first, its ASCII letters only, as the options' ordinal
    /// comparison that ignores case matches the names (all ASCII).
    /// </summary>
    private static string Property(ref Utf8JsonReader reader, KnownName known)
    {
        // A character takes at most six bytes as written: an escape, \uXXXX.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > LongestName * 6)
            return "";
        Span<char> name = stackalloc char[LongestName * 6];
        try
        {
            name = name[..reader.CopyString(name)];
        }
        catch (InvalidOperationException)
        {
            // Not UTF-8: no name of ours, and the generated mapping skipped such a property.
            return "";
        }

        if (name.Length > LongestName)
            return "";
        if (known(name) is { } found)
            return found;
        Span<char> lower = stackalloc char[LongestName];
        return System.Text.Ascii.ToLower(name, lower, out var written) == System.Buffers.OperationStatus.Done ? known(lower[..written]) ?? "" : "";
    }

    /// <summary>A whole number, written as a number or, as the web options allow, as text (read by the options' own rules).</summary>
    public static long Integer(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt64(),
        JsonTokenType.String => JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.Int64),
        _ => throw new JsonException($"The value of '{property}' must be a whole number."),
    };

    /// <summary>Text or null; anything else is refused.</summary>
    public static string? Text(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"The value of '{property}' must be text."),
    };

    /// <summary>Text or null, as the one shared string when it is a known table or column name (<see cref="ColumnsConverter.Shared"/>).</summary>
    public static string? SharedText(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.String ? ColumnsConverter.Shared(ref reader) : Text(ref reader, property);

    /// <summary>An id, or null where the object may have none.</summary>
    public static Guid? OptionalGuid(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();

    /// <summary>Refuses anything but the start of an object where one is read.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"{what} must be a JSON object.");
    }

    /// <summary>The next property's lower-case name (<see cref="Property"/>) with the reader on its value; null once the object ends as it should.</summary>
    public static string? NextProperty(ref Utf8JsonReader reader, string what, KnownName known)
    {
        if (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = Property(ref reader, known);
            reader.Read();
            return property;
        }

        return reader.TokenType == JsonTokenType.EndObject ? null : throw new JsonException($"{what}'s object does not end where it should.");
    }
}
