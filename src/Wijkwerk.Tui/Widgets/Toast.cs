using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A message ("Opgeslagen", a sync's result or error) that disappears by itself; the loop's tick redraws once it
/// expires. It wraps onto as many lines as it needs, so a long error is read whole, never cut.
/// </summary>
public sealed class Toast : IWidget
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _time;
    private DateTimeOffset _expires;

    public Toast(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public bool CanFocus => false;

    public CellPosition? Cursor => null;

    public string Message { get; private set; } = "";

    public bool IsVisible => Message.Length > 0 && _time.GetUtcNow() < _expires;

    public void Show(string message, TimeSpan? duration = null)
    {
        Message = message;
        _expires = _time.GetUtcNow() + (duration ?? DefaultDuration);
    }

    public void Dismiss() => Message = "";

    public bool HandleKey(KeyInput key) => false;

    /// <summary>The lines the message takes in an area <paramref name="width"/> wide; none when hidden.</summary>
    public IReadOnlyList<string> Lines(int width) => IsVisible ? CellText.Wrap(Message, Math.Max(1, width - 2)) : [];

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        if (area.IsEmpty)
        {
            return;
        }
        var lines = Lines(area.Width);
        for (var i = 0; i < lines.Count && i < area.Height; i++)
        {
            buffer.PutLine(area, i, " " + lines[i], WidgetStyles.Bar.With(TextAttributes.Bold));
        }
    }
}
