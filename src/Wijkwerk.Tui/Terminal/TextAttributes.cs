namespace Wijkwerk.Tui.Terminal;

/// <summary>The attributes kept under NO_COLOR: meaning must never depend on colour alone.</summary>
[Flags]
public enum TextAttributes : byte
{
    None = 0,
    Bold = 1,
    Underline = 2,
    Reverse = 4,
}
