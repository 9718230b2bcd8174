using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// Multi-line text (a care note): Enter starts a new line, arrows move, Tab still leaves the field. Long lines
/// wrap at words, never scroll sideways, and the last column stays free, so the cursor is always on screen;
/// up and down move by the lines as shown.
/// </summary>
public sealed class TextArea : IWidget
{
    private readonly List<string> _lines = [""];
    private int _line;
    private int _column;
    private int _scrollRow;
    // The width text wraps at, known from the last render; up and down need it between renders.
    private int _wrapWidth = int.MaxValue;

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
        if (key.IsPastedLineBreak)
            key = KeyInput.Enter;
        if (key.IsPrintable || key.IsPastedText)
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
                MoveRows(-1);
                return true;
            case Key.DownArrow:
                MoveRows(1);
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

        _wrapWidth = WrapWidth(textArea.Width);
        var rows = Rows();
        var (cursorRow, cursorColumn) = CaretRow(rows);
        _scrollRow = Math.Clamp(_scrollRow, Math.Max(0, cursorRow - textArea.Height + 1), cursorRow);
        for (var row = 0; row < textArea.Height; row++)
        {
            var index = _scrollRow + row;
            var text = index < rows.Count ? _lines[rows[index].Line].Substring(rows[index].Start, rows[index].Length) : "";
            buffer.PutLine(textArea, row, text, WidgetStyles.Normal);
        }
        if (focused)
        {
            Cursor = new CellPosition(textArea.X + cursorColumn, textArea.Y + cursorRow - _scrollRow, Visible: true);
        }
    }

    /// <summary>The rows the text takes, wrapped, in an area <paramref name="width"/> wide (label row not counted).</summary>
    public int RowsFor(int width)
    {
        var wrap = WrapWidth(width - (string.IsNullOrEmpty(Label) ? 0 : WidgetStyles.FocusMarker.Length));
        return _lines.Sum(line => Segments(line, wrap).Count());
    }

    private static int WrapWidth(int width) => Math.Max(1, width - 1);

    /// <summary>A line cut into the rows it shows on: after the last space that fits, or mid-word when a word is longer than a row.</summary>
    private static IEnumerable<(int Start, int Length)> Segments(string line, int width)
    {
        var start = 0;
        while (line.Length - start > width)
        {
            var space = line.LastIndexOf(' ', start + width - 1, width);
            var end = space >= start ? space + 1 : start + width;
            yield return (start, end - start);
            start = end;
        }
        yield return (start, line.Length - start);
    }

    private List<(int Line, int Start, int Length)> Rows()
    {
        var rows = new List<(int Line, int Start, int Length)>();
        for (var line = 0; line < _lines.Count; line++)
        {
            rows.AddRange(Segments(_lines[line], _wrapWidth).Select(s => (line, s.Start, s.Length)));
        }
        return rows;
    }

    /// <summary>The shown row of the caret and its column in that row; the caret at a wrap belongs to the next row.</summary>
    private (int Row, int Column) CaretRow(List<(int Line, int Start, int Length)> rows)
    {
        var row = rows.FindIndex(r => r.Line == _line);
        while (row + 1 < rows.Count && rows[row + 1].Line == _line && rows[row + 1].Start <= _column)
        {
            row++;
        }
        return (row, _column - rows[row].Start);
    }

    private void MoveRows(int by)
    {
        var rows = Rows();
        var (row, column) = CaretRow(rows);
        var target = Math.Clamp(row + by, 0, rows.Count - 1);
        var (line, start, length) = rows[target];
        var lastOfLine = target + 1 >= rows.Count || rows[target + 1].Line != line;
        // Inside a wrapped row the caret stays before its last character, or it would land on the next row.
        _line = line;
        _column = start + Math.Min(column, lastOfLine ? length : Math.Max(0, length - 1));
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

    private void OnChanged() => Changed?.Invoke(Text);
}
