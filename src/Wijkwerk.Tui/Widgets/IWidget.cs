using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

public interface IWidget
{
    /// <summary>False for display-only widgets (status bar, toast); the <see cref="FocusRing"/> skips them.</summary>
    bool CanFocus => true;

    /// <summary>Where the terminal cursor belongs, as of the last focused <see cref="Render"/>; null when not focused.</summary>
    CellPosition? Cursor { get; }

    void Render(ScreenBuffer buffer, Rect area, bool focused);

    /// <summary>Returns true when the key was used, so it is not passed on to the focus ring or screen commands.</summary>
    bool HandleKey(KeyInput key);
}
