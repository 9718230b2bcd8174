using System.Text;

namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// Makes arbitrary (user) text safe for one-char-per-cell output: an ESC or newline in a client's note
/// must never reach the terminal as a control sequence, and a decomposed "é" must take one cell, not two.
/// </summary>
public static class CellText
{
    public const char Replacement = '?';

    public static string Normalize(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    public static char Sanitize(char c) => c switch
    {
        '\t' => ' ',
        _ when char.IsControl(c) || char.IsSurrogate(c) || IsZeroWidth(c) => Replacement,
        _ => c,
    };

    /// <summary>Cuts text to <paramref name="width"/> cells, ending in "…" when something was cut.</summary>
    public static string Truncate(string text, int width)
    {
        if (width <= 0)
        {
            return "";
        }
        return text.Length <= width ? text : text[..(width - 1)] + "…";
    }

    /// <summary>Cuts text to <paramref name="width"/> cells after its last whole word, ending in "…" when something was cut.</summary>
    public static string TruncateWords(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }
        var space = width < 2 ? -1 : text.LastIndexOf(' ', width - 1);
        return space > 0 ? text[..space].TrimEnd(' ', '·', ',') + "…" : Truncate(text, width);
    }

    /// <summary>Greedy word wrap to <paramref name="width"/> cells; words longer than a line are split.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        if (width <= 0)
        {
            return lines;
        }
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var rest = word;
                while (rest.Length > 0)
                {
                    var needed = line.Length == 0 ? rest.Length : line.Length + 1 + rest.Length;
                    if (needed <= width)
                    {
                        if (line.Length > 0)
                        {
                            line.Append(' ');
                        }
                        line.Append(rest);
                        rest = "";
                    }
                    else if (line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }
                    else
                    {
                        lines.Add(rest[..width]);
                        rest = rest[width..];
                    }
                }
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    private static bool IsZeroWidth(char c) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or
            System.Globalization.UnicodeCategory.EnclosingMark or
            System.Globalization.UnicodeCategory.Format;
}
