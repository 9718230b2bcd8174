namespace Wijkwerk.Bench;

/// <summary>A stream of <paramref name="bytes"/> that hands out at most <paramref name="piece"/> bytes a read, as a network connection does.</summary>
internal sealed class InPieces(byte[] bytes, int piece) : MemoryStream(bytes)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(count, piece), cancellationToken);
}
