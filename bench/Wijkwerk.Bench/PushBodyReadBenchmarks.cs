using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// The server reading one push of a first upload off the wire (500 signals and the 500 audit events that ride with them):
/// whole from one array, as it does (<see cref="WholeJson"/>); whole from the pieces of 4 KB it arrived in, as the host's
/// pipe holds them; and as it arrives, as it did before.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PushBodyReadBenchmarks
{
    private const int PieceBytes = 4096;

    private readonly byte[] _body = Body();

    private readonly ReadOnlySequence<byte> _pieces;

    public PushBodyReadBenchmarks() => _pieces = Pieces(_body);

    [Benchmark]
    public int ReadWhole() => JsonSerializer.Deserialize(_body, ProtocolJson.Default.PushRequest)!.Mutations.Count;

    [Benchmark]
    public int ReadWholeFromItsPieces()
    {
        var reader = new Utf8JsonReader(_pieces);
        return JsonSerializer.Deserialize(ref reader, ProtocolJson.Default.PushRequest)!.Mutations.Count;
    }

    [Benchmark]
    public async Task<int> ReadAsItArrives() =>
        (await JsonSerializer.DeserializeAsync(new InPieces(_body, PieceBytes), ProtocolJson.Default.PushRequest))!.Mutations.Count;

    private static byte[] Body()
    {
        var device = Guid.NewGuid();
        var worker = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);
        var mutations = PushSizeBenchmarks.Batch("Medicatie kwijt, verward").Select(p => p.Mutation).ToList();
        var audit = Enumerable.Range(1, 500).Select(i => new AuditRecord(i, "Create", at, Guid.NewGuid(), worker, "nurse", device, "Success", "table=signals")).ToList();
        return JsonSerializer.SerializeToUtf8Bytes(new PushRequest(mutations) { Audit = audit, Id = Guid.NewGuid() }, ProtocolJson.Default.PushRequest);
    }

    private static ReadOnlySequence<byte> Pieces(byte[] bytes)
    {
        var first = new Piece(bytes.AsMemory(0, Math.Min(PieceBytes, bytes.Length)), 0);
        var last = first;
        for (var at = PieceBytes; at < bytes.Length; at += PieceBytes)
            last = last.Then(bytes.AsMemory(at, Math.Min(PieceBytes, bytes.Length - at)));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Piece : ReadOnlySequenceSegment<byte>
    {
        public Piece(ReadOnlyMemory<byte> memory, long runningIndex) => (Memory, RunningIndex) = (memory, runningIndex);

        public Piece Then(ReadOnlyMemory<byte> memory)
        {
            var next = new Piece(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
