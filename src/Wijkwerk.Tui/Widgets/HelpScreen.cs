using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>The "?" overlay as a screen: scrolls with the usual keys and closes with Esc, "?", F1 or q.</summary>
public sealed class HelpScreen : IScreen
{
    private readonly ScreenStack _stack;

    public HelpScreen(ScreenStack stack, HelpOverlay overlay)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        Overlay = overlay ?? throw new ArgumentNullException(nameof(overlay));
    }

    public HelpOverlay Overlay { get; }

    public bool IsOverlay => true;

    public CellPosition? Cursor => Overlay.Cursor;

    public void Render(ScreenBuffer buffer) => Overlay.Render(buffer, buffer.Bounds, focused: true);

    public bool HandleKey(KeyInput key)
    {
        if (key.Key is Key.Escape or Key.F1 || key.IsChar('?') || key.IsChar('q'))
        {
            _stack.Remove(this);
            return true;
        }
        Overlay.HandleKey(key);
        return true;
    }
}
