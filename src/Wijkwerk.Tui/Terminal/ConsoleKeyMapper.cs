namespace Wijkwerk.Tui.Terminal;

/// <summary>Translates System.Console key events into <see cref="KeyInput"/>; kept apart from the console so it can be tested.</summary>
public static class ConsoleKeyMapper
{
    public static KeyInput? Map(ConsoleKeyInfo info)
    {
        var modifiers = MapModifiers(info.Modifiers);
        var special = MapSpecial(info.Key);
        if (special is { } key)
        {
            return new KeyInput(key, Modifiers: modifiers);
        }

        if (modifiers.HasFlag(KeyModifiers.Ctrl) && info.Key is >= ConsoleKey.A and <= ConsoleKey.Z)
        {
            return KeyInput.Ctrl((char)('a' + (info.Key - ConsoleKey.A)));
        }

        // Some Unix terminals report Ctrl+letter only as the control char (0x01–0x1A) with no modifier.
        if (info.KeyChar is >= '\x01' and <= '\x1a')
        {
            return KeyInput.Ctrl((char)('a' + info.KeyChar - 1));
        }

        if (info.KeyChar == '\0' || char.IsControl(info.KeyChar))
        {
            return null;
        }

        return new KeyInput(Key.Character, info.KeyChar, modifiers & KeyModifiers.Alt);
    }

    private static KeyModifiers MapModifiers(ConsoleModifiers modifiers)
    {
        var result = KeyModifiers.None;
        if (modifiers.HasFlag(ConsoleModifiers.Shift))
        {
            result |= KeyModifiers.Shift;
        }
        if (modifiers.HasFlag(ConsoleModifiers.Control))
        {
            result |= KeyModifiers.Ctrl;
        }
        if (modifiers.HasFlag(ConsoleModifiers.Alt))
        {
            result |= KeyModifiers.Alt;
        }
        return result;
    }

    private static Key? MapSpecial(ConsoleKey key) => key switch
    {
        ConsoleKey.Enter => Key.Enter,
        ConsoleKey.Escape => Key.Escape,
        ConsoleKey.Tab => Key.Tab,
        ConsoleKey.Backspace => Key.Backspace,
        ConsoleKey.Delete => Key.Delete,
        ConsoleKey.Insert => Key.Insert,
        ConsoleKey.UpArrow => Key.UpArrow,
        ConsoleKey.DownArrow => Key.DownArrow,
        ConsoleKey.LeftArrow => Key.LeftArrow,
        ConsoleKey.RightArrow => Key.RightArrow,
        ConsoleKey.Home => Key.Home,
        ConsoleKey.End => Key.End,
        ConsoleKey.PageUp => Key.PageUp,
        ConsoleKey.PageDown => Key.PageDown,
        >= ConsoleKey.F1 and <= ConsoleKey.F12 => Key.F1 + (key - ConsoleKey.F1),
        _ => null,
    };
}
