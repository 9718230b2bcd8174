using System.Globalization;
using System.Text;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// The columns of a queue line and its heading, fitted to the width. At 80 columns the category is its
/// code and the team is left to the lines under the list; from 120 columns every column is spelled out.
/// </summary>
public sealed class QueueLine
{
    private const int WideFrom = 120;
    private readonly List<(string Heading, int Width, Func<QueueRow, string> Value)> _columns;

    public QueueLine(int width, Lang lang)
    {
        string T(TextId id) => Texts.Get(id, lang);
        var wide = width >= WideFrom;
        _columns =
        [
            ("", 2, r => r.Clock.IsFlagged ? "!" : ""),
            (T(TextId.UiQueueColumnDue), 11, r => DateText.Show(r.Clock.Due)),
            (T(TextId.UiQueueColumnDays), 8, r => Days(r.Clock, lang)),
            (T(TextId.UiQueueColumnClient), wide ? 29 : 21, r => r.ClientName),
            wide ? (T(TextId.UiQueueColumnCategory), 35, r => EnumTexts.Name(Provision(r).Category, lang)) : ("iWmo", 5, r => Provision(r).Category.Code()),
            (T(TextId.UiQueueColumnStatus), 15, r => EnumTexts.Name(r.Advice.Status, lang)),
            (T(TextId.UiQueueColumnVolume), wide ? 27 : 0, r => r.Advice.Status == AdviceStatus.Rejected ? "-" : Provision(r).Volume.Show(lang)),
        ];
        if (wide)
            _columns.Add((T(TextId.UiQueueColumnTeam), 0, r => r.Advice.Team));
    }

    public string Heading() => Join(c => c.Heading);

    public string Format(QueueRow row) => Join(c => c.Value(row));

    /// <summary>Days left as a signed number (negative once overdue, and flagged); a stopped clock says how it ended.</summary>
    private static string Days(ClockReading clock, Lang lang) => clock.State is ClockState.Running or ClockState.Overdue
        ? clock.DaysLeft.ToString(CultureInfo.InvariantCulture).PadLeft(5)
        : EnumTexts.Name(clock.State, lang);

    private static Provision Provision(QueueRow row) => row.Advice.Decision?.Decided ?? row.Advice.Content.Provision;

    // Width 0 takes the rest of the line; the row is cut at the screen's edge anyway.
    private string Join(Func<(string Heading, int Width, Func<QueueRow, string> Value), string> text)
    {
        var line = new StringBuilder();
        foreach (var column in _columns)
        {
            var value = text(column);
            line.Append(column.Width == 0 ? value : CellText.Truncate(value, column.Width - 1).PadRight(column.Width));
        }

        return line.ToString();
    }
}
