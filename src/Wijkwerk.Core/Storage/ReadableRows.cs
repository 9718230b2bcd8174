using System.Collections;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// The rows a read could make sense of, and how many stored rows it had to leave out: a row pulled from a
/// newer server may hold a value this version does not know. One such row must not hide all the others,
/// and a screen says that some could not be read rather than leave them out without a word.
/// </summary>
public sealed class ReadableRows<T>(IReadOnlyList<T> rows, int unreadable) : IReadOnlyList<T>
{
    public static ReadableRows<T> Empty { get; } = new([], 0);

    /// <summary>Stored rows left out because a value in them could not be read.</summary>
    public int Unreadable { get; } = unreadable;

    public int Count => rows.Count;

    public T this[int index] => rows[index];

    public IEnumerator<T> GetEnumerator() => rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
