namespace Wijkwerk.Tui.Terminal;

public static class ColorModeDetector
{
    /// <summary>
    /// NoColour when <c>--no-color</c> was given or NO_COLOR is set to a non-empty value.
    /// An empty NO_COLOR does not count: no-color.org says "present and not an empty string".
    /// </summary>
    public static ColorMode Detect(bool noColorFlag, Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(getEnv);
        return noColorFlag || !string.IsNullOrEmpty(getEnv("NO_COLOR")) ? ColorMode.NoColour : ColorMode.Colour;
    }
}
