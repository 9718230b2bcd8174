namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>
/// The rule or organisation that obstructs a case ("knelpunt"), as typed on a decision, request or signal. Workers type
/// the same bottleneck in different ways, so tags are compared by a key that ignores case and spacing.
/// </summary>
public static class BottleneckTag
{
    /// <summary>The column that carries the tag in every row that has one (decisions, requests, signals, advices).</summary>
    public const string Column = "bottleneck_tag";

    /// <summary>The comparison key: trimmed, runs of white space made one space, lower case (invariant).</summary>
    public static string Key(string tag) =>
        string.Join(' ', tag.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
