namespace Wijkwerk.Tui.Terminal;

internal abstract record UiMessage
{
    public sealed record KeyPressed(KeyInput Key) : UiMessage;

    public sealed record Resized : UiMessage;

    public sealed record Tick : UiMessage;

    public sealed record Invoke(Action Action) : UiMessage;
}
