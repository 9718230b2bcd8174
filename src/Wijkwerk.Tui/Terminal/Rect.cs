namespace Wijkwerk.Tui.Terminal;

public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public bool Contains(int x, int y) => x >= X && x < Right && y >= Y && y < Bottom;

    public Rect Intersect(Rect other)
    {
        var x = Math.Max(X, other.X);
        var y = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        return new Rect(x, y, Math.Max(0, right - x), Math.Max(0, bottom - y));
    }

    public Rect Inset(int cells) => Inset(cells, cells);

    public Rect Inset(int horizontal, int vertical) =>
        new(X + horizontal, Y + vertical, Math.Max(0, Width - 2 * horizontal), Math.Max(0, Height - 2 * vertical));

    /// <summary>A rect of the given size centred in this one, shrunk to fit.</summary>
    public Rect Center(int width, int height)
    {
        var w = Math.Min(width, Width);
        var h = Math.Min(height, Height);
        return new Rect(X + (Width - w) / 2, Y + (Height - h) / 2, w, h);
    }

    public Rect Row(int index) => new(X, Y + index, Width, index >= 0 && index < Height ? 1 : 0);

    public Rect[] SplitRows(params LayoutSize[] sizes)
    {
        var lengths = Distribute(Height, sizes);
        var result = new Rect[sizes.Length];
        var y = Y;
        for (var i = 0; i < sizes.Length; i++)
        {
            result[i] = new Rect(X, y, Width, lengths[i]);
            y += lengths[i];
        }
        return result;
    }

    public Rect[] SplitColumns(params LayoutSize[] sizes)
    {
        var lengths = Distribute(Width, sizes);
        var result = new Rect[sizes.Length];
        var x = X;
        for (var i = 0; i < sizes.Length; i++)
        {
            result[i] = new Rect(x, Y, lengths[i], Height);
            x += lengths[i];
        }
        return result;
    }

    // Fixed slots are served first, in order, so a status bar keeps its row when the window is short.
    private static int[] Distribute(int total, LayoutSize[] sizes)
    {
        var lengths = new int[sizes.Length];
        var remaining = Math.Max(0, total);
        for (var i = 0; i < sizes.Length; i++)
        {
            if (!sizes[i].IsFill)
            {
                lengths[i] = Math.Min(sizes[i].FixedCells, remaining);
                remaining -= lengths[i];
            }
        }

        var totalWeight = sizes.Where(s => s.IsFill).Sum(s => s.FillWeight);
        if (totalWeight == 0)
        {
            return lengths;
        }

        var share = remaining;
        var lastFill = Array.FindLastIndex(sizes, s => s.IsFill);
        for (var i = 0; i < sizes.Length; i++)
        {
            if (!sizes[i].IsFill)
            {
                continue;
            }
            lengths[i] = i == lastFill ? remaining : share * sizes[i].FillWeight / totalWeight;
            remaining -= lengths[i];
        }
        return lengths;
    }
}
