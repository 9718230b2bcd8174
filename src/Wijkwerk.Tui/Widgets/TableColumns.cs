using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A column of a list: its heading, the fewest cells it needs, its share of the room left over (0: it never
/// grows), the most it takes, and how long it stays when the line is too short for every column (lower goes first).
/// </summary>
public sealed record TableColumn(string Heading, int MinWidth, int Weight = 0, int MaxWidth = int.MaxValue, int Keep = 1, bool AlignRight = false);

/// <summary>
/// Columns that share the width of a list: each gets its minimum, the room left is shared by weight (so a wide
/// terminal gives the client's name more room), and a cell that does not fit ends in "…", never cut mid-word
/// without it. When even the minimums do not fit, the columns kept least are left out whole.
/// </summary>
public sealed class TableColumns
{
    private const string Gap = " ";
    private readonly IReadOnlyList<TableColumn> _columns;
    private int _width = -1;
    private int[] _widths = [];

    public TableColumns(IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
    }

    /// <summary>The cells each column gets in a line of <paramref name="width"/>; 0 for a column left out.</summary>
    public IReadOnlyList<int> Widths(int width)
    {
        if (width != _width)
            (_widths, _width) = (Distribute(width), width);
        return _widths;
    }

    public string Heading(int width) => Row(width, _columns.Select(c => c.Heading).ToList());

    public string Row(int width, IReadOnlyList<string> cells)
    {
        var widths = Widths(width);
        var parts = new List<string>(_columns.Count);
        for (var i = 0; i < _columns.Count; i++)
        {
            if (widths[i] == 0)
                continue;
            var text = CellText.Truncate(i < cells.Count ? cells[i].ReplaceLineEndings(" ") : "", widths[i]);
            parts.Add(_columns[i].AlignRight ? text.PadLeft(widths[i]) : text.PadRight(widths[i]));
        }

        return string.Join(Gap, parts).TrimEnd();
    }

    private int[] Distribute(int width)
    {
        var widths = _columns.Select(c => c.MinWidth).ToArray();
        var shown = Enumerable.Range(0, _columns.Count).ToList();
        // Least kept first, and of equal keep the rightmost first.
        foreach (var drop in shown.OrderBy(i => _columns[i].Keep).ThenByDescending(i => i).ToList())
        {
            if (Needed(shown, widths) <= width || shown.Count == 1)
                break;
            shown.Remove(drop);
            widths[drop] = 0;
        }

        var room = width - Needed(shown, widths);
        while (room > 0)
        {
            var growing = shown.Where(i => _columns[i].Weight > 0 && widths[i] < _columns[i].MaxWidth).ToList();
            if (growing.Count == 0)
                break;
            var weights = growing.Sum(i => _columns[i].Weight);
            var given = 0;
            foreach (var i in growing)
            {
                var share = Math.Min(Math.Max(1, room * _columns[i].Weight / weights), Math.Min(room - given, _columns[i].MaxWidth - widths[i]));
                widths[i] += share;
                given += share;
                if (given == room)
                    break;
            }

            room -= given;
        }

        // A single column narrower than its minimum still shows what fits.
        if (shown.Count == 1)
            widths[shown[0]] = Math.Min(widths[shown[0]], Math.Max(0, width));
        return widths;
    }

    private static int Needed(List<int> shown, int[] widths) => shown.Sum(i => widths[i]) + Math.Max(0, shown.Count - 1) * Gap.Length;
}
