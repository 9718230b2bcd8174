using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Visits;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>A client with everything recorded about them.</summary>
public sealed record Dossier(
    Client Client,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<HouseholdMember> Household,
    IReadOnlyList<Signal> Signals,
    ILookup<Id<Signal>, FollowUp> FollowUps,
    IReadOnlyList<HomeVisit> Visits,
    IReadOnlyList<IndicationAdvice> Advices)
{
    /// <summary>Advice rows of this client that could not be read (values from a newer version) and are left out of <see cref="Advices"/>.</summary>
    public int UnreadableAdvices { get; init; }

    /// <summary>
    /// Signals, visits and indication advice, newest first. Visits are dated, so they sort at the start of
    /// their day in Amsterdam time; an advice stands at its decision once decided, else where it was written.
    /// </summary>
    public IReadOnlyList<TimelineItem> Timeline(TimeZoneInfo zone) =>
        Signals.Select(s => new TimelineItem(s.ReportedAt, s, null))
            .Concat(Visits.Select(v => new TimelineItem(StartOfDay(v.Date, zone), null, v)))
            .Concat(Advices.Select(a => new TimelineItem(a.Decision?.At ?? a.SubmittedAt ?? a.CreatedAt, null, null, a)))
            .OrderByDescending(i => i.At)
            .ToList();

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>
/// One line of the dossier timeline: a signal, a home visit, an indication advice, a mandate decision's record,
/// follow-up or addendum, a budget request's request, approval or outcome, or a pause's or escalation's steps.
/// </summary>
public sealed record TimelineItem(DateTimeOffset At, Signal? Signal, HomeVisit? Visit, IndicationAdvice? Advice = null, DecisionTimelineEntry? Mandate = null, BudgetTimelineEntry? Budget = null, FundTimelineEntry? Fund = null,
    PauseTimelineEntry? Pause = null, EscalationTimelineEntry? Escalation = null);
