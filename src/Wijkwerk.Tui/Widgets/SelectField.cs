using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>One choice out of a few, cycled in place with ←/→ or Space; no pop-up to get lost in.</summary>
public sealed class SelectField<T> : IWidget
{
    private readonly Func<T, string> _format;
    private int _index;

    public SelectField(string label, IReadOnlyList<T> options, Func<T, string>? format = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0)
        {
            throw new ArgumentException("A select field needs at least one option.", nameof(options));
        }
        Label = label;
        Options = options;
        _format = format ?? (o => o?.ToString() ?? "");
    }

    public event Action<T>? Changed;

    public string Label { get; set; }

    public int LabelWidth { get; set; }

    public IReadOnlyList<T> Options { get; }

    public CellPosition? Cursor { get; private set; }

    public int SelectedIndex
    {
        get => _index;
        set
        {
            var index = Math.Clamp(value, 0, Options.Count - 1);
            if (index != _index)
            {
                _index = index;
                Changed?.Invoke(SelectedValue);
            }
        }
    }

    public T SelectedValue => Options[_index];

    public bool HandleKey(KeyInput key)
    {
        if (key.Key == Key.RightArrow && key.Modifiers == KeyModifiers.None || key.IsChar(' '))
        {
            SelectedIndex = (_index + 1) % Options.Count;
            return true;
        }
        if (key.Key == Key.LeftArrow && key.Modifiers == KeyModifiers.None)
        {
            SelectedIndex = (_index + Options.Count - 1) % Options.Count;
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
        var input = FieldLayout.Render(buffer, area, Label, LabelWidth, focused, null).Input;
        buffer.Put(input.X, input.Y, $"< {_format(SelectedValue)} >", focused ? WidgetStyles.Selected : WidgetStyles.Normal, input);
        if (focused)
        {
            Cursor = new CellPosition(input.X + 2, input.Y);
        }
    }
}
