using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>One tagged case: a decision, request or signal about a client, on a day, with the money it cost and from which budget.</summary>
public sealed record TaggedCase(string Tag, Id<Client> Client, DateOnly On, Money Spent, string Source, string? Department);

/// <summary>When the werktafel hears of a tag: at least <see cref="MinimumClients"/> distinct clients within <see cref="WindowMonths"/>.</summary>
public sealed record PatternSettings(int MinimumClients, int WindowMonths)
{
    public static PatternSettings Default { get; } = new(4, 12);
}

/// <summary>
/// A pattern for the werktafel: counts and money only, never who. <see cref="SpentBySource"/> says from which budgets
/// the money came (minimaatwerk, the fund, a mandate decision), in cents, by source name.
/// </summary>
public sealed record PatternCandidate(
    string TagKey,
    int Cases,
    int Clients,
    Money Spent,
    IReadOnlyDictionary<string, Money> SpentBySource,
    IReadOnlyList<string> Departments,
    DateOnly FirstCase,
    DateOnly LastCase);

/// <summary>
/// Raises a pattern when enough distinct clients share a bottleneck within the window that ends today: several cases
/// of one client are one client, a case before the window does not count, and merged tags count as the tag they went into.
/// </summary>
public static class PatternDetection
{
    public static IReadOnlyList<PatternCandidate> Detect(IEnumerable<TaggedCase> cases, TagMerges merges, PatternSettings settings, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MinimumClients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.WindowMonths, 1);
        var windowStart = today.AddMonths(-settings.WindowMonths);
        return cases
            .Where(c => c.On > windowStart && c.On <= today && BottleneckTag.Key(c.Tag).Length > 0)
            .GroupBy(c => merges.Resolve(c.Tag), StringComparer.Ordinal)
            .Select(group => Candidate(group.Key, group.ToList()))
            .Where(p => p.Clients >= settings.MinimumClients)
            .OrderByDescending(p => p.Clients).ThenBy(p => p.TagKey, StringComparer.Ordinal)
            .ToList();
    }

    private static PatternCandidate Candidate(string tagKey, IReadOnlyList<TaggedCase> cases) => new(
        tagKey,
        cases.Count,
        cases.Select(c => c.Client).Distinct().Count(),
        cases.Aggregate(Money.Zero, (sum, c) => sum + c.Spent),
        cases.GroupBy(c => c.Source, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, c) => sum + c.Spent), StringComparer.Ordinal),
        cases.Select(c => c.Department).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(),
        cases.Min(c => c.On),
        cases.Max(c => c.On));
}
