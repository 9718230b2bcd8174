namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>
/// The admin's list of bottleneck tags as a laptop holds it: the accepted tags (with their labels as the admin typed
/// them) and the merges. A row keeps the tag its worker typed; wherever a tag is read it is shown as the tag it went
/// into, so every laptop shows, exports and counts a merged tag under its new name without rewriting a row.
/// </summary>
public sealed class BottleneckTagList
{
    private readonly Dictionary<string, string> _labels;

    public BottleneckTagList(IEnumerable<string> accepted, TagMerges merges)
    {
        Accepted = accepted.Where(t => BottleneckTag.Key(t).Length > 0).DistinctBy(BottleneckTag.Key).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        Merges = merges;
        _labels = Accepted.ToDictionary(BottleneckTag.Key, t => t.Trim(), StringComparer.Ordinal);
    }

    public static BottleneckTagList Empty { get; } = new([], TagMerges.None);

    /// <summary>The accepted tags, alphabetically.</summary>
    public IReadOnlyList<string> Accepted { get; }

    public TagMerges Merges { get; }

    /// <summary>
    /// The tag as a person should see it: the accepted label it resolves to through the merges, or the tag as typed
    /// (trimmed) when the list does not hold it yet (a proposal).
    /// </summary>
    public string Show(string tag) =>
        BottleneckTag.Key(tag).Length == 0 ? "" : _labels.GetValueOrDefault(Merges.Resolve(tag)) ?? tag.Trim();

    /// <summary>Whether the tag (or the tag it was merged into) is in the admin's list; false for an empty tag.</summary>
    public bool IsKnown(string tag) => BottleneckTag.Key(tag).Length > 0 && _labels.ContainsKey(Merges.Resolve(tag));

    /// <summary>The accepted tags that start with what was typed (by key), then those that contain it; all for empty input.</summary>
    public IReadOnlyList<string> Matching(string typed)
    {
        var key = BottleneckTag.Key(typed);
        return Accepted.Where(t => BottleneckTag.Key(t).StartsWith(key, StringComparison.Ordinal))
            .Concat(Accepted.Where(t => !BottleneckTag.Key(t).StartsWith(key, StringComparison.Ordinal) && BottleneckTag.Key(t).Contains(key, StringComparison.Ordinal)))
            .ToList();
    }
}
