using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// Read-only text wrapped at words (a question being answered, a message): never cut off at the side. When it is
/// taller than its area it scrolls a page at a time (<see cref="ScrollBy"/>), and "↓" / "↑" in the free last column say there
/// is more below or above.
/// </summary>
public sealed class TextView : IWidget
{
    private int _scroll;
    private int _height = 1;

    public TextView(string text = "", CellStyle style = default)
    {
        Text = text;
        Style = style;
    }

    public bool CanFocus => false;

    public CellPosition? Cursor => null;

    public string Text { get; set; }

    public CellStyle Style { get; set; }

    /// <summary>True when the last render could not show every line.</summary>
    public bool Overflows { get; private set; }

    /// <summary>The text's lines in an area <paramref name="width"/> wide: one space of margin on the left, the last column free.</summary>
    public IReadOnlyList<string> Lines(int width) => CellText.Wrap(Text, Math.Max(1, width - 2));

    /// <summary>Scrolls by whole pages, keeping one line of the last page in sight.</summary>
    public void ScrollBy(int pages) => _scroll = Math.Max(0, _scroll + pages * Math.Max(1, _height - 1));

    public bool HandleKey(KeyInput key) => false;

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        if (area.IsEmpty)
        {
            return;
        }
        var lines = Lines(area.Width);
        _height = area.Height;
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, lines.Count - area.Height));
        Overflows = lines.Count > area.Height;
        for (var row = 0; row < area.Height; row++)
        {
            var index = _scroll + row;
            buffer.PutLine(area, row, index < lines.Count ? " " + lines[index] : "", Style);
        }
        if (_scroll > 0)
        {
            buffer.Put(area.Right - 1, area.Y, "↑", Style, area);
        }
        if (_scroll + area.Height < lines.Count)
        {
            buffer.Put(area.Right - 1, area.Bottom - 1, "↓", Style, area);
        }
    }
}
