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
    /// <summary>The terminal wraps a paste in <see cref="PasteStart"/> and <see cref="PasteEnd"/>, so it is read as text, not keys.</summary>
    public const string BracketedPasteOn = Csi + "?2004h";
    public const string BracketedPasteOff = Csi + "?2004l";
    public const string PasteStart = Csi + "200~";
    public const string PasteEnd = Csi + "201~";
    public const string AutoWrapOff = Csi + "?7l";
    public const string AutoWrapOn = Csi + "?7h";
    public const string ClearScreen = Csi + "2J";
    public const string CursorHome = Csi + "H";
    public const string ResetStyle = Csi + "0m";
    public const string EnterFullScreen = AlternateScreenOn + HideCursor + AutoWrapOff + BracketedPasteOn + ResetStyle + ClearScreen + CursorHome;
    public const string LeaveFullScreen = ResetStyle + BracketedPasteOff + AutoWrapOn + ShowCursor + AlternateScreenOff;

    /// <summary>Cursor position, zero-based in, one-based on the wire.</summary>
    public static string MoveTo(int x, int y) =>
        string.Create(CultureInfo.InvariantCulture, $"{Csi}{y + 1};{x + 1}H");
}
