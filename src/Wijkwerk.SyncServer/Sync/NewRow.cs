using System.Text.Json;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// A row a push creates whole, as the store keeps it: version 1, every column stamped by the pushing device, with its
/// checksum, the texts it is stored as and what the value rules say of it. None of that depends on what the store holds,
/// so a push's new rows are worked out before it waits for its device's turn (<see cref="PreparedMutation"/>).
/// </summary>
public sealed class NewRow
{
    private readonly string _groupedStamps;

    /// <param name="columns">Kept as they are, keyed by ordinal name (the stamps read their names): the caller hands them over and changes them no more.</param>
    public NewRow(string table, Guid rowId, IReadOnlyDictionary<string, string?> columns, DeviceSession device, DateOnly today)
    {
        Columns = columns;
        Stamps = new UniformStamps(columns, new ColumnStamp(1, device.DeviceId, device.WorkerId));
        Checksum = ScopeChecksum.Of(table, rowId, 1, columns);
        ColumnsText = JsonSerializer.Serialize(columns, ServerJson.Default.IReadOnlyDictionaryStringString);
        _groupedStamps = ColumnStampText.Write(Stamps, StampFormat.Grouped);
        ValueProblem = ValueRules.CheckRow(table, columns, rowId, today);
    }

    /// <summary>The values; never changed once the row is made.</summary>
    public IReadOnlyDictionary<string, string?> Columns { get; }

    public IReadOnlyDictionary<string, ColumnStamp> Stamps { get; }

    public uint Checksum { get; }

    public string ColumnsText { get; }

    /// <summary>What <see cref="ValueRules.CheckRow"/> finds wrong with the row as a whole; null when nothing.</summary>
    public string? ValueProblem { get; }

    public string StampsText(StampFormat format) => format == StampFormat.Grouped ? _groupedStamps : ColumnStampText.Write(Stamps, format);
}
