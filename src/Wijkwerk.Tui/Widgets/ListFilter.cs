namespace Wijkwerk.Tui.Widgets;

/// <summary>The filter line over a list, as the client list and the review queue use it.</summary>
public static class ListFilter
{
    /// <summary>
    /// Esc first empties a typed filter and shows the whole list again; only with nothing typed does it go
    /// back. False when there was nothing to clear.
    /// </summary>
    public static bool Clear<T>(TextField filter, ListView<T> list)
    {
        if (filter.Text.Length == 0)
            return false;
        filter.Text = "";
        list.Filter = null;
        return true;
    }
}
