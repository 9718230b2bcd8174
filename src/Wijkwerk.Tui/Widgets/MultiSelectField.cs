using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>Several choices shown as "[x]"/"[ ]" rows: ↑/↓ (or j/k) move, Space toggles.</summary>
public sealed class MultiSelectField<T> : IWidget
{
    private readonly Func<T, string> _format;
    private readonly bool[] _checked;
    private int _cursor;
    private int _scroll;

    public MultiSelectField(string label, IReadOnlyList<T> options, Func<T, string>? format = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Label = label;
        Options = options;
        _checked = new bool[options.Count];
        _format = format ?? (o => o?.ToString() ?? "");
    }

    public event Action<IReadOnlyList<T>>? Changed;

    public string Label { get; set; }

    public IReadOnlyList<T> Options { get; }

    public int CursorIndex => _cursor;

    public CellPosition? Cursor { get; private set; }

    public IReadOnlyList<T> SelectedValues => Options.Where((_, i) => _checked[i]).ToList();

    public bool IsChecked(int index) => _checked[index];

    public void SetChecked(int index, bool value)
    {
        if (_checked[index] != value)
        {
            _checked[index] = value;
            Changed?.Invoke(SelectedValues);
        }
    }

    public bool HandleKey(KeyInput key)
    {
        if (Options.Count == 0)
        {
            return false;
        }
        if (key.IsChar(' '))
        {
            SetChecked(_cursor, !_checked[_cursor]);
            return true;
        }
        if (key.Key == Key.UpArrow && key.Modifiers == KeyModifiers.None || key.IsChar('k'))
        {
            _cursor = Math.Max(0, _cursor - 1);
            return true;
        }
        if (key.Key == Key.DownArrow && key.Modifiers == KeyModifiers.None || key.IsChar('j'))
        {
            _cursor = Math.Min(Options.Count - 1, _cursor + 1);
            return true;
        }
        return false;
    }

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        Cursor = null;
        if (area.IsEmpty)
        {
            return;
        }
        var rows = area;
        if (!string.IsNullOrEmpty(Label))
        {
            buffer.PutLine(area, 0, WidgetStyles.Marker(focused) + Label, focused ? WidgetStyles.Emphasis : WidgetStyles.Normal);
            rows = new Rect(area.X, area.Y + 1, area.Width, area.Height - 1);
        }
        if (rows.IsEmpty)
        {
            return;
        }

        _scroll = Math.Clamp(_scroll, Math.Max(0, _cursor - rows.Height + 1), _cursor);
        for (var row = 0; row < rows.Height; row++)
        {
            var index = _scroll + row;
            if (index >= Options.Count)
            {
                buffer.PutLine(rows, row, "", WidgetStyles.Normal);
                continue;
            }
            var current = focused && index == _cursor;
            var text = WidgetStyles.Marker(current) + (_checked[index] ? "[x] " : "[ ] ") + _format(Options[index]);
            buffer.PutLine(rows, row, text, current ? WidgetStyles.Selected : WidgetStyles.Normal);
        }
        if (focused)
        {
            Cursor = new CellPosition(rows.X + WidgetStyles.FocusMarker.Length + 1, rows.Y + _cursor - _scroll);
        }
    }
}
