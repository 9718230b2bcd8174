using BenchmarkDotNet.Attributes;
using Wijkwerk.Core.Storage.Sync;

namespace Wijkwerk.Bench;

/// <summary>
/// What the laptop reads before it sends a push: the oldest rows of an outbox of 20,000 new rows, each read with its
/// sealed values opened, as every push of a first upload does (500 rows) and a small push (100 rows).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PendingReadBenchmarks
{
    private BenchStore _store = null!;
    private LocalSync _sync = null!;

    [Params(100, 500)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new BenchStore();
        SyncFigures.Fill(_store.Store, clients: 1000, signalsPerClient: 19);
        _sync = new LocalSync(_store.Store);
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark]
    public int Pending() => _sync.Pending(Rows).Count;
}
