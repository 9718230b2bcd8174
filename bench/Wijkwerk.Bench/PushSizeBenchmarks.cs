using BenchmarkDotNet.Attributes;
using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Laptop;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Bench;

/// <summary>
/// The laptop's size check of a push before it goes: the bound of a batch of 500 signals (a first upload's batch), which
/// every batch is judged by twice (what fits, then the room left for audit events).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PushSizeBenchmarks
{
    private readonly List<PendingMutation> _batch = Batch("Medicatie kwijt, verward");

    /// <summary>The same with the observation in another script, where every letter is counted as an escape.</summary>
    private readonly List<PendingMutation> _batchInAnotherScript = Batch("Лекарства потеряны, растерян; соседка звонит каждый день");

    [Benchmark]
    public long BoundOfABatchOf500Signals() => PushBody.Room(_batch);

    [Benchmark]
    public long BoundOfABatchOf500SignalsInAnotherScript() => PushBody.Room(_batchInAnotherScript);

    /// <summary>A first upload's batch: 500 new signals whose observation is <paramref name="observation"/>.</summary>
    internal static List<PendingMutation> Batch(string observation) => Enumerable.Range(1, 500).Select(i => new PendingMutation(
        new Mutation(i, "signals", Guid.NewGuid(), SyncProtocol.Operations.Insert, 0, SyncSchema.ColumnsOf("signals").ToDictionary(c => c, c => Value(c, observation))), i, i)).ToList();

    /// <summary>Values shaped like the bench's signals: ids, names, a date, a line of text.</summary>
    private static string? Value(string column, string observation) => column switch
    {
        "client_id" => Guid.NewGuid().ToString(),
        "observation" => observation,
        "reported_at" => "2026-12-03T07:00:00.1234567+00:00",
        "assignee" or "picked_up_at" or "bottleneck_tag" => null,
        _ => "Pharmacy",
    };
}
