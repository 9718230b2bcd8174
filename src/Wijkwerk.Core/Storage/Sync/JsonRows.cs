using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// Many rows of a few values as one JSON array of arrays, for one statement over <c>json_each</c> (each value read
/// as <c>j.value->>0</c>, <c>->>1</c>, …) where a statement per row cost more than the work it did.
/// </summary>
internal sealed class JsonRows : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public JsonRows()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartArray();
    }

    public int Count { get; private set; }

    public void Add(string first, string second) => Row(first, second, null);

    public void Add(string first, long number) => Row(first, null, number);

    public void Add(string first, string second, long number) => Row(first, second, number);

    private void Row(string first, string? second, long? number)
    {
        _writer.WriteStartArray();
        _writer.WriteStringValue(first);
        if (second is not null)
            _writer.WriteStringValue(second);
        if (number is { } value)
            _writer.WriteNumberValue(value);
        _writer.WriteEndArray();
        Count++;
    }

    public string Json()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();
}
