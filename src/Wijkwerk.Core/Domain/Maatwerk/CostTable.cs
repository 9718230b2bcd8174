namespace Wijkwerk.Core.Domain.Maatwerk;

/// <summary>One import of the cost table. A new import makes a new version; earlier versions are kept.</summary>
public sealed record CostTableVersion(int Version, DateTimeOffset ImportedAt, IReadOnlyList<CostEntry> Entries)
{
    /// <summary>
    /// The entry of a route that holds on a day within this version: of the route's entries, the one with the
    /// latest valid-from date on or before the day; null when the route is unknown or not yet priced then.
    /// </summary>
    public CostEntry? Find(string routeCode, DateOnly asOf) =>
        Entries.Where(e => string.Equals(e.RouteCode, routeCode, StringComparison.OrdinalIgnoreCase) && e.ValidFrom <= asOf)
            .MaxBy(e => e.ValidFrom);

    /// <summary>Every route priced on the day, one entry per route code, in name order: what a form offers.</summary>
    public IReadOnlyList<CostEntry> ValidOn(DateOnly asOf) =>
        Entries.GroupBy(e => e.RouteCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Where(e => e.ValidFrom <= asOf).MaxBy(e => e.ValidFrom))
            .OfType<CostEntry>()
            .OrderBy(e => e.Name, StringComparer.CurrentCulture)
            .ToList();
}

/// <summary>Every version of the cost table a laptop or server holds: lookups "as of" a version and a day.</summary>
public sealed class CostTable(IEnumerable<CostTableVersion> versions)
{
    private readonly IReadOnlyList<CostTableVersion> _versions = versions.OrderBy(v => v.Version).ToList();

    public static CostTable Empty { get; } = new([]);

    public IReadOnlyList<CostTableVersion> Versions => _versions;

    /// <summary>The newest import; null while nothing was imported.</summary>
    public CostTableVersion? Latest => _versions.Count == 0 ? null : _versions[^1];

    public CostTableVersion? Version(int version) => _versions.FirstOrDefault(v => v.Version == version);

    /// <summary>The route's entry as of a version and a day; null when that version does not price it then.</summary>
    public CostEntry? Find(string routeCode, DateOnly asOf, int? version = null) =>
        (version is { } number ? Version(number) : Latest)?.Find(routeCode, asOf);
}
