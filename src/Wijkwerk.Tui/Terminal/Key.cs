namespace Wijkwerk.Tui.Terminal;

/// <summary>The keys the UI distinguishes. Printable input is <see cref="Character"/> with the char in <see cref="KeyInput.Char"/>.</summary>
public enum Key
{
    None,
    Character,
    Enter,
    Escape,
    Tab,
    Backspace,
    Delete,
    Insert,
    UpArrow,
    DownArrow,
    LeftArrow,
    RightArrow,
    Home,
    End,
    PageUp,
    PageDown,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
}
