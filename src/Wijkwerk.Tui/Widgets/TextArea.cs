using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>Multi-line text (a care note): Enter starts a new line, arrows move, Tab still leaves the field.</summary>
public sealed class TextArea : IWidget
{
    private readonly List<string> _lines = [""];
    private int _line;
    private int _column;
    private int _scrollLine;
    private int _scrollColumn;

    public TextArea(string label = "", int maxLength = 4000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        Label = label;
        MaxLength = maxLength;
    }

    public event Action<string>? Changed;

    public string Label { get; set; }

    public int MaxLength { get; }

    public CellPosition? Cursor { get; private set; }

    public IReadOnlyList<string> Lines => _lines;

    public int CaretLine => _line;

    public int CaretColumn => _column;

    /// <summary>The caret as a position in <see cref="Text"/>, so it can be kept with a draft and put back.</summary>
    public int CaretIndex
    {
        get => _lines.Take(_line).Sum(l => l.Length + 1) + _column;
        set
        {
            var rest = Math.Clamp(value, 0, Length);
            _line = 0;
            while (_line < _lines.Count - 1 && rest > _lines[_line].Length)
            {
                rest -= _lines[_line].Length + 1;
                _line++;
            }
            _column = rest;
        }
    }

    /// <summary>Counts a line break as one character, like the stored text.</summary>
    public int Length => _lines.Sum(l => l.Length) + _lines.Count - 1;

    public string Text
    {
        get => string.Join('\n', _lines);
        set
        {
            var text = CellText.Normalize((value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal));
            if (text.Length > MaxLength)
            {
                text = text[..MaxLength];
            }
            _lines.Clear();
            _lines.AddRange(text.Split('\n'));
            _line = _lines.Count - 1;
            _column = _lines[_line].Length;
        }
    }

    public bool HandleKey(KeyInput key)
    {
        if (key.IsPrintable)
        {
            if (Length < MaxLength)
            {
                _lines[_line] = _lines[_line].Insert(_column, key.Char.ToString());
                _column++;
                OnChanged();
            }
            return true;
        }
        // Ctrl+U clears the whole field, as it does in a one-line field.
        if (key == KeyInput.Ctrl('u'))
        {
            if (Length > 0)
            {
                Text = "";
                OnChanged();
            }
            return true;
        }
        if (key.Modifiers != KeyModifiers.None)
        {
            return false;
        }

        switch (key.Key)
        {
            case Key.Enter:
                if (Length < MaxLength)
                {
                    var rest = _lines[_line][_column..];
                    _lines[_line] = _lines[_line][.._column];
                    _lines.Insert(_line + 1, rest);
                    _line++;
                    _column = 0;
                    OnChanged();
                }
                return true;
            case Key.Backspace:
                Backspace();
                return true;
            case Key.Delete:
                Delete();
                return true;
            case Key.LeftArrow:
                MoveLeft();
                return true;
            case Key.RightArrow:
                MoveRight();
                return true;
            case Key.UpArrow:
                MoveToLine(_line - 1);
                return true;
            case Key.DownArrow:
                MoveToLine(_line + 1);
                return true;
            case Key.Home:
                _column = 0;
                return true;
            case Key.End:
                _column = _lines[_line].Length;
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
        var textArea = area;
        if (!string.IsNullOrEmpty(Label))
        {
            buffer.PutLine(area, 0, WidgetStyles.Marker(focused) + Label, focused ? WidgetStyles.Emphasis : WidgetStyles.Normal);
            textArea = new Rect(area.X + WidgetStyles.FocusMarker.Length, area.Y + 1, Math.Max(0, area.Width - WidgetStyles.FocusMarker.Length), area.Height - 1);
        }
        if (textArea.IsEmpty)
        {
            return;
        }

        _scrollLine = Math.Clamp(_scrollLine, Math.Max(0, _line - textArea.Height + 1), _line);
        _scrollColumn = Math.Clamp(_scrollColumn, Math.Max(0, _column - textArea.Width + 1), _column);
        for (var row = 0; row < textArea.Height; row++)
        {
            var index = _scrollLine + row;
            var text = index < _lines.Count && _scrollColumn < _lines[index].Length ? _lines[index][_scrollColumn..] : "";
            buffer.PutLine(textArea, row, text, WidgetStyles.Normal);
        }
        if (focused)
        {
            Cursor = new CellPosition(textArea.X + _column - _scrollColumn, textArea.Y + _line - _scrollLine, Visible: true);
        }
    }

    private void Backspace()
    {
        if (_column > 0)
        {
            _lines[_line] = _lines[_line].Remove(_column - 1, 1);
            _column--;
        }
        else if (_line > 0)
        {
            _column = _lines[_line - 1].Length;
            _lines[_line - 1] += _lines[_line];
            _lines.RemoveAt(_line);
            _line--;
        }
        else
        {
            return;
        }
        OnChanged();
    }

    private void Delete()
    {
        if (_column < _lines[_line].Length)
        {
            _lines[_line] = _lines[_line].Remove(_column, 1);
        }
        else if (_line < _lines.Count - 1)
        {
            _lines[_line] += _lines[_line + 1];
            _lines.RemoveAt(_line + 1);
        }
        else
        {
            return;
        }
        OnChanged();
    }

    private void MoveLeft()
    {
        if (_column > 0)
        {
            _column--;
        }
        else if (_line > 0)
        {
            _line--;
            _column = _lines[_line].Length;
        }
    }

    private void MoveRight()
    {
        if (_column < _lines[_line].Length)
        {
            _column++;
        }
        else if (_line < _lines.Count - 1)
        {
            _line++;
            _column = 0;
        }
    }

    private void MoveToLine(int line)
    {
        _line = Math.Clamp(line, 0, _lines.Count - 1);
        _column = Math.Min(_column, _lines[_line].Length);
    }

    private void OnChanged() => Changed?.Invoke(Text);
}
