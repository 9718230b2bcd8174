using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using static Wijkwerk.Core.Domain.Common.TextChecks;

namespace Wijkwerk.Core.Domain.Pauses;

/// <summary>
/// The pause's rules, the same on the laptop and the server: every part said, an end date that is neither past nor
/// beyond the maximum, and a lift or extension only of a pause that holds, with its reason.
/// </summary>
public static class PauseRules
{
    /// <summary>Every problem with a new pause, field by field, so the form can show them all at once.</summary>
    public static IReadOnlyList<Problem> CheckNew(Pause pause, PauseSettings settings, DateOnly today)
    {
        var problems = new List<Problem>();
        Required(problems, "actie", pause.Action, Pause.MaxShortLength);
        Required(problems, "afdeling", pause.Department, Pause.MaxShortLength);
        Required(problems, "aangevraagd door", pause.RequestedBy, Pause.MaxShortLength);
        Required(problems, "reden", pause.Reason, Pause.MaxTextLength);
        if (pause.StartsOn > today)
            problems.Add(new Problem("ingang", TextId.DateInFuture));
        if (EndProblem(pause.EndsOn, pause.StartsOn, settings, today) is { } end)
            problems.Add(end);
        return problems;
    }

    /// <summary>An extension to <paramref name="newEnd"/>: of a pause that holds, later than its end, within the maximum from today, with a reason.</summary>
    public static IReadOnlyList<Problem> CheckExtension(Pause pause, DateOnly newEnd, string reason, PauseSettings settings, DateOnly today)
    {
        var problems = new List<Problem>();
        if (pause.StateOn(today) is PauseState.Lifted or PauseState.Ended)
            problems.Add(new Problem("pauze", TextId.PauseNotHolding, DateText.Show(pause.LiftedOn ?? pause.EndsOn)));
        Required(problems, "reden", reason, Pause.MaxTextLength);
        if (newEnd <= pause.EndsOn)
            problems.Add(new Problem("nieuwe einddatum", TextId.PauseExtensionNotLater, DateText.Show(pause.EndsOn)));
        else if (EndProblem(newEnd, today, settings, today) is { } end)
            problems.Add(end with { Field = "nieuwe einddatum" });
        return problems;
    }

    /// <summary>Lifting: only a pause that holds, and with a reason.</summary>
    public static IReadOnlyList<Problem> CheckLift(Pause pause, string reason, DateOnly today)
    {
        var problems = new List<Problem>();
        if (pause.StateOn(today) is PauseState.Lifted or PauseState.Ended)
            problems.Add(new Problem("pauze", TextId.PauseNotHolding, DateText.Show(pause.LiftedOn ?? pause.EndsOn)));
        Required(problems, "reden", reason, Pause.MaxTextLength);
        return problems;
    }

    /// <summary>A step on a pause as its earlier steps have left it: a lift or an extension by its own rule.</summary>
    public static IReadOnlyList<Problem> CheckStep(Pause current, PauseStep step, PauseSettings settings, DateOnly today)
    {
        var problems = new List<Problem>();
        if (step.On > today)
            problems.Add(new Problem("datum", TextId.DateInFuture));
        problems.AddRange(step.Kind == PauseStepKind.Lift
            ? CheckLift(current, step.Reason, today)
            : CheckExtension(current, step.NewEnd ?? default, step.Reason, settings, today));
        return problems;
    }

    private static Problem? EndProblem(DateOnly end, DateOnly from, PauseSettings settings, DateOnly today) =>
        end == default ? new Problem("einddatum", TextId.PauseEndRequired, settings.MaximumWeeks)
        : end < today ? new Problem("einddatum", TextId.PauseEndInPast, DateText.Show(today))
        : end > settings.LatestEnd(from) ? new Problem("einddatum", TextId.PauseEndBeyondMaximum, settings.MaximumWeeks, DateText.Show(settings.LatestEnd(from)))
        : null;
}
