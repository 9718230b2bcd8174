namespace Wijkwerk.Tui.Terminal;

public readonly record struct CellStyle(TermColor Foreground, TermColor Background, TextAttributes Attributes)
{
    public static CellStyle Default => default;
    public static CellStyle Bold => new(default, default, TextAttributes.Bold);
    public static CellStyle Underline => new(default, default, TextAttributes.Underline);
    public static CellStyle Reverse => new(default, default, TextAttributes.Reverse);

    public bool IsBold => Attributes.HasFlag(TextAttributes.Bold);
    public bool IsUnderline => Attributes.HasFlag(TextAttributes.Underline);
    public bool IsReverse => Attributes.HasFlag(TextAttributes.Reverse);

    public CellStyle With(TextAttributes attributes) => this with { Attributes = Attributes | attributes };

    public CellStyle WithForeground(TermColor color) => this with { Foreground = color };

    public CellStyle WithBackground(TermColor color) => this with { Background = color };
}
