namespace Wijkwerk.SyncServer.Sync;

/// <summary>Who last wrote a column: the row version it got then, the device and the worker.</summary>
public sealed record ColumnStamp(long V, Guid D, Guid W);

/// <summary>
/// Field-level merge of a pushed change into the server's row, independent of any store.
/// A column conflicts when another device wrote it after the laptop's base version and the values differ:
/// the server keeps its value and the pushed one becomes a conflict record. A device never conflicts with
/// its own earlier writes. Columns whose pushed value equals the server's are not written again.
/// A column may carry its own, older base (a form saved long after it was opened); it never counts as
/// newer than the mutation's base.
/// </summary>
public static class FieldMerge
{
    public sealed record Outcome(IReadOnlyDictionary<string, string?> Applied, IReadOnlyList<string> Conflicts);

    public static Outcome Merge(
        IReadOnlyDictionary<string, string?> current,
        IReadOnlyDictionary<string, ColumnStamp> stamps,
        long baseVersion,
        Guid device,
        IReadOnlyDictionary<string, string?> pushed,
        IReadOnlyDictionary<string, long>? columnBases = null)
    {
        var applied = new Dictionary<string, string?>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (var (column, value) in pushed.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var had = current.TryGetValue(column, out var serverValue);
            if (had && serverValue == value)
                continue;
            var columnBase = columnBases is not null && columnBases.TryGetValue(column, out var own) ? Math.Min(own, baseVersion) : baseVersion;
            if (stamps.TryGetValue(column, out var stamp) && stamp.V > columnBase && stamp.D != device)
                conflicts.Add(column);
            else
                applied[column] = value;
        }

        return new Outcome(applied, conflicts);
    }
}
