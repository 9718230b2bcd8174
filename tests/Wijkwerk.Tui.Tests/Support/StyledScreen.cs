using System.Text;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// A terminal's screen as readable text with its looks: the text grid, then a grid of one letter per cell
/// naming its colour and attributes ('.' for the terminal's default look), the legend of those letters, and
/// where the cursor is. A change of colour, reverse video or bold then shows in a snapshot's diff like a
/// change of text (Terminal.Gui's attribute-map idea).
/// </summary>
public static class StyledScreen
{
    public const string StylesHeader = "--- styles";

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Render(FakeTerminal terminal)
    {
        var letters = new Dictionary<CellStyle, char> { [CellStyle.Default] = '.' };
        var map = new StringBuilder();
        for (var y = 0; y < terminal.Height; y++)
        {
            var row = new StringBuilder(terminal.Width);
            for (var x = 0; x < terminal.Width; x++)
            {
                var style = terminal[x, y].Style;
                if (!letters.TryGetValue(style, out var letter))
                {
                    letter = Letters[letters.Count - 1];
                    letters[style] = letter;
                }

                row.Append(letter);
            }

            map.Append(row.ToString().TrimEnd('.')).Append('\n');
        }

        var text = new StringBuilder(terminal.ScreenText()).Append('\n');
        text.Append(StylesHeader).Append(" ('.' is the terminal's default look)\n").Append(map);
        foreach (var (style, letter) in letters.Where(l => l.Value != '.').OrderBy(l => Letters.IndexOf(l.Value, StringComparison.Ordinal)))
            text.Append(letter).Append(' ').Append(Describe(style)).Append('\n');
        text.Append(terminal.CursorVisible ? $"--- cursor {terminal.CursorX},{terminal.CursorY}\n" : "--- cursor hidden\n");
        return text.ToString();
    }

    /// <summary>The text grid of a styled snapshot file, without its looks.</summary>
    public static string[] TextRows(string snapshot)
    {
        var end = snapshot.IndexOf("\n" + StylesHeader, StringComparison.Ordinal);
        return (end < 0 ? snapshot : snapshot[..end]).Split('\n');
    }

    private static string Describe(CellStyle style)
    {
        var parts = new List<string>();
        foreach (var attribute in new[] { TextAttributes.Bold, TextAttributes.Underline, TextAttributes.Reverse })
        {
            if (style.Attributes.HasFlag(attribute))
                parts.Add(attribute.ToString().ToLowerInvariant());
        }

        if (!style.Foreground.IsDefault)
            parts.Add("fg=" + Describe(style.Foreground));
        if (!style.Background.IsDefault)
            parts.Add("bg=" + Describe(style.Background));
        return string.Join(' ', parts);
    }

    private static string Describe(TermColor color) => color.Kind == TermColorKind.Rgb ? $"#{color.R:x2}{color.G:x2}{color.B:x2}" : color.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
