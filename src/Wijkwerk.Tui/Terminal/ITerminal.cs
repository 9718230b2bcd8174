namespace Wijkwerk.Tui.Terminal;

/// <summary>The only way the UI touches a terminal, so every screen can run headless against <see cref="FakeTerminal"/>.</summary>
public interface ITerminal
{
    int Width { get; }
    int Height { get; }

    /// <summary>Raised (possibly on another thread) after <see cref="Width"/> or <see cref="Height"/> changed.</summary>
    event Action? Resized;

    /// <summary>Raw output. Callers send a whole frame in one call so the terminal never shows half a frame.</summary>
    void Write(string text);

    /// <summary>Returns a key if one is waiting, without blocking.</summary>
    bool TryReadKey(out KeyInput key);

    /// <summary>Waits up to <paramref name="timeout"/> for a key.</summary>
    bool TryReadKey(TimeSpan timeout, out KeyInput key);

    /// <summary>Alternate screen, hidden cursor, no autowrap.</summary>
    void EnterFullScreen();

    /// <summary>Undoes <see cref="EnterFullScreen"/>. Safe to call more than once.</summary>
    void Restore();
}
