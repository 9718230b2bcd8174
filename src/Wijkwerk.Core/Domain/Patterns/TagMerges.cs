namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>
/// The admin's merges of one tag into another: cases of the merged tag count as cases of the tag it went into, also
/// through a chain of merges (a into b, b into c). A merge that would close a circle is refused when it is made, so
/// the map here never holds one.
/// </summary>
public sealed class TagMerges
{
    private readonly Dictionary<string, string> _into;

    private TagMerges(Dictionary<string, string> into) => _into = into;

    public static TagMerges None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The tag a case counts under after every merge, by key.</summary>
    public string Resolve(string tag) => Chain(BottleneckTag.Key(tag)).Last();

    /// <summary>
    /// Every key whose cases count under the same tag as one of <paramref name="tags"/>: the tags they resolve to and
    /// every tag merged into those. Detection over the cases of exactly these keys gives those tags their whole figures.
    /// </summary>
    public IReadOnlySet<string> CountingTogetherWith(IEnumerable<string> tags)
    {
        var keys = tags.Select(Resolve).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        keys.UnionWith(_into.Keys.Where(k => keys.Contains(Resolve(k))).ToList());
        return keys;
    }

    /// <summary>These merges and one more; null when a tag is empty or the merge would make a tag count under itself.</summary>
    public TagMerges? With(string merged, string into)
    {
        var from = BottleneckTag.Key(merged);
        var start = BottleneckTag.Key(into);
        if (from.Length == 0 || start.Length == 0 || Chain(start).Contains(from, StringComparer.Ordinal))
            return null;
        return new TagMerges(new Dictionary<string, string>(_into, StringComparer.Ordinal) { [from] = Chain(start).Last() });
    }

    // The key and every tag it was merged into, in order. Bounded by the number of merges, since there is no circle.
    private IEnumerable<string> Chain(string key)
    {
        yield return key;
        for (var steps = 0; steps < _into.Count && _into.TryGetValue(key, out var next); steps++)
            yield return key = next;
    }
}
