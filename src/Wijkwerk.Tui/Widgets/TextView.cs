using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// Read-only text wrapped at words (a question being answered, a message, a record in full): never cut off at the
/// side. It holds one paragraph (<see cref="Text"/> in <see cref="Style"/>) or lines that each have their own style
/// and indent (<see cref="SetLines"/>). When it is taller than its area it scrolls by rows or pages, and "↓" / "↑"
/// in the free last column say there is more below or above.
/// </summary>
public sealed class TextView : IWidget
{
    private IReadOnlyList<TextLine>? _lines;
    private string _text;
    private CellStyle _style;
    private int _scroll;
    private int _height = 1;
    private (int Width, List<(string Text, CellStyle Style)> Rows)? _wrapped;

    public TextView(string text = "", CellStyle style = default)
    {
        _text = text;
        _style = style;
    }

    public bool CanFocus => false;

    public CellPosition? Cursor => null;

    /// <summary>The text as one paragraph in <see cref="Style"/>; setting it replaces lines given by <see cref="SetLines"/>.</summary>
    public string Text
    {
        get => _text;
        set
        {
            if (value == _text && _lines is null)
                return;
            (_text, _lines, _wrapped) = (value, null, null);
        }
    }

    /// <summary>The style of <see cref="Text"/> and of the rows below the last line.</summary>
    public CellStyle Style
    {
        get => _style;
        set => (_style, _wrapped) = (value, null);
    }

    /// <summary>True when the last render could not show every line.</summary>
    public bool Overflows { get; private set; }

    /// <summary>The rows moved by a page: the last render's height less the one row kept in sight.</summary>
    public int PageRows => Math.Max(1, _height - 1);

    /// <summary>Lines that each keep their own style and indent; wrapped once per width, not on every frame.</summary>
    public void SetLines(IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        (_lines, _text, _wrapped) = (lines, "", null);
    }

    /// <summary>The text's lines in an area <paramref name="width"/> wide: one space of margin on the left, the last column free.</summary>
    public IReadOnlyList<string> Lines(int width) => Rows(width).Select(r => r.Text).ToList();

    /// <summary>Scrolls by whole pages, keeping one line of the last page in sight.</summary>
    public void ScrollBy(int pages) => ScrollRows(pages * PageRows);

    public void ScrollRows(int rows) => _scroll = Math.Max(0, _scroll + rows);

    public bool HandleKey(KeyInput key) => false;

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        if (area.IsEmpty)
        {
            return;
        }
        var rows = Rows(area.Width);
        _height = area.Height;
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, rows.Count - area.Height));
        Overflows = rows.Count > area.Height;
        for (var row = 0; row < area.Height; row++)
        {
            var index = _scroll + row;
            buffer.PutLine(area, row, index < rows.Count ? " " + rows[index].Text : "", index < rows.Count ? rows[index].Style : Style);
        }
        if (_scroll > 0)
        {
            buffer.Put(area.Right - 1, area.Y, "↑", rows[_scroll].Style, area);
        }
        if (_scroll + area.Height < rows.Count)
        {
            buffer.Put(area.Right - 1, area.Bottom - 1, "↓", rows[_scroll + area.Height - 1].Style, area);
        }
    }

    private List<(string Text, CellStyle Style)> Rows(int width)
    {
        if (_wrapped is { } cached && cached.Width == width)
            return cached.Rows;
        var textWidth = Math.Max(1, width - 2);
        var lines = _lines ?? [new TextLine(_text, Style)];
        var rows = lines.SelectMany(l => Wrap(l, textWidth).Select(text => (new string(' ', l.Indent) + text, l.Style))).ToList();
        _wrapped = (width, rows);
        return rows;
    }

    private static IReadOnlyList<string> Wrap(TextLine line, int width) =>
        line.IsTableRow
            ? [CellText.Truncate(line.Text, Math.Max(1, width - line.Indent))]
            : CellText.Wrap(line.Text.ReplaceLineEndings("\n"), Math.Max(1, width - line.Indent));
}

/// <summary>
/// One line of a <see cref="TextView"/> before wrapping, with its own style; continuation rows are indented like
/// the line. A table row keeps its column spacing and ends in "…" instead of wrapping.
/// </summary>
public sealed record TextLine(string Text, CellStyle Style = default, int Indent = 0, bool IsTableRow = false)
{
    public static TextLine Plain(string text, int indent = 0) => new(text, CellStyle.Default, indent);

    public static TextLine TableRow(string text) => new(text, CellStyle.Default, IsTableRow: true);

    public static TextLine Heading(string text) => new(text, CellStyle.Underline);

    public static TextLine Blank { get; } = new("", CellStyle.Default);
}
