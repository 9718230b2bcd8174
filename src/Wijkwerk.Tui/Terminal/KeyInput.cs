namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// One key press, independent of System.Console so tests and key bindings can compare presses by value.
/// Ctrl+letter is stored as <see cref="Key.Character"/> with a lower-case letter and <see cref="KeyModifiers.Ctrl"/>,
/// so <c>KeyInput.Ctrl('S') == KeyInput.Ctrl('s')</c>; printable chars never carry Shift (the char already shows it).
/// </summary>
public readonly record struct KeyInput(Key Key, char Char = '\0', KeyModifiers Modifiers = KeyModifiers.None)
{
    public static KeyInput Enter => new(Key.Enter);
    public static KeyInput Escape => new(Key.Escape);
    public static KeyInput Tab => new(Key.Tab);
    public static KeyInput ShiftTab => new(Key.Tab, Modifiers: KeyModifiers.Shift);
    public static KeyInput Backspace => new(Key.Backspace);
    public static KeyInput Delete => new(Key.Delete);
    public static KeyInput Up => new(Key.UpArrow);
    public static KeyInput Down => new(Key.DownArrow);
    public static KeyInput Left => new(Key.LeftArrow);
    public static KeyInput Right => new(Key.RightArrow);
    public static KeyInput Home => new(Key.Home);
    public static KeyInput End => new(Key.End);
    public static KeyInput PageUp => new(Key.PageUp);
    public static KeyInput PageDown => new(Key.PageDown);
    public static KeyInput Space => Character(' ');

    public static KeyInput Character(char c) => new(Key.Character, c);

    public static KeyInput Ctrl(char letter) => new(Key.Character, char.ToLowerInvariant(letter), KeyModifiers.Ctrl);

    public static KeyInput Alt(char c) => new(Key.Character, c, KeyModifiers.Alt);

    public static KeyInput Function(int number) => number is >= 1 and <= 12
        ? new(Key.F1 + (number - 1))
        : throw new ArgumentOutOfRangeException(nameof(number), number, "Function keys run from F1 to F12.");

    /// <summary>A character or line break of a bracketed paste (<see cref="KeyModifiers.Paste"/>).</summary>
    public static KeyInput Pasted(char c) => c == '\n' ? new(Key.Enter, c, KeyModifiers.Paste) : new(Key.Character, c, KeyModifiers.Paste);

    /// <summary>True for a plain typed character, which text fields insert (and commands may be bound to); not for pasted text.</summary>
    public bool IsPrintable => Key == Key.Character
        && (Modifiers & (KeyModifiers.Ctrl | KeyModifiers.Alt | KeyModifiers.Paste)) == 0
        && !char.IsControl(Char);

    public bool IsPasted => (Modifiers & KeyModifiers.Paste) != 0;

    /// <summary>A character of pasted text, which text fields insert like a typed one; nothing else takes it.</summary>
    public bool IsPastedText => Key == Key.Character && Modifiers == KeyModifiers.Paste && !char.IsControl(Char);

    /// <summary>A line break in pasted text: a line break in a multi-line field, and nothing that ends or moves anything.</summary>
    public bool IsPastedLineBreak => Key == Key.Enter && Modifiers == KeyModifiers.Paste;

    public bool IsChar(char c) => IsPrintable && Char == c;

    public override string ToString() => KeyNames.Display(this);
}
