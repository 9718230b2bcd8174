using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class ColorModeDetectorTests
{
    [Theory]
    [InlineData(false, null, ColorMode.Colour)]
    [InlineData(false, "", ColorMode.Colour)]
    [InlineData(false, "1", ColorMode.NoColour)]
    [InlineData(true, null, ColorMode.NoColour)]
    [InlineData(true, "", ColorMode.NoColour)]
    public void Detect_FlagAndNoColorVariable_ChoosesMode(bool flag, string? noColor, ColorMode expected)
    {
        var mode = ColorModeDetector.Detect(flag, name => name == "NO_COLOR" ? noColor : null);

        Assert.Equal(expected, mode);
    }
}
