using Wijkwerk.Core.Domain.Clients;

namespace Wijkwerk.Core.Domain.Mandates;

/// <summary>What happened to a mandate decision, as the dossier timeline shows it: recorded, followed up, or added to.</summary>
public enum DecisionEventKind
{
    Recorded,
    FollowedUp,
    Addendum,
}

/// <summary>One event of a mandate decision on the dossier timeline; every event of a decision opens the same decision.</summary>
public sealed record DecisionTimelineEntry(MandateDecision Decision, DecisionEventKind Kind, DecisionAddendum? Addendum = null)
{
    public DateTimeOffset At => Kind switch
    {
        DecisionEventKind.FollowedUp => Decision.FollowUp!.At,
        DecisionEventKind.Addendum => Addendum!.At,
        _ => Decision.DecidedAt,
    };

    /// <summary>The decision, its follow-up when there is one, and each addendum, as timeline items.</summary>
    public static IEnumerable<TimelineItem> Items(MandateDecision decision, IEnumerable<DecisionAddendum> addenda)
    {
        var entries = new List<DecisionTimelineEntry> { new(decision, DecisionEventKind.Recorded) };
        if (decision.FollowUp is not null)
            entries.Add(new(decision, DecisionEventKind.FollowedUp));
        entries.AddRange(addenda.Select(a => new DecisionTimelineEntry(decision, DecisionEventKind.Addendum, a)));
        return entries.Select(e => new TimelineItem(e.At, null, null, null, e));
    }
}
