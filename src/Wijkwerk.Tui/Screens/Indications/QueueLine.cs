using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// The columns of a queue line and its heading, sharing the width: the client and the category grow on a
/// wide terminal; at 80 columns the team is left to the lines under the list, and a long value ends in "…".
/// </summary>
public sealed class QueueLine
{
    private readonly TableColumns _columns;
    private readonly Lang _lang;

    public QueueLine(Lang lang)
    {
        _lang = lang;
        string T(TextId id) => Texts.Get(id, lang);
        _columns = new TableColumns(
        [
            new TableColumn("", MinWidth: 1, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnDue), MinWidth: 10, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnDays), MinWidth: 7, Keep: 3, AlignRight: true),
            new TableColumn(T(TextId.UiQueueColumnClient), MinWidth: 15, Weight: 3, MaxWidth: 36, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnCategory), MinWidth: 9, Weight: 2, MaxWidth: 36, Keep: 2),
            new TableColumn(T(TextId.UiQueueColumnStatus), MinWidth: 13, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnVolume), MinWidth: 14, Weight: 1, MaxWidth: 28, Keep: 2),
            new TableColumn(T(TextId.UiQueueColumnTeam), MinWidth: 14, Weight: 1, MaxWidth: 30),
        ]);
    }

    public string Heading(int width) => _columns.Heading(width);

    public string Format(QueueRow row, int width) => _columns.Row(width,
    [
        row.Clock.IsFlagged ? "!" : "",
        DateText.Show(row.Clock.Due),
        Days(row.Clock, _lang),
        row.ClientName,
        EnumTexts.Name(Provision(row).Category, _lang),
        EnumTexts.Name(row.Advice.Status, _lang),
        row.Advice.Status == AdviceStatus.Rejected ? "-" : Provision(row).Volume.Show(_lang),
        row.Advice.Team,
    ]);

    /// <summary>Days left as a signed number (negative once overdue, and flagged); a stopped clock says how it ended.</summary>
    private static string Days(ClockReading clock, Lang lang) => clock.State is ClockState.Running or ClockState.Overdue
        ? clock.DaysLeft.ToString(CultureInfo.InvariantCulture)
        : EnumTexts.Name(clock.State, lang);

    private static Provision Provision(QueueRow row) => row.Advice.Decision?.Decided ?? row.Advice.Content.Provision;
}
