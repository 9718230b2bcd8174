using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// Every column of a row under one stamp, as a row created whole carries them: read through the row's own columns instead
/// of a dictionary of its own, and written as one group (<see cref="ColumnStampText"/>) without sorting stamps that are all
/// the same. A first upload makes one of these for each of its rows.
/// </summary>
/// <param name="columns">The row's columns, keyed by ordinal name; only their names are read.</param>
public sealed class UniformStamps(IReadOnlyDictionary<string, string?> columns, ColumnStamp stamp) : IReadOnlyDictionary<string, ColumnStamp>
{
    public ColumnStamp Stamp { get; } = stamp;

    public int Count => columns.Count;

    public IEnumerable<string> Keys => columns.Keys;

    public IEnumerable<ColumnStamp> Values => Enumerable.Repeat(Stamp, columns.Count);

    public ColumnStamp this[string key] => columns.ContainsKey(key) ? Stamp : throw new KeyNotFoundException($"No stamp for column '{key}'.");

    public bool ContainsKey(string key) => columns.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ColumnStamp value)
    {
        value = columns.ContainsKey(key) ? Stamp : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, ColumnStamp>> GetEnumerator()
    {
        foreach (var column in columns.Keys)
            yield return new(column, Stamp);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
