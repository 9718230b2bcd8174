using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A list with a filter line over it, and one rule for where keys go, so every list screen behaves alike.
/// The list has the focus when the screen opens: letters are commands there, not search text. Only after
/// <see cref="FocusFilter"/> (the screen binds it to "/") does typing filter; <see cref="LeaveFilter"/>
/// (Enter) goes back to the list with the filter kept, <see cref="CancelFilter"/> (Esc) goes back with it
/// cleared. The arrows move through the list from either place.
/// </summary>
public sealed class FilteredList<T>
{
    private readonly Func<string, Func<T, bool>?> _matching;

    /// <param name="matching">The predicate for a typed query; null shows everything.</param>
    public FilteredList(ListView<T> list, TextField filter, Func<string, Func<T, bool>?> matching)
    {
        List = list ?? throw new ArgumentNullException(nameof(list));
        Filter = filter ?? throw new ArgumentNullException(nameof(filter));
        _matching = matching ?? throw new ArgumentNullException(nameof(matching));
        Filter.Changed += _ => Reapply();
    }

    public ListView<T> List { get; }

    public TextField Filter { get; }

    public bool FilterFocused { get; private set; }

    public CellPosition? Cursor => FilterFocused ? Filter.Cursor : List.Cursor;

    public void FocusFilter() => FilterFocused = true;

    public void LeaveFilter() => FilterFocused = false;

    public void CancelFilter()
    {
        ClearFilter();
        FilterFocused = false;
    }

    /// <summary>Empties a typed filter so the whole list shows again; false when there was nothing to clear.</summary>
    public bool ClearFilter()
    {
        if (Filter.Text.Length == 0)
            return false;
        Filter.Text = "";
        Reapply();
        return true;
    }

    /// <summary>Filters again with the typed query, e.g. after the items were reloaded.</summary>
    public void Reapply() => List.Filter = Filter.Text.Trim().Length == 0 ? null : _matching(Filter.Text);

    /// <summary>
    /// Typing while the filter has the focus; movement keys on the list. Enter, Tab and Esc are left to the
    /// screen's command table, which holds what they do in each place (and the help overlay reads it).
    /// </summary>
    public bool HandleKey(KeyInput key)
    {
        if (key == KeyInput.Enter || key == KeyInput.Escape || key == KeyInput.Tab)
            return false;
        if (!FilterFocused || key.Key is Key.UpArrow or Key.DownArrow or Key.PageUp or Key.PageDown)
            return List.HandleKey(key);
        return Filter.HandleKey(key);
    }

    public void RenderFilter(ScreenBuffer buffer, Rect area) => Filter.Render(buffer, area, FilterFocused);

    public void RenderList(ScreenBuffer buffer, Rect area) => List.Render(buffer, area, focused: !FilterFocused);
}
