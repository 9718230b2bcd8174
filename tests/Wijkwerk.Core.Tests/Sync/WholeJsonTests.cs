using System.Text;
using System.Text.Json;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Tests.Sync;

/// <summary>A message read whole before it is read: as sent, however it arrives, and never more than its reader takes.</summary>
public sealed class WholeJsonTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
        new PushRequest([.. Enumerable.Range(1, 400).Select(i => new Mutation(i, "clients", Guid.NewGuid(), "insert", 0,
            new Dictionary<string, string?> { ["first_name"] = "Voornaam " + i, ["notes"] = new string('x', i % 97) }))]) { Id = Guid.NewGuid() },
        ProtocolJson.Default.PushRequest));

    [Theory]
    [InlineData(1, null)]
    [InlineData(7, null)]
    [InlineData(70_000, null)]
    [InlineData(4096, 10L)] // a length stated too small
    public async Task AMessageArrivingInPieces_IsReadAsSent(int piece, long? statedLength)
    {
        var (read, length) = await WholeJson.Read(new InPieces(Message, piece), ProtocolJson.Default.PushRequest, statedLength, Message.Length, CancellationToken.None);

        Assert.Equal(Message, JsonSerializer.SerializeToUtf8Bytes(read, ProtocolJson.Default.PushRequest));
        Assert.Equal(Message.Length, length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task AMessageOneByteLargerThanTheReaderTakes_IsRefused(int piece)
    {
        var refused = await Assert.ThrowsAsync<MessageTooLargeException>(() =>
            WholeJson.Read(new InPieces(Message, piece), ProtocolJson.Default.PushRequest, null, Message.Length - 1, CancellationToken.None));

        Assert.Equal(Message.Length - 1, refused.MostBytes);
    }

    [Fact]
    public async Task AMessageStatedLargerThanTheReaderTakes_IsRefusedUnread()
    {
        var refused = await Assert.ThrowsAsync<MessageTooLargeException>(() =>
            WholeJson.Read(new NeverRead(), ProtocolJson.Default.PushRequest, Message.Length, Message.Length - 1, CancellationToken.None));

        Assert.Equal(Message.Length - 1, refused.MostBytes);
    }

    [Fact]
    public async Task AMessageAfterAByteOrderMark_IsReadAsSent()
    {
        var (read, length) = await WholeJson.Read(new InPieces([0xEF, 0xBB, 0xBF, .. Message], 4096), ProtocolJson.Default.PushRequest, null, Message.Length + 3, CancellationToken.None);

        Assert.Equal(Message, JsonSerializer.SerializeToUtf8Bytes(read, ProtocolJson.Default.PushRequest));
        Assert.Equal(Message.Length + 3, length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(70_000)]
    [InlineData(10_000_000)] // larger than the reader takes: the first buffer stays within it
    public async Task AMessageAfterLargerOrSmallerOnes_IsReadAsSent(int sizeSeen)
    {
        var (read, _) = await WholeJson.Read(new InPieces(Message, 3000), ProtocolJson.Default.PushRequest, null, Message.Length, CancellationToken.None, sizeSeen);

        Assert.Equal(Message, JsonSerializer.SerializeToUtf8Bytes(read, ProtocolJson.Default.PushRequest));
    }

    [Fact]
    public async Task AMessageThatIsNotJson_FailsAsJson() =>
        await Assert.ThrowsAnyAsync<JsonException>(() =>
            WholeJson.Read(new InPieces(Message[..^1], 512), ProtocolJson.Default.PushRequest, null, Message.Length, CancellationToken.None));

    private sealed class NeverRead : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A message stated too large is not read.");
    }

    /// <summary>A stream that hands out at most <paramref name="piece"/> bytes a read, as a network does.</summary>
    private sealed class InPieces(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);
    }
}
