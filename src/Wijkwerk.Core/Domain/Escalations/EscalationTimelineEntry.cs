using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Escalations;

/// <summary>One moment of a client's escalation on the dossier timeline: raised to its level, or closed with its outcome.</summary>
public sealed record EscalationTimelineEntry(Escalation Escalation, bool Closed)
{
    /// <summary>The start of the day it was raised or closed: an escalation is dated, not timed.</summary>
    public DateTimeOffset At => AmsterdamTime.StartOf(Closed ? Escalation.ClosedOn!.Value : Escalation.RaisedOn);

    public static IEnumerable<TimelineItem> Items(Escalation escalation) =>
        (escalation.ClosedOn is null ? new[] { false } : [false, true])
            .Select(closed => new TimelineItem(new EscalationTimelineEntry(escalation, closed).At, null, null, Escalation: new EscalationTimelineEntry(escalation, closed)));
}
