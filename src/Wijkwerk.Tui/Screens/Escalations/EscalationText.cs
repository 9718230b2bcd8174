using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>Where a pause or escalation stands, always in words (and a "!" when it asks for action), for every screen that lists them.</summary>
public static class EscalationText
{
    public static string State(WijkwerkApp app, Escalation e, DateOnly today) =>
        e.ClosedOn is { } closed ? app.T(TextId.UiEscalationStateClosed, DateText.Show(closed))
        : e.FollowUpDue(today) ? app.T(TextId.UiEscalationStateDue, DateText.Show(e.FollowUpOn))
        : app.T(TextId.UiEscalationStateOpen, DateText.Show(e.FollowUpOn));

    public static string State(WijkwerkApp app, Pause p, DateOnly today) =>
        (p.StateOn(today) == PauseState.Ended ? "! " : "") + EnumTexts.Name(p.StateOn(today), app.Lang);

    public static CellStyle Style(Escalation e, DateOnly today) => e.FollowUpDue(today) ? CellStyle.Bold : CellStyle.Default;

    public static CellStyle Style(Pause p, DateOnly today) => p.StateOn(today) switch
    {
        PauseState.Ended => WidgetStyles.Error,
        PauseState.EndingSoon => CellStyle.Bold,
        _ => CellStyle.Default,
    };
}
