using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// Every key of the current context, generated from the command table so help can never drift from behaviour.
/// Commands that are unavailable right now are listed in parentheses.
/// </summary>
public sealed class HelpOverlay : IWidget
{
    private const int MaximumWidth = 70;
    private readonly CommandTable _commands;
    private int _scroll;
    private int _pageSize = 1;

    public HelpOverlay(CommandTable commands, Lang language = Lang.Nl, string title = "Toetsen")
    {
        _commands = commands ?? throw new ArgumentNullException(nameof(commands));
        Language = language;
        Title = title;
    }

    public Lang Language { get; set; }

    public string Title { get; set; }

    public CellPosition? Cursor { get; private set; }

    public int ScrollOffset => _scroll;

    public IReadOnlyList<string> Lines()
    {
        var entries = _commands.HelpEntries(Language);
        var keyWidth = entries.Count == 0 ? 0 : entries.Max(e => e.Keys.Length);
        return entries.Select(e => e.Keys.PadRight(keyWidth) + "  " + (e.IsEnabled ? e.Label : $"({e.Label})")).ToList();
    }

    public bool HandleKey(KeyInput key)
    {
        if (key.Modifiers != KeyModifiers.None)
        {
            return false;
        }
        var lines = Lines().Count;
        switch (key.Key)
        {
            case Key.UpArrow:
            case Key.Character when key.Char == 'k':
                _scroll--;
                break;
            case Key.DownArrow:
            case Key.Character when key.Char == 'j':
                _scroll++;
                break;
            case Key.PageUp:
                _scroll -= _pageSize;
                break;
            case Key.PageDown:
                _scroll += _pageSize;
                break;
            case Key.Home:
                _scroll = 0;
                break;
            case Key.End:
                _scroll = lines;
                break;
            default:
                return false;
        }
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, lines - _pageSize));
        return true;
    }

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        Cursor = null;
        var lines = Lines();
        var width = Math.Min(MaximumWidth, Math.Max(Title.Length + 4, lines.Count == 0 ? 0 : lines.Max(l => l.Length)) + 4);
        var box = area.Center(width, lines.Count + 2);
        var inner = Box.Draw(buffer, box, Title);
        if (inner.IsEmpty)
        {
            return;
        }
        _pageSize = inner.Height;
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, lines.Count - inner.Height));
        for (var row = 0; row < inner.Height && _scroll + row < lines.Count; row++)
        {
            buffer.Put(inner.X, inner.Y + row, lines[_scroll + row], CellStyle.Default, inner);
        }
        Cursor = new CellPosition(inner.X, inner.Y);
    }
}
