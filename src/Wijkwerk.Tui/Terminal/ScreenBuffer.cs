using System.Text;

namespace Wijkwerk.Tui.Terminal;

/// <summary>A frame as a grid of cells. Everything is drawn here first; <see cref="DiffRenderer"/> sends it to the terminal.</summary>
public sealed class ScreenBuffer
{
    private readonly Cell[] _cells;

    public ScreenBuffer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        _cells = new Cell[width * height];
        Clear();
    }

    public int Width { get; }
    public int Height { get; }
    public Rect Bounds => new(0, 0, Width, Height);

    public Cell this[int x, int y]
    {
        get => _cells[Index(x, y)];
        set => _cells[Index(x, y)] = new Cell(CellText.Sanitize(value.Char), value.Style);
    }

    public void Clear() => Clear(CellStyle.Default);

    public void Clear(CellStyle style) => Array.Fill(_cells, new Cell(' ', style));

    public void Fill(Rect area, char c, CellStyle style)
    {
        var clipped = area.Intersect(Bounds);
        var cell = new Cell(CellText.Sanitize(c), style);
        for (var y = clipped.Y; y < clipped.Bottom; y++)
        {
            Array.Fill(_cells, cell, y * Width + clipped.X, clipped.Width);
        }
    }

    /// <summary>Writes text on one row, clipped to the buffer. Returns the number of cells written.</summary>
    public int Put(int x, int y, string text, CellStyle style) => Put(x, y, text, style, Bounds);

    /// <summary>Writes text on one row, clipped to <paramref name="clip"/> and the buffer, so a widget never paints outside its rect.</summary>
    public int Put(int x, int y, string text, CellStyle style, Rect clip)
    {
        var area = clip.Intersect(Bounds);
        if (y < area.Y || y >= area.Bottom)
        {
            return 0;
        }

        var normalized = CellText.Normalize(text);
        var written = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var cx = x + i;
            if (cx >= area.Right)
            {
                break;
            }
            if (cx < area.X)
            {
                continue;
            }
            _cells[y * Width + cx] = new Cell(CellText.Sanitize(normalized[i]), style);
            written++;
        }
        return written;
    }

    /// <summary>Writes text on row <paramref name="row"/> of <paramref name="area"/>, padding the rest of that row with <paramref name="style"/>.</summary>
    public void PutLine(Rect area, int row, string text, CellStyle style)
    {
        var line = area.Row(row);
        Fill(line, ' ', style);
        Put(line.X, line.Y, text, style, line);
    }

    public void CopyFrom(ScreenBuffer other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            throw new ArgumentException("Buffers must have the same size.", nameof(other));
        }
        Array.Copy(other._cells, _cells, _cells.Length);
    }

    public ScreenBuffer Clone()
    {
        var copy = new ScreenBuffer(Width, Height);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>The visible text, rows joined by '\n' with trailing spaces trimmed; the same shape as <see cref="FakeTerminal.ScreenText"/>.</summary>
    public string ToText()
    {
        var rows = new string[Height];
        var row = new StringBuilder(Width);
        for (var y = 0; y < Height; y++)
        {
            row.Clear();
            for (var x = 0; x < Width; x++)
            {
                row.Append(_cells[y * Width + x].Char);
            }
            rows[y] = row.ToString().TrimEnd(' ');
        }
        return string.Join('\n', rows);
    }

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"({x},{y}) is outside {Width}×{Height}.");
        }
        return y * Width + x;
    }
}
