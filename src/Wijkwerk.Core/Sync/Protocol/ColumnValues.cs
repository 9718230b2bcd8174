using System.Collections;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// A row's values as read off the wire: its names (<see cref="ColumnNames"/>, shared between rows sent with the same) and their
/// values. A row has a few dozen columns at most, so a name is found by walking them, first by the shared string itself.
/// </summary>
internal sealed class ColumnValues(ColumnNames names, string?[] values) : IReadOnlyDictionary<string, string?>
{
    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The row has no column '{key}'.");

    public IEnumerable<string> Keys => names.Keys;

    public IEnumerable<string?> Values => values;

    public int Count => values.Length;

    /// <summary>The row's names, shared with the rows read before it that had the same.</summary>
    public ColumnNames Names => names;

    /// <summary>The value at <paramref name="index"/> of <see cref="Names"/>.</summary>
    public string? At(int index) => values[index];

    public bool ContainsKey(string key) => names.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        var index = names.IndexOf(key);
        value = index >= 0 ? values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
            yield return new KeyValuePair<string, string?>(names.Keys[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The distinct names of a row's values, in the order sent; one for every row of a page sent with the same.</summary>
internal sealed class ColumnNames
{
    private readonly string[] _names;

    private ColumnNames(string[] names) => (_names, Keys) = (names, Array.AsReadOnly(names));

    public ReadOnlyCollection<string> Keys { get; }

    /// <summary>The names of <paramref name="pairs"/>; null when one comes twice, which a dictionary holds once.</summary>
    public static ColumnNames? Distinct(List<(string Name, string? Value)> pairs)
    {
        var names = new string[pairs.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = pairs[i].Name;
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(names[i], names[j], StringComparison.Ordinal))
                    return null;
            }
        }

        return new ColumnNames(names);
    }

    /// <summary>Whether <paramref name="pairs"/> have these names, in this order.</summary>
    public bool Same(List<(string Name, string? Value)> pairs)
    {
        if (_names.Length != pairs.Count)
            return false;
        for (var i = 0; i < _names.Length; i++)
        {
            if (!string.Equals(_names[i], pairs[i].Name, StringComparison.Ordinal))
                return false;
        }

        return true;
    }

    public int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _names.Length; i++)
        {
            if (ReferenceEquals(_names[i], key))
                return i;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], key, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }
}
