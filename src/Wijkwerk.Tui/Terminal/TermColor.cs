namespace Wijkwerk.Tui.Terminal;

public enum TermColorKind : byte
{
    Default,
    Indexed,
    Rgb,
}

/// <summary>
/// A terminal colour: the terminal's default, one of the 256 indexed colours (0–15 are the named ANSI colours,
/// which follow the user's theme and so suit high contrast best), or 24-bit RGB.
/// </summary>
public readonly record struct TermColor(TermColorKind Kind, byte Index = 0, byte R = 0, byte G = 0, byte B = 0)
{
    public static TermColor Default => default;
    public static TermColor Black => FromIndex(0);
    public static TermColor Red => FromIndex(1);
    public static TermColor Green => FromIndex(2);
    public static TermColor Yellow => FromIndex(3);
    public static TermColor Blue => FromIndex(4);
    public static TermColor Magenta => FromIndex(5);
    public static TermColor Cyan => FromIndex(6);
    public static TermColor White => FromIndex(7);
    public static TermColor BrightBlack => FromIndex(8);
    public static TermColor BrightRed => FromIndex(9);
    public static TermColor BrightGreen => FromIndex(10);
    public static TermColor BrightYellow => FromIndex(11);
    public static TermColor BrightBlue => FromIndex(12);
    public static TermColor BrightMagenta => FromIndex(13);
    public static TermColor BrightCyan => FromIndex(14);
    public static TermColor BrightWhite => FromIndex(15);

    public bool IsDefault => Kind == TermColorKind.Default;

    public static TermColor FromIndex(byte index) => new(TermColorKind.Indexed, index);

    public static TermColor FromRgb(byte r, byte g, byte b) => new(TermColorKind.Rgb, 0, r, g, b);
}
