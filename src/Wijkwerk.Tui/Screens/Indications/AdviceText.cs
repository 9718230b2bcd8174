using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// How an advice reads wherever it appears (timeline, queue, detail): status, provision and the legal
/// clock that counts, flagged when overdue. One place, so every screen says the same thing.
/// </summary>
public static class AdviceText
{
    /// <summary>"[ingediend] 01 Hulp bij het huishouden · 3 uur per week · beschikking uiterlijk 28-03-2026 (nog 5 dagen)".</summary>
    public static string Summary(IndicationAdvice advice, DateOnly today, Lang lang)
    {
        var (status, provision, clock) = Parts(advice, today, lang);
        return $"{status} {provision} · {clock}";
    }

    /// <summary>
    /// The summary for a one-line row that the screen's edge cuts (the dossier timeline): the clock comes
    /// before the provision, so what is cut off is the provision, never the legal term.
    /// "[ingediend] onderzoek uiterlijk 27-04-2026 (nog 42 dagen) · 01 Hulp bij het huishouden · 3 uur per week".
    /// </summary>
    public static string Row(IndicationAdvice advice, DateOnly today, Lang lang)
    {
        var (status, provision, clock) = Parts(advice, today, lang);
        return $"{status} {clock} · {provision}";
    }

    /// <summary>One clock in words: what is due when, and how it stands.</summary>
    public static string Clock(ClockReading clock, Lang lang)
    {
        var kind = Texts.Get(clock.Kind == ClockKind.Investigation ? TextId.UiClockInvestigation : TextId.UiClockDecision, lang);
        var due = DateText.Show(clock.Due) + (clock.Extended ? " " + Texts.Get(TextId.UiClockExtended, lang) : "");
        var state = clock.State switch
        {
            ClockState.Running when clock.DaysLeft == 1 => Texts.Get(TextId.UiClockOneDayLeft, lang),
            ClockState.Running => Texts.Format(TextId.UiClockDaysLeft, lang, new Count(clock.DaysLeft, Noun.Day)),
            ClockState.Overdue when clock.DaysLeft == -1 => Texts.Get(TextId.UiClockOneDayOverdue, lang),
            ClockState.Overdue => Texts.Format(TextId.UiClockOverdue, lang, new Count(-clock.DaysLeft, Noun.Day)),
            _ => EnumTexts.Name(clock.State, lang),
        };
        return $"{kind} {due} ({state})";
    }

    /// <summary>Overdue or decided late: shown in the error style and marked, so it is seen without colour too.</summary>
    public static CellStyle Style(IndicationAdvice advice, DateOnly today) =>
        advice.Clocks.Current(today).IsFlagged ? WidgetStyles.Error : CellStyle.Default;

    public static string Flag(IndicationAdvice advice, DateOnly today) => advice.Clocks.Current(today).IsFlagged ? "! " : "  ";

    private static (string Status, string Provision, string Clock) Parts(IndicationAdvice advice, DateOnly today, Lang lang)
    {
        var provision = advice.Decision?.Decided ?? advice.Content.Provision;
        var volume = advice.Status == AdviceStatus.Rejected ? "" : " · " + provision.Volume.Show(lang);
        return ($"[{EnumTexts.Name(advice.Status, lang)}]", EnumTexts.Name(provision.Category, lang) + volume, Clock(advice.Clocks.Current(today), lang));
    }
}
