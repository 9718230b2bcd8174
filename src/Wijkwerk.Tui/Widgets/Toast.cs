using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>A short message ("Opgeslagen") that disappears by itself; the loop's tick redraws once it expires.</summary>
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

    public void Render(ScreenBuffer buffer, Rect area, bool focused)
    {
        if (area.IsEmpty || !IsVisible)
        {
            return;
        }
        var text = CellText.Truncate($" {Message} ", area.Width);
        buffer.Put(area.Right - text.Length, area.Y, text, WidgetStyles.Bar.With(TextAttributes.Bold), area);
    }
}
