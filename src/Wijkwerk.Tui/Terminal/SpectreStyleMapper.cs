using Spectre.Console;

namespace Wijkwerk.Tui.Terminal;

/// <summary>Maps Spectre styles onto cell styles. Dim, italic and blink have no cell equivalent and are dropped.</summary>
public static class SpectreStyleMapper
{
    public static CellStyle Map(Style style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var attributes = TextAttributes.None;
        if (style.Decoration.HasFlag(Decoration.Bold))
        {
            attributes |= TextAttributes.Bold;
        }
        if (style.Decoration.HasFlag(Decoration.Underline))
        {
            attributes |= TextAttributes.Underline;
        }
        if (style.Decoration.HasFlag(Decoration.Invert))
        {
            attributes |= TextAttributes.Reverse;
        }
        return new CellStyle(Map(style.Foreground), Map(style.Background), attributes);
    }

    // Spectre keeps a colour's palette number internal, so palette colours are recognised by RGB.
    // Lower indexes win, so "red" maps to the named ANSI colour that follows the user's theme.
    private static readonly Dictionary<(byte, byte, byte), byte> PaletteIndex = BuildPaletteIndex();

    public static TermColor Map(Color color)
    {
        if (color == Color.Default)
        {
            return TermColor.Default;
        }
        return PaletteIndex.TryGetValue((color.R, color.G, color.B), out var index)
            ? TermColor.FromIndex(index)
            : TermColor.FromRgb(color.R, color.G, color.B);
    }

    private static Dictionary<(byte, byte, byte), byte> BuildPaletteIndex()
    {
        var index = new Dictionary<(byte, byte, byte), byte>();
        for (var i = 0; i < 256; i++)
        {
            var color = Color.FromInt32(i);
            index.TryAdd((color.R, color.G, color.B), (byte)i);
        }
        return index;
    }
}
