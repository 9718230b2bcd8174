using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// The focusable widgets of a screen, in Tab order, with exactly one focused.
/// Keys go to the focused widget first; Tab and Shift+Tab move focus when the widget did not use them.
/// </summary>
public sealed class FocusRing
{
    private readonly List<IWidget> _widgets = [];
    private int _index = -1;

    public FocusRing(params IWidget[] widgets)
    {
        foreach (var widget in widgets)
        {
            Add(widget);
        }
    }

    public event Action<IWidget>? FocusChanged;

    public IReadOnlyList<IWidget> Widgets => _widgets;

    public IWidget? Focused => _index < 0 ? null : _widgets[_index];

    /// <summary>The focused widget's cursor, for <see cref="IScreen.Cursor"/>.</summary>
    public CellPosition? Cursor => Focused?.Cursor;

    public void Add(IWidget widget)
    {
        ArgumentNullException.ThrowIfNull(widget);
        if (!widget.CanFocus)
        {
            throw new ArgumentException($"{widget.GetType().Name} cannot take focus.", nameof(widget));
        }
        _widgets.Add(widget);
        if (_index < 0)
        {
            _index = 0;
        }
    }

    public bool IsFocused(IWidget widget) => ReferenceEquals(Focused, widget);

    public void Focus(IWidget widget)
    {
        var index = _widgets.IndexOf(widget);
        if (index < 0)
        {
            throw new ArgumentException("The widget is not in this focus ring.", nameof(widget));
        }
        SetIndex(index);
    }

    public void FocusNext()
    {
        if (_widgets.Count > 0)
        {
            SetIndex((_index + 1) % _widgets.Count);
        }
    }

    public void FocusPrevious()
    {
        if (_widgets.Count > 0)
        {
            SetIndex((_index - 1 + _widgets.Count) % _widgets.Count);
        }
    }

    public bool HandleKey(KeyInput key)
    {
        if (Focused?.HandleKey(key) == true)
        {
            return true;
        }
        if (key == KeyInput.Tab)
        {
            FocusNext();
            return true;
        }
        if (key == KeyInput.ShiftTab)
        {
            FocusPrevious();
            return true;
        }
        return false;
    }

    /// <summary>Renders a widget with its focus state taken from this ring.</summary>
    public void Render(IWidget widget, ScreenBuffer buffer, Rect area) => widget.Render(buffer, area, IsFocused(widget));

    private void SetIndex(int index)
    {
        if (index == _index)
        {
            return;
        }
        _index = index;
        FocusChanged?.Invoke(_widgets[index]);
    }
}
