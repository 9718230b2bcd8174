using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// One choice out of a few, cycled in place with ←/→ or Space; no pop-up to get lost in. A list with
/// codes (iWmo) also jumps by typing the code: "01", or just "1" when no longer code starts with it.
/// </summary>
public sealed class SelectField<T> : IWidget
{
    private readonly Func<T, string> _format;
    private int _index;
    private string _typed = "";

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

    /// <summary>The code each option is chosen by when typed; null for a list without codes.</summary>
    public Func<T, string>? Code { get; set; }

    /// <summary>A problem with the chosen value, shown beside it; null when there is none.</summary>
    public Func<string?>? Error { get; set; }

    public bool HandleKey(KeyInput key)
    {
        if (Code is not null && key.IsPrintable && !key.IsChar(' '))
        {
            // Every typed character is the list's, so a stray letter never reaches a screen command.
            TypeCode(key.Char);
            return true;
        }
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
        var value = $"< {_format(SelectedValue)} >";
        var input = FieldLayout.Render(buffer, area, Label, LabelWidth, focused, Error?.Invoke(), value.Length).Input;
        buffer.Put(input.X, input.Y, value, focused ? WidgetStyles.Selected : WidgetStyles.Normal, input);
        if (focused)
        {
            Cursor = new CellPosition(input.X + 2, input.Y);
        }
    }

    private void TypeCode(char c)
    {
        var typed = _typed + c;
        var match = Matches(typed).FirstOrDefault(-1);
        if (match < 0)
        {
            typed = c.ToString();
            match = Matches(typed).FirstOrDefault(-1);
        }

        if (match < 0)
        {
            _typed = "";
            return;
        }

        SelectedIndex = match;
        // A code typed in full starts the next one afresh: "1" waits for a second digit only while "10".."18" exist.
        _typed = Matches(typed).Skip(1).Any() ? typed : "";
    }

    private IEnumerable<int> Matches(string typed) =>
        Enumerable.Range(0, Options.Count).Where(i =>
        {
            var code = Code!(Options[i]);
            return code.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || code.TrimStart('0').StartsWith(typed, StringComparison.OrdinalIgnoreCase);
        });
}
