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
/// (<c>PushBodyReadBenchmarks</c>). Whole means in one array: read from the pieces of 4 KB it arrived in, the push took
/// 1.9 ms, as long as read as it arrived. The array comes from the shared pool and is cleared before it goes back, as the
/// values are personal data.
/// </summary>
public static class WholeJson
{
    /// <summary>The first buffer, unless messages before were larger: a length the sender states is not trusted with memory before its bytes arrive.</summary>
    private const int FirstBuffer = 64 * 1024;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <param name="statedLength">The length the sender stated, if any: a message stated larger than <paramref name="mostBytes"/> is refused unread.</param>
    /// <param name="mostBytes">The most the message may hold: a bound on what a sender can make this side keep in memory.</param>
    /// <param name="sizeSeen">The largest message of this kind read before, for the first buffer's size, so that a page does not grow its
    /// buffer through every size below it (each of which the pool would keep).</param>
    /// <exception cref="MessageTooLargeException">The message holds more than <paramref name="mostBytes"/>.</exception>
    /// <exception cref="JsonException">The message is not the JSON of <typeparamref name="T"/>.</exception>
    /// <returns>The message, and its length.</returns>
    public static async Task<(T? Message, int Length)> Read<T>(
        Stream stream, JsonTypeInfo<T> type, long? statedLength, long mostBytes, CancellationToken cancel, int sizeSeen = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mostBytes);
        if (statedLength > mostBytes)
            throw new MessageTooLargeException(mostBytes);
        // One byte more than the most allowed, so that a message of exactly that size is told from a larger one.
        var most = (int)Math.Min(mostBytes, Array.MaxLength - 1) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(sizeSeen + 1L, FirstBuffer), most));
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= most)
                        throw new MessageTooLargeException(most - 1);
                    buffer = Larger(buffer, filled, most);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancel);
                if (read == 0)
                    break;
                filled += read;
                if (filled > mostBytes)
                    throw new MessageTooLargeException(mostBytes);
            }

            // A byte-order mark, which JSON forbids but the stream readers before skipped, is skipped too.
            var json = buffer.AsSpan(0, filled);
            return (JsonSerializer.Deserialize(json.StartsWith(ByteOrderMark) ? json[ByteOrderMark.Length..] : json, type), filled);
        }
        finally
        {
            GiveBack(buffer, filled);
        }
    }

    /// <summary>A buffer twice as large (at most <paramref name="most"/>) holding what <paramref name="full"/> held; the full one goes back to the pool cleared.</summary>
    private static byte[] Larger(byte[] full, int filled, int most)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * full.Length, most));
        full.AsSpan(0, filled).CopyTo(larger);
        GiveBack(full, filled);
        return larger;
    }

    /// <summary>Returns <paramref name="buffer"/> to the pool with the <paramref name="filled"/> bytes it held cleared: they are personal data.</summary>
    private static void GiveBack(byte[] buffer, int filled)
    {
        CryptographicOperations.ZeroMemory(buffer.AsSpan(0, filled));
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>A message of the protocol held more than its reader takes (<see cref="WholeJson"/>).</summary>
public sealed class MessageTooLargeException(long mostBytes) : Exception($"The message holds more than {mostBytes} bytes.")
{
    public long MostBytes { get; } = mostBytes;
}
