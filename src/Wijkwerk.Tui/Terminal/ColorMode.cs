namespace Wijkwerk.Tui.Terminal;

public enum ColorMode
{
    Colour,

    /// <summary>No colour codes at all; bold, underline and reverse still carry meaning (no-color.org).</summary>
    NoColour,
}
