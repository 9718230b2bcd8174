namespace Wijkwerk.Tui.Terminal;

/// <summary>Default texts for the window-too-small screen; the app passes its own string-table entry to <see cref="UiLoop"/>.</summary>
public static class TooSmallMessage
{
    public static string Dutch(int width, int height) =>
        $"Venster te klein: minimaal {UiLoop.MinimumWidth}×{UiLoop.MinimumHeight} nodig, nu {width}×{height}. Maak het venster groter.";

    public static string English(int width, int height) =>
        $"Window too small: needs at least {UiLoop.MinimumWidth}×{UiLoop.MinimumHeight}, now {width}×{height}. Enlarge the window.";
}
