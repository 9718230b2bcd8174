using System.Globalization;

namespace Wijkwerk.Tui.Terminal;

/// <summary>The VT sequences this layer emits; <see cref="FakeTerminal"/> understands exactly these.</summary>
public static class AnsiSequences
{
    public const string Esc = "\u001b";
    public const string Csi = Esc + "[";
    public const string AlternateScreenOn = Csi + "?1049h";
    public const string AlternateScreenOff = Csi + "?1049l";
    public const string HideCursor = Csi + "?25l";
    public const string ShowCursor = Csi + "?25h";
    public const string AutoWrapOff = Csi + "?7l";
    public const string AutoWrapOn = Csi + "?7h";
    public const string ClearScreen = Csi + "2J";
    public const string CursorHome = Csi + "H";
    public const string ResetStyle = Csi + "0m";
    public const string EnterFullScreen = AlternateScreenOn + HideCursor + AutoWrapOff + ResetStyle + ClearScreen + CursorHome;
    public const string LeaveFullScreen = ResetStyle + AutoWrapOn + ShowCursor + AlternateScreenOff;

    /// <summary>Cursor position, zero-based in, one-based on the wire.</summary>
    public static string MoveTo(int x, int y) =>
        string.Create(CultureInfo.InvariantCulture, $"{Csi}{y + 1};{x + 1}H");
}
