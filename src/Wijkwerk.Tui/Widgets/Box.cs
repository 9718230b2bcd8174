using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>Draws a framed, cleared box for dialogs and overlays.</summary>
public static class Box
{
    /// <summary>Clears <paramref name="area"/>, frames it and returns the inner rect.</summary>
    public static Rect Draw(ScreenBuffer buffer, Rect area, string? title = null)
    {
        buffer.Fill(area, ' ', CellStyle.Default);
        if (area.Width < 2 || area.Height < 2)
        {
            return new Rect(area.X, area.Y, 0, 0);
        }

        var right = area.Right - 1;
        var bottom = area.Bottom - 1;
        var horizontal = new string('─', area.Width - 2);
        buffer.Put(area.X, area.Y, "┌" + horizontal + "┐", CellStyle.Default, area);
        buffer.Put(area.X, bottom, "└" + horizontal + "┘", CellStyle.Default, area);
        for (var y = area.Y + 1; y < bottom; y++)
        {
            buffer.Put(area.X, y, "│", CellStyle.Default, area);
            buffer.Put(right, y, "│", CellStyle.Default, area);
        }
        if (!string.IsNullOrEmpty(title))
        {
            buffer.Put(area.X + 2, area.Y, CellText.Truncate($" {title} ", area.Width - 4), CellStyle.Bold, area);
        }
        return area.Inset(2, 1);
    }
}
