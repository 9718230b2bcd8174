namespace Wijkwerk.Tui.Terminal;

[Flags]
public enum KeyModifiers
{
    None = 0,
    Shift = 1,
    Ctrl = 2,
    Alt = 4,

    /// <summary>
    /// Part of a bracketed paste, not a key press: text for the focused field. No command is bound to it, and
    /// it is not <see cref="KeyInput.IsPrintable"/>, so a pasted "q" or line break never acts as a key.
    /// </summary>
    Paste = 8,
}
