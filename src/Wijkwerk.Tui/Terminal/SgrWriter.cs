using System.Globalization;
using System.Text;

namespace Wijkwerk.Tui.Terminal;

/// <summary>Writes a style as one absolute SGR sequence (starting with reset), so the result never depends on earlier state.</summary>
public static class SgrWriter
{
    public static void Append(StringBuilder output, CellStyle style, ColorMode mode)
    {
        output.Append(AnsiSequences.Csi).Append('0');
        if (style.IsBold)
        {
            output.Append(";1");
        }
        if (style.IsUnderline)
        {
            output.Append(";4");
        }
        if (style.IsReverse)
        {
            output.Append(";7");
        }
        if (mode == ColorMode.Colour)
        {
            AppendColor(output, style.Foreground, foreground: true);
            AppendColor(output, style.Background, foreground: false);
        }
        output.Append('m');
    }

    private static void AppendColor(StringBuilder output, TermColor color, bool foreground)
    {
        switch (color.Kind)
        {
            case TermColorKind.Indexed when color.Index < 8:
                output.Append(';').Append((foreground ? 30 : 40) + color.Index);
                break;
            case TermColorKind.Indexed when color.Index < 16:
                output.Append(';').Append((foreground ? 90 : 100) + color.Index - 8);
                break;
            case TermColorKind.Indexed:
                output.Append(foreground ? ";38;5;" : ";48;5;").Append(color.Index);
                break;
            case TermColorKind.Rgb:
                output.Append(CultureInfo.InvariantCulture, $"{(foreground ? ";38;2;" : ";48;2;")}{color.R};{color.G};{color.B}");
                break;
            default:
                break;
        }
    }
}
