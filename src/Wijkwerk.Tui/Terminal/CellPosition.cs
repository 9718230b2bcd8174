namespace Wijkwerk.Tui.Terminal;

/// <summary>
/// Where the hardware cursor is parked after a frame. Screen readers and braille displays follow it,
/// so it goes to the focused row or field even when hidden.
/// </summary>
public readonly record struct CellPosition(int X, int Y, bool Visible = false);
