using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Screens;

/// <summary>
/// One row of a bar chart in text: a name, a bar scaled to the largest value of the chart, then the figures. Name, bar
/// and figures fit 80 columns side by side. The budget ledger's spend per category and a pattern's cases per budget
/// and per department are drawn the same way.
/// </summary>
public static class TextBars
{
    private const int NameWidth = 24;
    private const int BarWidth = 28;

    public static string Row(string name, long value, long largest, string figures) =>
        $"{CellText.Truncate(name, NameWidth),-NameWidth} {new string('█', (int)(BarWidth * value / Math.Max(1, largest))),-BarWidth} {figures}";
}
