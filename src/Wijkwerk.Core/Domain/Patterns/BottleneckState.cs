namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>Where a tag stands in the admin's list: in it, typed by a worker and not yet judged, or counted under another tag.</summary>
public enum BottleneckState
{
    Accepted,
    Proposed,
    Merged,
}
