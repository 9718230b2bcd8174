using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>Shows a <see cref="ConfirmDialog"/> over the current screen and removes itself once answered.</summary>
public sealed class ConfirmScreen : IScreen
{
    private readonly ScreenStack _stack;

    public ConfirmScreen(ScreenStack stack, ConfirmDialog dialog, Action<bool> onAnswer)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        Dialog = dialog ?? throw new ArgumentNullException(nameof(dialog));
        ArgumentNullException.ThrowIfNull(onAnswer);
        Dialog.Closed += answer =>
        {
            _stack.Remove(this);
            onAnswer(answer);
        };
    }

    public ConfirmDialog Dialog { get; }

    public bool IsOverlay => true;

    public CellPosition? Cursor => Dialog.Cursor;

    /// <summary>Pushes a dialog asking <paramref name="message"/>; <paramref name="onAnswer"/> runs on the UI thread.</summary>
    public static ConfirmScreen Show(ScreenStack stack, ConfirmDialog dialog, Action<bool> onAnswer)
    {
        var screen = new ConfirmScreen(stack, dialog, onAnswer);
        stack.Push(screen);
        return screen;
    }

    public void Render(ScreenBuffer buffer) => Dialog.Render(buffer, buffer.Bounds, focused: true);

    public bool HandleKey(KeyInput key) => Dialog.HandleKey(key);
}
