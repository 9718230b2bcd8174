using Wijkwerk.Core.Domain.Clients;

namespace Wijkwerk.Core.Domain.Budget;

/// <summary>Which moment of a budget request a timeline line is: asked, approved by the server's count, or how it ended.</summary>
public enum BudgetEventKind
{
    Requested,
    Approved,
    Closed,
}

/// <summary>One moment of a client's budget request on the dossier timeline, as mandate decisions have theirs.</summary>
public sealed record BudgetTimelineEntry(BudgetRequest Request, BudgetEventKind Kind)
{
    public DateTimeOffset At => Kind switch
    {
        BudgetEventKind.Approved => Request.ApprovedAt!.Value,
        BudgetEventKind.Closed => Request.Outcome!.At,
        _ => Request.RequestedAt,
    };

    /// <summary>The request, its approval when the server gave it, and its outcome when it ended, as timeline items.</summary>
    public static IEnumerable<TimelineItem> Items(BudgetRequest request)
    {
        var entries = new List<BudgetTimelineEntry> { new(request, BudgetEventKind.Requested) };
        if (request.ApprovedAt is not null)
            entries.Add(new(request, BudgetEventKind.Approved));
        if (request.Outcome is not null)
            entries.Add(new(request, BudgetEventKind.Closed));
        return entries.Select(e => new TimelineItem(e.At, null, null, Budget: e));
    }
}
