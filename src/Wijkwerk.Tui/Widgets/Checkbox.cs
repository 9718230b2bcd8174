using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

public sealed class Checkbox : IWidget
{
    private bool _checked;

    public Checkbox(string label, bool isChecked = false)
    {
        Label = label;
        _checked = isChecked;
    }

    public event Action<bool>? Changed;

    public string Label { get; set; }

    public CellPosition? Cursor { get; private set; }

    public bool Checked
    {
        get => _checked;
        set
        {
            if (_checked != value)
            {
                _checked = value;
                Changed?.Invoke(value);
            }
        }
    }

    public bool HandleKey(KeyInput key)
    {
        if (!key.IsChar(' '))
        {
            return false;
        }
        Checked = !Checked;
        return true;
    }

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        Cursor = null;
        if (area.IsEmpty)
        {
            return;
        }
        var text = WidgetStyles.Marker(focused) + (_checked ? "[x] " : "[ ] ") + Label;
        buffer.PutLine(area, 0, text, focused ? WidgetStyles.Emphasis : WidgetStyles.Normal);
        if (focused)
        {
            Cursor = new CellPosition(area.X + WidgetStyles.FocusMarker.Length + 1, area.Y);
        }
    }
}
