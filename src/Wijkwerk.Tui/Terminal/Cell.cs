namespace Wijkwerk.Tui.Terminal;

/// <summary>One character cell. Only single-width chars are supported: the UI avoids emoji and East-Asian text.</summary>
public readonly record struct Cell(char Char, CellStyle Style)
{
    public static Cell Blank => new(' ', CellStyle.Default);
}
