using System.Text;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// Sends a frame to the terminal as the difference from the previous one, in a single <see cref="ITerminal.Write"/>:
/// idle frames cost nothing (no flicker, no noise for screen readers) and slow links stay usable.
/// </summary>
public sealed class DiffRenderer
{
    private readonly ITerminal _terminal;
    private readonly StringBuilder _output = new();
    private ScreenBuffer? _previous;
    private CellPosition? _cursor;
    private CellStyle _style;
    private bool _cursorVisible;
    private bool _invalidated = true;

    public DiffRenderer(ITerminal terminal, ColorMode mode = ColorMode.Colour)
    {
        _terminal = terminal ?? throw new ArgumentNullException(nameof(terminal));
        Mode = mode;
    }

    public ColorMode Mode { get; }

    /// <summary>Forces the next frame to be drawn in full (after a resize, or when something else wrote to the screen).</summary>
    public void Invalidate() => _invalidated = true;

    public void Render(ScreenBuffer frame, CellPosition? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var full = _invalidated || _previous is null || _previous.Width != frame.Width || _previous.Height != frame.Height;
        _output.Clear();

        if (full)
        {
            // The terminal's contents are unknown here, so start from a known blank screen.
            _output.Append(AnsiSequences.ResetStyle).Append(AnsiSequences.ClearScreen);
            _style = CellStyle.Default;
        }

        var wroteCells = AppendChangedCells(frame, full);
        AppendCursor(Clamp(cursor, frame), full, wroteCells);

        if (_output.Length > 0)
        {
            _terminal.Write(_output.ToString());
        }

        if (_previous is null || _previous.Width != frame.Width || _previous.Height != frame.Height)
        {
            _previous = frame.Clone();
        }
        else
        {
            _previous.CopyFrom(frame);
        }
        _invalidated = false;
    }

    private bool AppendChangedCells(ScreenBuffer frame, bool full)
    {
        var hideWhileDrawing = _cursorVisible && !full;
        var wrote = false;
        var cursorX = -1;
        var cursorY = -1;
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var cell = Effective(frame[x, y]);
                var unchanged = full ? cell == Cell.Blank : Effective(_previous![x, y]) == cell;
                if (unchanged)
                {
                    continue;
                }

                if (!wrote && hideWhileDrawing)
                {
                    _output.Append(AnsiSequences.HideCursor);
                    _cursorVisible = false;
                }
                wrote = true;

                if (x != cursorX || y != cursorY)
                {
                    _output.Append(AnsiSequences.MoveTo(x, y));
                }
                if (cell.Style != _style)
                {
                    SgrWriter.Append(_output, cell.Style, Mode);
                    _style = cell.Style;
                }
                _output.Append(cell.Char);

                // With autowrap off the cursor sticks at the last column, so its position is only known inside the row.
                cursorX = x + 1 < frame.Width ? x + 1 : -1;
                cursorY = y;
            }
        }
        return wrote;
    }

    private void AppendCursor(CellPosition? cursor, bool full, bool wroteCells)
    {
        var visible = cursor?.Visible ?? false;
        if (cursor is { } target && (full || wroteCells || _cursor != cursor))
        {
            _output.Append(AnsiSequences.MoveTo(target.X, target.Y));
        }
        if (full || visible != _cursorVisible)
        {
            _output.Append(visible ? AnsiSequences.ShowCursor : AnsiSequences.HideCursor);
            _cursorVisible = visible;
        }
        _cursor = cursor;
    }

    private static CellPosition? Clamp(CellPosition? cursor, ScreenBuffer frame) =>
        cursor is { } c && frame.Width > 0 && frame.Height > 0
            ? c with { X = Math.Clamp(c.X, 0, frame.Width - 1), Y = Math.Clamp(c.Y, 0, frame.Height - 1) }
            : null;

    private Cell Effective(Cell cell) =>
        Mode == ColorMode.NoColour ? cell with { Style = cell.Style with { Foreground = default, Background = default } } : cell;
}
