using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>How a mandate decision reads on every screen: where its follow-up stands (in words, never by colour alone).</summary>
public static class DecisionText
{
    /// <summary>A follow-up that is due today or later is not yet late; one whose date has passed without an outcome is.</summary>
    public static bool IsOverdue(MandateDecision decision, DateOnly today) => decision.FollowUp is null && decision.FollowUpOn < today;

    public static bool IsDue(MandateDecision decision, DateOnly today) => decision.FollowUp is null && decision.FollowUpOn <= today;

    public static string FollowUpState(WijkwerkApp app, MandateDecision decision, DateOnly today) => decision switch
    {
        { FollowUp: { } done } => EnumTexts.Name(done.Result, app.Lang),
        _ when IsOverdue(decision, today) => app.T(TextId.UiFollowUpOverdue, DateText.Show(decision.FollowUpOn)),
        _ when decision.FollowUpOn == today => app.T(TextId.UiFollowUpDueToday),
        _ => app.T(TextId.UiFollowUpDueOn, DateText.Show(decision.FollowUpOn)),
    };

    public static CellStyle Style(MandateDecision decision, DateOnly today) => IsOverdue(decision, today) ? WidgetStyles.Error : CellStyle.Default;

    /// <summary>Which decision a form is about: when, the department and the rule overridden.</summary>
    public static string Summary(MandateDecision decision) =>
        $"{AmsterdamTime.ShowDateTime(decision.DecidedAt)} · {decision.Department} · {decision.RuleOverridden}";
}
