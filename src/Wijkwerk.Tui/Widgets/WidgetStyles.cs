using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// Shared looks. Every state is carried by an attribute or a glyph (">", "[x]", "!"), never by colour alone,
/// so the UI reads the same under NO_COLOR and on a braille display.
/// </summary>
public static class WidgetStyles
{
    public const string FocusMarker = "> ";
    public const string NoMarker = "  ";
    public const string ErrorPrefix = "! ";

    public static CellStyle Normal => CellStyle.Default;
    public static CellStyle Selected => CellStyle.Reverse;
    public static CellStyle Input => CellStyle.Underline;
    public static CellStyle Placeholder => CellStyle.Underline.WithForeground(TermColor.BrightBlack);
    public static CellStyle Error => CellStyle.Bold.WithForeground(TermColor.Red);
    public static CellStyle Emphasis => CellStyle.Bold;
    public static CellStyle Bar => CellStyle.Reverse;

    public static string Marker(bool focused) => focused ? FocusMarker : NoMarker;
}
