using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Pauses;

/// <summary>Where a pause stands on a day: it holds, it ends within a week, its end has passed, or it was lifted.</summary>
public enum PauseState
{
    Holding,
    EndingSoon,
    Ended,
    Lifted,
}

/// <summary>
/// The "pauzeknop": another department's action on a client (stopping a benefit, an eviction step) held until the team
/// knows what is going on. It always has an end date; it is lifted or extended only explicitly, with a reason.
/// </summary>
public sealed record Pause(
    Id<Pause> Id,
    Id<Client> ClientId,
    string Action,
    string Department,
    string RequestedBy,
    string Reason,
    DateOnly StartsOn,
    DateOnly EndsOn,
    Id<Worker> RecordedBy,
    DateOnly? LiftedOn = null,
    string LiftReason = "")
{
    public const int MaxShortLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>How many days before its end a pause is said to end soon: a week, so the team can act in time.</summary>
    public const int WarningDays = 7;

    public PauseState StateOn(DateOnly today) => StateOf(EndsOn, LiftedOn is not null, today);

    /// <summary>Where a pause with this end stands on a day; home judges its reminders from the plain columns with it.</summary>
    public static PauseState StateOf(DateOnly endsOn, bool lifted, DateOnly today) =>
        lifted ? PauseState.Lifted
        : today > endsOn ? PauseState.Ended
        : endsOn.DayNumber - today.DayNumber <= WarningDays ? PauseState.EndingSoon
        : PauseState.Holding;
}

/// <summary>The admin's maximum length of a pause; eight weeks unless set otherwise.</summary>
public sealed record PauseSettings(int MaximumWeeks)
{
    public static PauseSettings Default { get; } = new(8);

    /// <summary>The latest end date a pause starting (or extended) on <paramref name="from"/> may have.</summary>
    public DateOnly LatestEnd(DateOnly from) => from.AddDays(MaximumWeeks * 7);
}
