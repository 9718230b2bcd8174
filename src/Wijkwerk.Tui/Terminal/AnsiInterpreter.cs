using System.Globalization;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// A small VT interpreter: turns the byte stream this layer emits back into a cell grid, the way a real terminal would.
/// It throws on sequences it does not know, so tests notice when the renderer starts emitting something new.
/// </summary>
internal sealed class AnsiInterpreter
{
    private Cell[] _cells;
    private CellStyle _style;
    private bool _pendingWrap;

    public AnsiInterpreter(int width, int height)
    {
        Width = width;
        Height = height;
        _cells = NewGrid(width, height);
    }

    public int Width { get; private set; }
    public int Height { get; private set; }
    public int CursorX { get; private set; }
    public int CursorY { get; private set; }
    public bool CursorVisible { get; private set; } = true;
    public bool AutoWrap { get; private set; } = true;
    public bool AlternateScreen { get; private set; }
    public bool BracketedPaste { get; private set; }

    public Cell this[int x, int y] => _cells[y * Width + x];

    public void Resize(int width, int height)
    {
        var old = _cells;
        var oldWidth = Width;
        var oldHeight = Height;
        _cells = NewGrid(width, height);
        for (var y = 0; y < Math.Min(height, oldHeight); y++)
        {
            for (var x = 0; x < Math.Min(width, oldWidth); x++)
            {
                _cells[y * width + x] = old[y * oldWidth + x];
            }
        }
        Width = width;
        Height = height;
        CursorX = Math.Min(CursorX, Math.Max(0, width - 1));
        CursorY = Math.Min(CursorY, Math.Max(0, height - 1));
        _pendingWrap = false;
    }

    public void Feed(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\u001b')
            {
                i = ParseEscape(text, i);
                continue;
            }
            switch (c)
            {
                case '\r':
                    CursorX = 0;
                    _pendingWrap = false;
                    break;
                case '\n':
                    LineFeed();
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        throw new InvalidOperationException($"Unexpected control character U+{(int)c:X4} in terminal output.");
                    }
                    Print(c);
                    break;
            }
            i++;
        }
    }

    private int ParseEscape(string text, int start)
    {
        if (start + 1 >= text.Length || text[start + 1] != '[')
        {
            throw new InvalidOperationException($"Unsupported escape sequence at {start}: only CSI sequences are expected.");
        }
        var end = start + 2;
        while (end < text.Length && text[end] is < '@' or > '~')
        {
            end++;
        }
        if (end >= text.Length)
        {
            throw new InvalidOperationException("Unterminated CSI sequence.");
        }
        var parameters = text[(start + 2)..end];
        Apply(parameters, text[end]);
        return end + 1;
    }

    private void Apply(string parameters, char final)
    {
        if (parameters.StartsWith('?'))
        {
            ApplyPrivateMode(parameters[1..], final);
            return;
        }

        var args = parameters.Length == 0
            ? []
            : parameters.Split(';').Select(p => p.Length == 0 ? 0 : int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        switch (final)
        {
            case 'H':
                CursorY = Math.Clamp(Arg(args, 0, 1) - 1, 0, Height - 1);
                CursorX = Math.Clamp(Arg(args, 1, 1) - 1, 0, Width - 1);
                _pendingWrap = false;
                break;
            case 'J' when Arg(args, 0, 0) == 2:
                Array.Fill(_cells, new Cell(' ', _style with { Attributes = TextAttributes.None }));
                break;
            case 'm':
                ApplySgr(args.Length == 0 ? [0] : args);
                break;
            default:
                throw new InvalidOperationException($"Unsupported CSI sequence '{parameters}{final}'.");
        }
    }

    private void ApplyPrivateMode(string mode, char final)
    {
        if (final is not ('h' or 'l'))
        {
            throw new InvalidOperationException($"Unsupported private mode sequence '?{mode}{final}'.");
        }
        var on = final == 'h';
        switch (mode)
        {
            case "1049":
                AlternateScreen = on;
                Array.Fill(_cells, Cell.Blank);
                break;
            case "25":
                CursorVisible = on;
                break;
            case "7":
                AutoWrap = on;
                break;
            case "2004":
                BracketedPaste = on;
                break;
            case "2026":
                break;
            default:
                throw new InvalidOperationException($"Unsupported private mode '?{mode}'.");
        }
    }

    private void ApplySgr(int[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            switch (a)
            {
                case 0: _style = CellStyle.Default; break;
                case 1: _style = _style with { Attributes = _style.Attributes | TextAttributes.Bold }; break;
                case 22: _style = _style with { Attributes = _style.Attributes & ~TextAttributes.Bold }; break;
                case 4: _style = _style with { Attributes = _style.Attributes | TextAttributes.Underline }; break;
                case 24: _style = _style with { Attributes = _style.Attributes & ~TextAttributes.Underline }; break;
                case 7: _style = _style with { Attributes = _style.Attributes | TextAttributes.Reverse }; break;
                case 27: _style = _style with { Attributes = _style.Attributes & ~TextAttributes.Reverse }; break;
                case >= 30 and <= 37: _style = _style with { Foreground = TermColor.FromIndex((byte)(a - 30)) }; break;
                case 39: _style = _style with { Foreground = TermColor.Default }; break;
                case >= 40 and <= 47: _style = _style with { Background = TermColor.FromIndex((byte)(a - 40)) }; break;
                case 49: _style = _style with { Background = TermColor.Default }; break;
                case >= 90 and <= 97: _style = _style with { Foreground = TermColor.FromIndex((byte)(a - 90 + 8)) }; break;
                case >= 100 and <= 107: _style = _style with { Background = TermColor.FromIndex((byte)(a - 100 + 8)) }; break;
                case 38 or 48:
                    var (color, used) = ExtendedColor(args, i + 1);
                    _style = a == 38 ? _style with { Foreground = color } : _style with { Background = color };
                    i += used;
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported SGR parameter {a}.");
            }
        }
    }

    private static (TermColor Color, int Used) ExtendedColor(int[] args, int at) => Arg(args, at, -1) switch
    {
        5 => (TermColor.FromIndex((byte)Arg(args, at + 1, 0)), 2),
        2 => (TermColor.FromRgb((byte)Arg(args, at + 1, 0), (byte)Arg(args, at + 2, 0), (byte)Arg(args, at + 3, 0)), 4),
        _ => throw new InvalidOperationException("Malformed extended colour in SGR."),
    };

    private void Print(char c)
    {
        if (_pendingWrap)
        {
            CursorX = 0;
            LineFeed();
            _pendingWrap = false;
        }
        _cells[CursorY * Width + CursorX] = new Cell(c, _style);
        if (CursorX < Width - 1)
        {
            CursorX++;
        }
        else if (AutoWrap)
        {
            _pendingWrap = true;
        }
    }

    private void LineFeed()
    {
        if (CursorY < Height - 1)
        {
            CursorY++;
            return;
        }
        Array.Copy(_cells, Width, _cells, 0, Width * (Height - 1));
        Array.Fill(_cells, Cell.Blank, Width * (Height - 1), Width);
    }

    private static int Arg(int[] args, int index, int fallback) =>
        index < args.Length && args[index] != 0 ? args[index] : fallback;

    private static Cell[] NewGrid(int width, int height)
    {
        var cells = new Cell[width * height];
        Array.Fill(cells, Cell.Blank);
        return cells;
    }
}
