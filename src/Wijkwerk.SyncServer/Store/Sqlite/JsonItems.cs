using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wijkwerk.SyncServer.Store.Sqlite;

/// <summary>
/// Many keys or values of one SQLite statement as one parameter: a JSON array holding an array of values per item (or a
/// value per item), which the statement reads as rows of <c>json_each</c> named <c>j</c> (<see cref="Text"/> for each value).
/// Microsoft.Data.Sqlite binds every parameter by looking its name up among all of the statement's names, a cost that grows
/// with the square of the parameters: at 16 rows and 163 parameters a statement that lookup took about a seventh of the
/// server's processor time in a first upload. One parameter has none of it.
/// </summary>
internal static class JsonItems
{
    // The text goes to the database's JSON reader, never into a web page: letters beyond ASCII need no escapes (those outside
    // the basic plane are still written as escaped surrogate pairs, which SQLite reads back whole).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value at <paramref name="index"/> of the item, as text (null stays null).</summary>
    public static string Text(int index) => $"j.value->>{index}";

    /// <summary>The items as the parameter's JSON text; each value a string, a whole number or null.</summary>
    public static string Of(IEnumerable<object?[]> items) => Array(json =>
    {
        foreach (var item in items)
        {
            json.WriteStartArray();
            foreach (var value in item)
                Write(json, value);
            json.WriteEndArray();
        }
    });

    /// <summary>Single values as the parameter's JSON text, a flat array that <c>SELECT value FROM json_each(…)</c> reads.</summary>
    public static string Values(IEnumerable<string> values) => Array(json =>
    {
        foreach (var value in values)
            json.WriteStringValue(value);
    });

    private static string Array(Action<Utf8JsonWriter> elements)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            elements(json);
            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            default:
                throw new ArgumentException($"An item value of type {value.GetType().Name} has no JSON form here.", nameof(value));
        }
    }
}
