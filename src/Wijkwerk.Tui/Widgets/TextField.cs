using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A single-line input that validates as you type. Every printable key is consumed, even when rejected,
/// so typing "q" into a full field never reaches the quit command.
/// </summary>
public sealed class TextField : IWidget
{
    private string _text = "";
    private int _caret;
    private int _scroll;
    private bool _touched;

    public TextField(string label = "", int maxLength = 200, Func<string, string?>? validator = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        Label = label;
        MaxLength = maxLength;
        Validator = validator;
    }

    public event Action<string>? Changed;

    public string Label { get; set; }

    /// <summary>Cells reserved for the label, so the inputs of a form line up; 0 means just the label's length.</summary>
    public int LabelWidth { get; set; }

    public int MaxLength { get; }

    /// <summary>Returns an error message for invalid text, or null when the text is fine.</summary>
    public Func<string, string?>? Validator { get; set; }

    /// <summary>Restricts typed characters (e.g. digits and '-' for a date); null allows every printable char.</summary>
    public Func<char, bool>? AllowedChar { get; set; }

    /// <summary>When set, every typed character is drawn as this one (passphrases).</summary>
    public char? Mask { get; set; }

    /// <summary>Shown in the empty field when it is not focused, e.g. "dd-mm-jjjj".</summary>
    public string Placeholder { get; set; } = "";

    public CellPosition? Cursor { get; private set; }

    public int CaretIndex
    {
        get => _caret;
        set => _caret = Math.Clamp(value, 0, _text.Length);
    }

    /// <summary>The validation message, shown once the field was edited or <see cref="Validate"/> was called.</summary>
    public string? Error => _touched ? Validator?.Invoke(_text) : null;

    public bool IsValid => Validator?.Invoke(_text) is null;

    public string Text
    {
        get => _text;
        set
        {
            var text = CellText.Normalize(value ?? "");
            _text = text.Length > MaxLength ? text[..MaxLength] : text;
            _caret = _text.Length;
        }
    }

    /// <summary>Shows the error even for an untouched field (e.g. on save). Returns true when valid.</summary>
    public bool Validate()
    {
        _touched = true;
        return IsValid;
    }

    public bool HandleKey(KeyInput key)
    {
        // A line break in pasted text ends nothing here: one line holds it as a space.
        if (key.IsPastedLineBreak)
            key = KeyInput.Pasted(' ');
        if (key.IsPrintable || key.IsPastedText)
        {
            if (_text.Length < MaxLength && (AllowedChar?.Invoke(key.Char) ?? true))
            {
                Edit(_text.Insert(_caret, key.Char.ToString()), _caret + 1);
            }
            return true;
        }

        switch (key.Key)
        {
            case Key.Backspace when key.Modifiers == KeyModifiers.None:
                if (_caret > 0)
                {
                    Edit(_text.Remove(_caret - 1, 1), _caret - 1);
                }
                return true;
            case Key.Delete when key.Modifiers == KeyModifiers.None:
                if (_caret < _text.Length)
                {
                    Edit(_text.Remove(_caret, 1), _caret);
                }
                return true;
            case Key.LeftArrow when key.Modifiers == KeyModifiers.None:
                CaretIndex = _caret - 1;
                return true;
            case Key.RightArrow when key.Modifiers == KeyModifiers.None:
                CaretIndex = _caret + 1;
                return true;
            case Key.Home when key.Modifiers == KeyModifiers.None:
                _caret = 0;
                return true;
            case Key.End when key.Modifiers == KeyModifiers.None:
                _caret = _text.Length;
                return true;
            // Ctrl+U clears the line, as in a shell.
            case Key.Character when key == KeyInput.Ctrl('u'):
                if (_text.Length > 0)
                {
                    Edit("", 0);
                }
                return true;
            default:
                return false;
        }
    }

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        Cursor = null;
        if (area.IsEmpty)
        {
            return;
        }
        var layout = FieldLayout.Render(buffer, area, Label, LabelWidth, focused, Error);
        var input = layout.Input;
        if (input.IsEmpty)
        {
            return;
        }

        buffer.Fill(input, ' ', WidgetStyles.Input);
        if (_text.Length == 0 && !focused && Placeholder.Length > 0)
        {
            buffer.Put(input.X, input.Y, Placeholder, WidgetStyles.Placeholder, input);
            return;
        }

        // Scroll horizontally just enough to keep the caret (which may sit after the last char) visible.
        if (_caret < _scroll)
        {
            _scroll = _caret;
        }
        else if (_caret >= _scroll + input.Width)
        {
            _scroll = _caret - input.Width + 1;
        }
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, _text.Length - input.Width + 1));

        var shown = Mask is { } mask ? new string(mask, _text.Length) : _text;
        buffer.Put(input.X, input.Y, shown[Math.Min(_scroll, shown.Length)..], WidgetStyles.Input, input);
        if (focused)
        {
            Cursor = new CellPosition(input.X + _caret - _scroll, input.Y, Visible: true);
        }
    }

    private void Edit(string text, int caret)
    {
        _text = text;
        _caret = caret;
        _touched = true;
        Changed?.Invoke(_text);
    }
}
