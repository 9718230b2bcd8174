using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// The shared shape of a form field: focus marker and label on the left, the input after it,
/// and the error message on the next row, or to the right of the input when there is only one row. There it
/// takes only the room the value does not need (ending in "…"; the form lists the whole message), so it never
/// covers what was typed or chosen.
/// </summary>
internal readonly record struct FieldLayout(Rect Input, Rect Error)
{
    private const int MinimumInputWidth = 10;

    /// <param name="valueWidth">The cells the value takes now, e.g. a choice's "&lt; 01 Hulp bij het huishouden &gt;".</param>
    public static FieldLayout Render(ScreenBuffer buffer, Rect area, string label, int labelWidth, bool focused, string? error, int valueWidth = 0)
    {
        var labelCells = LabelCells(label, labelWidth, area.Width);
        var row = area.Row(0);
        buffer.Fill(row, ' ', WidgetStyles.Normal);
        if (labelCells > 0)
        {
            buffer.Put(row.X, row.Y, WidgetStyles.Marker(focused) + label, focused ? WidgetStyles.Emphasis : WidgetStyles.Normal, row with { Width = labelCells });
        }

        var input = new Rect(row.X + labelCells, row.Y, row.Width - labelCells, 1);
        var errorArea = new Rect(input.X, row.Y + 1, input.Width, area.Height >= 2 ? 1 : 0);
        if (area.Height >= 2)
        {
            buffer.Fill(errorArea, ' ', WidgetStyles.Normal);
        }
        else if (error is not null)
        {
            var errorWidth = Math.Min(WidgetStyles.ErrorPrefix.Length + error.Length + 1, Math.Max(0, input.Width - Math.Max(MinimumInputWidth, valueWidth + 1)));
            input = input with { Width = input.Width - errorWidth };
            errorArea = new Rect(input.Right + 1, row.Y, Math.Max(0, errorWidth - 1), 1);
        }

        if (error is not null)
        {
            buffer.Put(errorArea.X, errorArea.Y, CellText.Truncate(WidgetStyles.ErrorPrefix + error, errorArea.Width), WidgetStyles.Error, errorArea);
        }
        return new FieldLayout(input, errorArea);
    }

    /// <summary>Where the input starts: the cells of the focus marker and the label, within the width.</summary>
    public static int LabelCells(string label, int labelWidth, int width) =>
        Math.Min(string.IsNullOrEmpty(label) ? 0 : WidgetStyles.FocusMarker.Length + Math.Max(labelWidth, label.Length + 1), width);
}
