using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// The bottom line: status on the left (who, online/offline, pending changes, last sync), key hints on the right.
/// The status wins when space is short; hints drop whole and end in "…".
/// </summary>
public sealed class StatusBar : IWidget
{
    private const int Gap = 2;
    private const int MinimumHintWidth = 32;

    public StatusBar(Lang language = Lang.Nl)
    {
        Language = language;
    }

    public bool CanFocus => false;

    public CellPosition? Cursor => null;

    public Lang Language { get; set; }

    public string LeftText { get; set; } = "";

    /// <summary>The commands of the current context; their hints fill the right side.</summary>
    public CommandTable? Commands { get; set; }

    public bool HandleKey(KeyInput key) => false;

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        if (area.IsEmpty)
        {
            return;
        }
        var row = area.Row(0);
        // Hints keep at least a third of the line: without them a person cannot find the keys.
        var left = CellText.Truncate(" " + LeftText, Math.Max(row.Width - Math.Max(MinimumHintWidth, row.Width / 3), row.Width / 2));
        buffer.PutLine(row, 0, left, WidgetStyles.Bar);

        var room = row.Width - left.Length - Gap - 1;
        var hints = Commands?.FormatHints(room, Language) ?? "";
        if (hints.Length > 0)
        {
            buffer.Put(row.Right - 1 - hints.Length, row.Y, hints, WidgetStyles.Bar, row);
        }
    }
}
