using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>Enter or Space presses. Focus shows as reverse video and "&gt; label &lt;" instead of "[ label ]".</summary>
public sealed class Button : IWidget
{
    public Button(string label)
    {
        Label = label;
    }

    public event Action? Pressed;

    public string Label { get; set; }

    public CellPosition? Cursor { get; private set; }

    /// <summary>Cells the button takes, for laying out button rows.</summary>
    public int Width => Label.Length + 4;

    public string Text(bool focused) => focused ? $"> {Label} <" : $"[ {Label} ]";

    public bool HandleKey(KeyInput key)
    {
        if (key.Key == Key.Enter && key.Modifiers == KeyModifiers.None || key.IsChar(' '))
        {
            Pressed?.Invoke();
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
        buffer.Put(area.X, area.Y, Text(focused), focused ? WidgetStyles.Selected.With(TextAttributes.Bold) : WidgetStyles.Normal, area);
        if (focused)
        {
            Cursor = new CellPosition(area.X + 2, area.Y);
        }
    }
}
