using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// The bottom line: the state on the left (online/offline, who, then pending changes and the rest), key hints on
/// the right. The first <see cref="AlwaysShown"/> status items always stay; the screen's first hints keep their
/// room before the other status items get it; whatever does not fit is left out whole — a status item never
/// cut mid-word, and the hints end in "…", since <c>?</c> lists every key.
/// </summary>
public sealed class StatusBar : IWidget
{
    private const int Gap = 2;
    private const int MinimumHintWidth = 32;
    private const string Separator = " · ";

    public StatusBar(Lang language = Lang.Nl)
    {
        Language = language;
    }

    public bool CanFocus => false;

    public CellPosition? Cursor => null;

    public Lang Language { get; set; }

    /// <summary>What the line says, most important first, e.g. ["online", "Anna de Vries", "3 wachtend"].</summary>
    public IReadOnlyList<string> Status { get; set; } = [];

    /// <summary>How many of the first <see cref="Status"/> items are shown whatever the width (the state and who).</summary>
    public int AlwaysShown { get; set; } = 2;

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
        // One cell of margin on each side; the hints keep the room of the first few (or all, when they are few).
        var usable = row.Width - 2;
        var hintReserve = Math.Min(Commands?.FormatHints(int.MaxValue, Language).Length ?? 0, MinimumHintWidth);
        var statusRoom = Math.Max(usable / 2, usable - hintReserve - Gap);

        var left = CellText.TruncateWords(string.Join(Separator, Status.Take(AlwaysShown)), statusRoom);
        foreach (var item in Status.Skip(AlwaysShown))
        {
            var longer = left.Length == 0 ? item : left + Separator + item;
            if (longer.Length <= statusRoom)
            {
                left = longer;
            }
        }
        buffer.PutLine(row, 0, " " + left, WidgetStyles.Bar);

        var room = usable - left.Length - (left.Length > 0 ? Gap : 0);
        var hints = Commands?.FormatHints(room, Language) ?? "";
        if (hints.Length > 0)
        {
            buffer.Put(row.Right - 1 - hints.Length, row.Y, hints, WidgetStyles.Bar, row);
        }
    }
}
