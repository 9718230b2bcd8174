using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>
/// The figures of one tag's cases in the window: the detection's totals, the shares per source and per department,
/// and the clients, which the server needs only to find the teams whose caseload holds them (never stored or sent).
/// </summary>
public sealed record PatternFigures(PatternCandidate Totals, IReadOnlyList<PatternShare> BySource, IReadOnlyList<PatternShare> ByDepartment, IReadOnlyList<Id<Client>> Clients);

/// <summary>A pattern the server already keeps: its tag, its state, and the day it was closed or dismissed.</summary>
public sealed record KnownPattern(Guid Id, string TagKey, PatternState State, DateOnly? EndedOn);

/// <summary>What a detection run changes: new patterns to raise, and open ones whose figures are to be brought up to date.</summary>
public sealed record PatternRefreshPlan(IReadOnlyList<PatternFigures> ToRaise, IReadOnlyList<(Guid Id, PatternFigures Figures)> ToUpdate);

/// <summary>
/// Turns a detection over every tagged case into changes to the kept patterns: a tag that crosses the threshold and
/// has no open pattern raises one, an open pattern takes its tag's current figures, and a tag never has two open
/// patterns. Cases up to the day a pattern of the tag was closed or dismissed were answered by it, so only later
/// cases can raise the tag again; otherwise closing a pattern would raise it anew at the next push.
/// </summary>
public static class PatternRefresh
{
    public static PatternRefreshPlan Plan(IEnumerable<TaggedCase> cases, TagMerges merges, PatternSettings settings, DateOnly today, IReadOnlyList<KnownPattern> known)
    {
        var open = known.Where(k => PatternRules.IsOpen(k.State)).ToDictionary(k => k.TagKey, StringComparer.Ordinal);
        var answeredUntil = known.Where(k => !PatternRules.IsOpen(k.State) && k.EndedOn is not null)
            .GroupBy(k => k.TagKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(k => k.EndedOn!.Value), StringComparer.Ordinal);
        var fresh = cases.Where(c => !answeredUntil.TryGetValue(merges.Resolve(c.Tag), out var until) || c.On > until).ToList();

        // Every tag with a case in the window, so open patterns below the threshold are kept up to date too.
        var everyTag = PatternDetection.Detect(fresh, merges, settings with { MinimumClients = 1 }, today);
        var windowStart = today.AddMonths(-settings.WindowMonths); // the same window as PatternDetection
        var byTag = fresh.Where(c => c.On > windowStart && c.On <= today)
            .ToLookup(c => merges.Resolve(c.Tag), StringComparer.Ordinal);

        var toRaise = new List<PatternFigures>();
        var toUpdate = new List<(Guid, PatternFigures)>();
        foreach (var totals in everyTag)
        {
            var figures = Figures(totals, byTag[totals.TagKey].ToList());
            if (open.TryGetValue(totals.TagKey, out var pattern))
                toUpdate.Add((pattern.Id, figures));
            else if (totals.Clients >= settings.MinimumClients)
                toRaise.Add(figures);
        }

        return new PatternRefreshPlan(toRaise, toUpdate);
    }

    private static PatternFigures Figures(PatternCandidate totals, IReadOnlyList<TaggedCase> cases) => new(
        totals,
        Shares(cases, c => c.Source),
        Shares(cases.Where(c => c.Department is { Length: > 0 }), c => c.Department!),
        cases.Select(c => c.Client).Distinct().ToList());

    private static IReadOnlyList<PatternShare> Shares(IEnumerable<TaggedCase> cases, Func<TaggedCase, string> key) =>
        cases.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PatternShare(g.Key, g.Count(), g.Aggregate(Money.Zero, (sum, c) => sum + c.Spent)))
            .OrderByDescending(s => s.Cases).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
}
