using Wijkwerk.Core.Domain.Clients;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>Which moment of a fund request a timeline line is: asked, decided (granted or refused), paid out, evaluated or settled.</summary>
public enum FundEventKind
{
    Requested,
    Decided,
    PaidOut,
    Evaluated,
    Settled,
}

/// <summary>One moment of a client's fund request on the dossier timeline, as budget requests have theirs.</summary>
public sealed record FundTimelineEntry(FundRequest Request, FundEventKind Kind)
{
    public DateTimeOffset At => Kind switch
    {
        FundEventKind.Decided => Request.Decision!.At,
        FundEventKind.PaidOut => Request.Payout!.At,
        FundEventKind.Evaluated => Request.Evaluation!.At,
        FundEventKind.Settled => Request.Settlement!.At,
        _ => Request.RequestedAt,
    };

    /// <summary>The request and each step the secretariat took on it, as timeline items.</summary>
    public static IEnumerable<TimelineItem> Items(FundRequest request)
    {
        var entries = new List<FundTimelineEntry> { new(request, FundEventKind.Requested) };
        if (request.Decision is not null)
            entries.Add(new(request, FundEventKind.Decided));
        if (request.Payout is not null)
            entries.Add(new(request, FundEventKind.PaidOut));
        if (request.Evaluation is not null)
            entries.Add(new(request, FundEventKind.Evaluated));
        if (request.Settlement is not null)
            entries.Add(new(request, FundEventKind.Settled));
        return entries.Select(e => new TimelineItem(e.At, null, null, Fund: e));
    }
}
