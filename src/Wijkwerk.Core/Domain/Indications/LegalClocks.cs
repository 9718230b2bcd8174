using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Indications;

public enum ClockKind
{
    /// <summary>Wmo 2015 art. 2.3.2: the investigation ends within six weeks of the melding.</summary>
    Investigation,

    /// <summary>Wmo 2015 art. 2.3.5: the decision (beschikking) within two weeks of the aanvraag, unless extended.</summary>
    Decision,
}

public enum ClockState
{
    Running,
    Overdue,
    MetInTime,
    MetLate,
    Stopped,
}

/// <summary>One legal term as it stands on a day: when it is due and whether it is kept.</summary>
public sealed record ClockReading(ClockKind Kind, DateOnly Due, ClockState State, int DaysLeft, bool Extended)
{
    public bool IsFlagged => State is ClockState.Overdue or ClockState.MetLate;
}

/// <summary>
/// The two Wmo clocks of an advice. The investigation clock runs from the melding until the aanvraag is
/// in; from then the decision clock runs, to its extension date if one was set. A decision stops the
/// running clock on its day; a withdrawal stops it without a verdict.
/// </summary>
public sealed record LegalClocks(DateOnly Melding, DateOnly? Aanvraag, DateOnly? ExtendedUntil, DateOnly? DecidedOn, bool Withdrawn)
{
    public const int InvestigationDays = 6 * 7;
    public const int DecisionDays = 2 * 7;

    public DateOnly InvestigationDue => Melding.AddDays(InvestigationDays);

    public DateOnly? DecisionDueByLaw => Aanvraag?.AddDays(DecisionDays);

    /// <summary>The extended date, which the rules keep after the statutory one; never earlier than the law allows.</summary>
    public DateOnly? DecisionDue => ExtendedUntil is { } extended && DecisionDueByLaw is { } byLaw && extended > byLaw ? extended : DecisionDueByLaw;

    /// <summary>The clock that counts now (or counted last): the one a list sorts and flags by.</summary>
    public ClockReading Current(DateOnly today) =>
        Aanvraag is null
            ? Read(ClockKind.Investigation, InvestigationDue, false, today)
            : Read(ClockKind.Decision, DecisionDue!.Value, DecisionDue != DecisionDueByLaw, today);

    /// <summary>Both clocks, for the detail view: the investigation one ended when the aanvraag came in.</summary>
    public IReadOnlyList<ClockReading> All(DateOnly today)
    {
        if (Aanvraag is not { } aanvraag)
            return [Current(today)];
        var investigation = new ClockReading(
            ClockKind.Investigation, InvestigationDue, aanvraag <= InvestigationDue ? ClockState.MetInTime : ClockState.MetLate, 0, false);
        return [investigation, Current(today)];
    }

    private ClockReading Read(ClockKind kind, DateOnly due, bool extended, DateOnly today)
    {
        var daysLeft = due.DayNumber - today.DayNumber;
        if (DecidedOn is { } decided)
            return new ClockReading(kind, due, decided <= due ? ClockState.MetInTime : ClockState.MetLate, 0, extended);
        if (Withdrawn)
            return new ClockReading(kind, due, ClockState.Stopped, 0, extended);
        return new ClockReading(kind, due, daysLeft < 0 ? ClockState.Overdue : ClockState.Running, daysLeft, extended);
    }
}
