namespace Wijkwerk.Tui.Terminal;

/// <summary>Modal screens: only the top one gets keys. Used from the UI thread only.</summary>
public sealed class ScreenStack
{
    private readonly List<IScreen> _screens = [];

    public int Count => _screens.Count;
    public IScreen? Top => _screens.Count == 0 ? null : _screens[^1];
    public IReadOnlyList<IScreen> Screens => _screens;

    public void Push(IScreen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        _screens.Add(screen);
    }

    public IScreen? Pop()
    {
        if (_screens.Count == 0)
        {
            return null;
        }
        var top = _screens[^1];
        _screens.RemoveAt(_screens.Count - 1);
        return top;
    }

    /// <summary>Empties the stack, e.g. before going home or locking; push a new screen in the same message.</summary>
    public void Clear() => _screens.Clear();

    /// <summary>Removes a screen wherever it is; a dialog closing itself need not be on top.</summary>
    public bool Remove(IScreen screen) => _screens.Remove(screen);

    /// <summary>Draws the topmost full screen and every overlay above it, bottom to top.</summary>
    public void Render(ScreenBuffer buffer)
    {
        var first = _screens.FindLastIndex(s => !s.IsOverlay);
        for (var i = Math.Max(0, first); i < _screens.Count; i++)
        {
            _screens[i].Render(buffer);
        }
    }
}
