using System.Globalization;
using Spectre.Console;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Screens.Reports;

/// <summary>
/// The agreement rows as a table with a bar per period: as advised, adjusted and rejected side by side
/// (Spectre's breakdown chart), as long as the period's number of decisions. Every bar has its counts
/// beside it, so nothing depends on colour alone.
/// </summary>
public sealed class AgreementChart(Lang lang)
{
    private const int PeriodWidth = 8;

    /// <summary>The count columns after the bar: heading and width, right-aligned.</summary>
    private static readonly (TextId Heading, int Width)[] Columns =
    [
        (TextId.UiReportColumnAsAdvised, 8), (TextId.UiReportColumnAdjusted, 8), (TextId.UiReportColumnRejected, 8),
        (TextId.UiReportColumnShare, 10), (TextId.UiReportColumnInTime, 8), (TextId.UiReportColumnLate, 8),
    ];

    public static readonly Color AsAdvisedColour = Color.Green;
    public static readonly Color AdjustedColour = Color.Yellow;
    public static readonly Color RejectedColour = Color.Red;

    private readonly SpectreRenderer _spectre = new();

    /// <summary>The total bar with its legend: two rows.</summary>
    public void RenderTotal(AgreementRow total, ScreenBuffer buffer, Rect area)
    {
        var legend = new BreakdownChart()
            .AddItem(Texts.Get(TextId.UiReportAsAdvised, lang), total.AsAdvised, AsAdvisedColour)
            .AddItem(Texts.Get(TextId.UiReportAdjusted, lang), total.Adjusted, AdjustedColour)
            .AddItem(Texts.Get(TextId.UiReportRejected, lang), total.Rejected, RejectedColour);
        legend.Width = area.Width;
        legend.Culture = CultureInfo.InvariantCulture;
        _spectre.Render(legend, buffer, area);
    }

    /// <summary>A heading row, then one row per period from <paramref name="first"/> on, as many as fit.</summary>
    public void RenderRows(IReadOnlyList<AgreementRow> rows, int first, ScreenBuffer buffer, Rect area)
    {
        if (area.Height < 1)
            return;
        var barWidth = Math.Max(0, area.Width - 1 - PeriodWidth - 1 - 1 - Columns.Sum(c => c.Width));
        var heading = " " + Texts.Get(TextId.UiReportColumnPeriod, lang).PadRight(PeriodWidth) + " " + Texts.Get(TextId.UiReportColumnBar, lang).PadRight(barWidth) + " "
            + string.Concat(Columns.Select(c => Texts.Get(c.Heading, lang).PadLeft(c.Width)));
        buffer.PutLine(area, 0, CellText.Truncate(heading, area.Width), CellStyle.Underline);

        // Bars are as long as the period's number of decisions, against the busiest period of all rows
        // (not only the visible ones, so scrolling never rescales): the length reads without colour.
        var most = rows.Max(r => r.Decided);
        for (var i = 0; i + 1 < area.Height && first + i < rows.Count; i++)
        {
            var row = rows[first + i];
            var y = area.Y + 1 + i;
            var x = area.X + buffer.Put(area.X, y, " " + row.Period.Code.PadRight(PeriodWidth) + " ", CellStyle.Default, area);
            var length = most == 0 ? 0 : Math.Max(1, (int)Math.Round((double)barWidth * row.Decided / most, MidpointRounding.AwayFromZero));
            if (barWidth > 0 && row.Decided > 0)
                _spectre.Render(Bar(row, length), buffer, new Rect(x, y, length, 1));
            var counts = new[]
            {
                Number(row.AsAdvised), Number(row.Adjusted), Number(row.Rejected),
                row.PercentAsAdvised is { } percent ? percent.ToString("0", CultureInfo.InvariantCulture) + "%" : "-",
                Number(row.InTime), Number(row.Late),
            };
            var text = " " + string.Concat(counts.Select((c, n) => c.PadLeft(Columns[n].Width)));
            buffer.Put(x + barWidth, y, text, CellStyle.Default, area);
        }
    }

    private static BreakdownChart Bar(AgreementRow row, int width)
    {
        var bar = new BreakdownChart { Width = width, ShowTags = false };
        bar.AddItem("=", row.AsAdvised, AsAdvisedColour)
            .AddItem("~", row.Adjusted, AdjustedColour)
            .AddItem("x", row.Rejected, RejectedColour);
        return bar;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
