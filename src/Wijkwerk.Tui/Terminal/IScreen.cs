namespace Wijkwerk.Tui.Terminal;

/// <summary>One full-screen view (or an overlay such as a dialog) on the <see cref="ScreenStack"/>.</summary>
public interface IScreen
{
    /// <summary>True for dialogs and overlays: the screen below is drawn first and stays visible around it.</summary>
    bool IsOverlay => false;

    /// <summary>Where the cursor is parked after the frame: the focused row or field. Read after <see cref="Render"/>.</summary>
    CellPosition? Cursor => null;

    void Render(ScreenBuffer buffer);

    /// <summary>Returns false when the key means nothing here, so the loop can offer it to the app's global keys.</summary>
    bool HandleKey(KeyInput key);
}
