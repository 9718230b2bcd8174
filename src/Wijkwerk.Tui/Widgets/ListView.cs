using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A scrolling list that formats only the rows on screen, so a caseload of thousands stays cheap to draw.
/// The selected row has both reverse video and a "&gt;" marker, so selection never depends on colour.
/// A row longer than the line ends in "…" (or wraps onto <see cref="MaxLinesPerItem"/> lines), and the last
/// column stays empty, so no word ever runs into the screen's edge.
/// </summary>
public sealed class ListView<T> : IWidget
{
    private readonly Func<T, int, string> _format;
    private IReadOnlyList<T> _items = [];
    private IReadOnlyList<T> _visible = [];
    private Func<T, bool>? _filter;
    private int _cursor;
    private int _scroll;
    private int _pageSize = 1;

    public ListView(Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        _format = (item, _) => format(item);
    }

    /// <param name="format">The row of an item for a line of the given width, e.g. <see cref="TableColumns.Row"/>.</param>
    public ListView(Func<T, int, string> format)
    {
        _format = format ?? throw new ArgumentNullException(nameof(format));
    }

    /// <summary>Raised on Enter with the selected item.</summary>
    public event Action<T>? Activated;

    public event Action<T?>? SelectionChanged;

    /// <summary>A row's style when not selected, e.g. bold for an overdue signal (always paired with a marker in the text).</summary>
    public Func<T, CellStyle>? RowStyle { get; set; }

    /// <summary>Shown when there is nothing to list, e.g. "Geen cliënten gevonden".</summary>
    public string EmptyText { get; set; } = "";

    public CellPosition? Cursor { get; private set; }

    /// <summary>More than 1 wraps a long row onto that many lines (the last ending in "…" if still too long) instead of cutting it.</summary>
    public int MaxLinesPerItem { get; set; } = 1;

    /// <summary>Where wrapped lines of a row start, in cells after the marker, e.g. under the text after a date column.</summary>
    public int ContinuationIndent { get; set; }

    /// <summary>The cells a row's text has in a list <paramref name="areaWidth"/> wide: after the marker, before the empty last column.</summary>
    public static int TextWidth(int areaWidth) => Math.Max(0, areaWidth - WidgetStyles.FocusMarker.Length - 1);

    public IReadOnlyList<T> Items => _items;

    /// <summary>The items that pass the filter, in order.</summary>
    public IReadOnlyList<T> VisibleItems => _visible;

    /// <summary>Index of the selected item in <see cref="VisibleItems"/>, or -1 when the list is empty.</summary>
    public int SelectedIndex => _visible.Count == 0 ? -1 : _cursor;

    public T? SelectedItem => _visible.Count == 0 ? default : _visible[_cursor];

    /// <summary>The incremental filter, set by the screen as the user types; the selection stays on the same item when it still matches.</summary>
    public Func<T, bool>? Filter
    {
        get => _filter;
        set
        {
            _filter = value;
            Refresh();
        }
    }

    public void SetItems(IReadOnlyList<T> items)
    {
        _items = items ?? throw new ArgumentNullException(nameof(items));
        Refresh();
    }

    /// <summary>Re-applies the filter, e.g. after the items changed in place.</summary>
    public void Refresh()
    {
        var selected = SelectedItem;
        var hadSelection = _visible.Count > 0;
        _visible = _filter is null ? _items : _items.Where(_filter).ToList();

        var index = -1;
        if (hadSelection)
        {
            for (var i = 0; i < _visible.Count; i++)
            {
                if (EqualityComparer<T>.Default.Equals(_visible[i], selected))
                {
                    index = i;
                    break;
                }
            }
        }
        _cursor = _visible.Count == 0 ? 0 : Math.Max(0, index);
        if (hadSelection != _visible.Count > 0 || index < 0)
        {
            SelectionChanged?.Invoke(SelectedItem);
        }
    }

    public void Select(int index)
    {
        var previous = _cursor;
        _cursor = _visible.Count == 0 ? 0 : Math.Clamp(index, 0, _visible.Count - 1);
        if (previous != _cursor)
        {
            SelectionChanged?.Invoke(SelectedItem);
        }
    }

    public bool HandleKey(KeyInput key)
    {
        if (key.Modifiers != KeyModifiers.None)
        {
            return false;
        }
        switch (key.Key)
        {
            case Key.UpArrow:
                Select(_cursor - 1);
                return true;
            case Key.DownArrow:
                Select(_cursor + 1);
                return true;
            case Key.Character when key.Char == 'k':
                Select(_cursor - 1);
                return true;
            case Key.Character when key.Char == 'j':
                Select(_cursor + 1);
                return true;
            case Key.PageUp:
                Select(_cursor - _pageSize);
                return true;
            case Key.PageDown:
                Select(_cursor + _pageSize);
                return true;
            case Key.Home:
                Select(0);
                return true;
            case Key.End:
                Select(_visible.Count - 1);
                return true;
            case Key.Enter when _visible.Count > 0:
                Activated?.Invoke(_visible[_cursor]);
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
        _pageSize = Math.Max(1, area.Height);
        buffer.Fill(area, ' ', WidgetStyles.Normal);
        if (_visible.Count == 0)
        {
            buffer.PutLine(area, 0, WidgetStyles.NoMarker + EmptyText, WidgetStyles.Normal);
            Cursor = focused ? new CellPosition(area.X, area.Y) : null;
            return;
        }

        var width = TextWidth(area.Width);
        var cache = new Dictionary<int, IReadOnlyList<string>>();
        IReadOnlyList<string> Lines(int index)
        {
            if (!cache.TryGetValue(index, out var lines))
                cache[index] = lines = Fit(_format(_visible[index], width), width);
            return lines;
        }

        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, _visible.Count - area.Height));
        if (_cursor < _scroll)
        {
            _scroll = _cursor;
        }
        else if (_cursor >= _scroll + area.Height)
        {
            _scroll = _cursor - area.Height + 1;
        }
        // A row can take more than one line: scroll on until the selected row fits whole.
        while (_scroll < _cursor && Enumerable.Range(_scroll, _cursor - _scroll + 1).Sum(i => Lines(i).Count) > area.Height)
        {
            _scroll++;
        }

        var row = 0;
        var cursorRow = 0;
        for (var index = _scroll; row < area.Height && index < _visible.Count; index++)
        {
            var selected = index == _cursor;
            var style = selected ? WidgetStyles.Selected : RowStyle?.Invoke(_visible[index]) ?? WidgetStyles.Normal;
            if (selected)
            {
                cursorRow = row;
            }
            var lines = Lines(index);
            for (var line = 0; line < lines.Count && row < area.Height; line++, row++)
            {
                var marker = line > 0 ? WidgetStyles.NoMarker : selected ? WidgetStyles.FocusMarker : WidgetStyles.NoMarker;
                buffer.PutLine(area, row, marker + lines[line], style);
            }
        }
        if (focused)
        {
            Cursor = new CellPosition(area.X, area.Y + cursorRow);
        }
    }

    private IReadOnlyList<string> Fit(string text, int width)
    {
        var rest = text.ReplaceLineEndings(" ");
        var indent = new string(' ', Math.Clamp(ContinuationIndent, 0, width / 2));
        var lines = new List<string>();
        var lineWidth = width;
        while (true)
        {
            var prefix = lines.Count == 0 ? "" : indent;
            if (rest.Length <= lineWidth || lines.Count >= MaxLinesPerItem - 1)
            {
                lines.Add(prefix + CellText.Truncate(rest, lineWidth));
                return lines;
            }
            // Break after the last space that fits; a word longer than the line is split.
            var at = rest.LastIndexOf(' ', lineWidth);
            at = at <= 0 ? lineWidth : at;
            lines.Add(prefix + rest[..at].TrimEnd());
            rest = rest[at..].TrimStart();
            lineWidth = width - indent.Length;
        }
    }
}
