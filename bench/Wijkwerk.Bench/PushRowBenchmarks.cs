using BenchmarkDotNet.Attributes;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.Bench;

/// <summary>
/// Work the server does for every row of a push, beyond the store: the column stamps of a row written whole (one stamp for
/// all its columns, as in a first upload: as a dictionary, and as a new row holds them) and of a row edited by two devices,
/// and the check of one enum value.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PushRowBenchmarks
{
    private static readonly Guid Device = Guid.NewGuid(), OtherDevice = Guid.NewGuid(), Worker = Guid.NewGuid();

    /// <summary>A signal's synced columns, the rows most of a first upload is made of.</summary>
    private static readonly IReadOnlyList<string> Columns = SyncSchema.ColumnsOf("signals");

    private readonly Dictionary<string, ColumnStamp> _whole = Columns.ToDictionary(c => c, _ => new ColumnStamp(1, Device, Worker));

    private readonly Dictionary<string, ColumnStamp> _edited = Columns.Select((c, i) => (c, i))
        .ToDictionary(x => x.c, x => x.i % 3 == 0 ? new ColumnStamp(4, OtherDevice, Worker) : new ColumnStamp(1, Device, Worker));

    [Benchmark]
    public string StampsOfARowWrittenWhole() => ColumnStampText.Write(_whole, StampFormat.Grouped);

    private readonly UniformStamps _new = new(Columns.ToDictionary(c => c, c => (string?)c, StringComparer.Ordinal), new ColumnStamp(1, Device, Worker));

    [Benchmark]
    public string StampsOfANewRow() => ColumnStampText.Write(_new, StampFormat.Grouped);

    [Benchmark]
    public string StampsOfARowEditedByTwoDevices() => ColumnStampText.Write(_edited, StampFormat.Grouped);

    [Benchmark]
    public bool EnumValue() => RowRules.TryEnum<SignalStatus>("PickedUp", out _);
}
