using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// A message of the protocol read off the wire whole, then in one pass. Read as it arrived, every row of a pulled page and
/// every mutation of a push was scanned twice: the serializer first skips over a value that a converter of its own reads,
/// to know the value has arrived whole, then reads it. A page of 2,000 rows took 5.9 ms so against 3.8 ms read whole
/// (<c>PullPageReadBenchmarks</c>), a push of 500 signals with their audit events 2.0 ms against 1.3 ms
/// (<c>PushBodyReadBenchmarks</c>). The bytes wait in an array of the shared pool, so a first sync's fifty pages use the
/// same few arrays instead of growing one a page; it is cleared before it goes back, as the values are personal data.
/// </summary>
public static class WholeJson
{
    private const int FirstBuffer = 64 * 1024;

    /// <param name="length">The message's length when its sender said it, or as a message before it had, for the first buffer's size.</param>
    /// <param name="mostBytes">The most the message may hold: a bound on what a sender can make this side keep in memory.</param>
    /// <exception cref="MessageTooLargeException">The message holds more than <paramref name="mostBytes"/>.</exception>
    /// <exception cref="JsonException">The message is not the JSON of <typeparamref name="T"/>.</exception>
    /// <returns>The message, and its length.</returns>
    public static async Task<(T? Message, int Length)> Read<T>(Stream stream, JsonTypeInfo<T> type, long? length, long mostBytes, CancellationToken cancel)
    {
        // One byte more than the most allowed, so that a message of exactly that size is told from a larger one.
        var most = (int)Math.Min(mostBytes + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length is > 0 ? length.Value + 1 : FirstBuffer, most));
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                    buffer = Larger(buffer, filled, most);
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancel);
                if (read == 0)
                    break;
                filled += read;
                if (filled > mostBytes)
                    throw new MessageTooLargeException(mostBytes);
            }

            return (JsonSerializer.Deserialize(buffer.AsSpan(0, filled), type), filled);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, filled));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A buffer twice as large (at most <paramref name="most"/>) holding what <paramref name="full"/> held; the full one goes back to the pool cleared.</summary>
    private static byte[] Larger(byte[] full, int filled, int most)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * full.Length, most));
        full.AsSpan(0, filled).CopyTo(larger);
        CryptographicOperations.ZeroMemory(full.AsSpan(0, filled));
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }
}

/// <summary>A message of the protocol held more than its reader takes (<see cref="WholeJson"/>).</summary>
public sealed class MessageTooLargeException(long mostBytes) : Exception($"The message holds more than {mostBytes} bytes.")
{
    public long MostBytes { get; } = mostBytes;
}
