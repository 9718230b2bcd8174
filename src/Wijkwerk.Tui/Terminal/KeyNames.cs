namespace Wijkwerk.Tui.Terminal;

/// <summary>Short, stable key names for status-bar hints and the help overlay.</summary>
public static class KeyNames
{
    public static string Display(KeyInput key)
    {
        var name = key.Key switch
        {
            Key.Character when key.Char == ' ' => "Space",
            Key.Character when (key.Modifiers & (KeyModifiers.Ctrl | KeyModifiers.Alt)) != 0 => char.ToUpperInvariant(key.Char).ToString(),
            Key.Character => key.Char.ToString(),
            Key.Enter => "Enter",
            Key.Escape => "Esc",
            Key.Tab => "Tab",
            Key.Backspace => "Backspace",
            Key.Delete => "Del",
            Key.Insert => "Ins",
            Key.UpArrow => "↑",
            Key.DownArrow => "↓",
            Key.LeftArrow => "←",
            Key.RightArrow => "→",
            Key.Home => "Home",
            Key.End => "End",
            Key.PageUp => "PgUp",
            Key.PageDown => "PgDn",
            >= Key.F1 and <= Key.F12 => "F" + (key.Key - Key.F1 + 1),
            _ => "?",
        };
        return Prefix(key.Modifiers) + name;
    }

    /// <summary>Alternatives joined the way hint bars show them, e.g. "↑/k".</summary>
    public static string Display(IEnumerable<KeyInput> keys) => string.Join("/", keys.Select(Display));

    private static string Prefix(KeyModifiers modifiers)
    {
        var prefix = "";
        if (modifiers.HasFlag(KeyModifiers.Ctrl))
        {
            prefix += "Ctrl+";
        }
        if (modifiers.HasFlag(KeyModifiers.Alt))
        {
            prefix += "Alt+";
        }
        if (modifiers.HasFlag(KeyModifiers.Shift))
        {
            prefix += "Shift+";
        }
        return prefix;
    }
}
