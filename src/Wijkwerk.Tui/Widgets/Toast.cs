using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Widgets;

/// <summary>
/// A message ("Opgeslagen", a sync's result or error) that disappears by itself; the loop's tick redraws once it
/// expires. It wraps onto as many lines as it needs, so a long error is read whole, never cut. A message
/// can belong to the screen it is about, and is then not shown over any other screen.
/// </summary>
public sealed class Toast : IWidget
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(3);

    /// <summary>Characters a second a person reads a message at, glancing up from a client's kitchen table.</summary>
    private const double ReadingSpeed = 15;

    private static readonly TimeSpan Noticing = TimeSpan.FromSeconds(1.5);

    private readonly TimeProvider _time;
    private TimeSpan _duration;
    // Counted from the first time the message is drawn, not from when it was given: a message given while the app
    // starts (a restored draft) is read for its whole time, however long the start took.
    private DateTimeOffset? _expires;

    public Toast(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public bool CanFocus => false;

    public CellPosition? Cursor => null;

    public string Message { get; private set; } = "";

    public bool IsVisible => Message.Length > 0 && (_expires is not { } expires || _time.GetUtcNow() < expires);

    /// <summary>The screen the message is about; null for one that holds on every screen.</summary>
    public object? Owner { get; private set; }

    public void Show(string message, TimeSpan? duration = null, object? owner = null)
    {
        Message = message;
        Owner = owner;
        _duration = duration ?? ReadingTime(message);
        _expires = null;
    }

    /// <summary>
    /// How long a message given without a time stays: <see cref="DefaultDuration"/>, or longer for a message that takes
    /// longer to read ("Wmo-advies ingediend; gaat mee met de volgende sync (F5)." was gone before it was read).
    /// </summary>
    public static TimeSpan ReadingTime(string message)
    {
        var reading = Noticing + TimeSpan.FromSeconds(message.Length / ReadingSpeed);
        return reading > DefaultDuration ? reading : DefaultDuration;
    }

    /// <summary>Visible, and about <paramref name="screen"/> (or about no screen in particular).</summary>
    public bool IsVisibleOn(object? screen) => IsVisible && (Owner is null || ReferenceEquals(Owner, screen));

    public void Dismiss()
    {
        Message = "";
        Owner = null;
    }

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
        if (lines.Count > 0)
            _expires ??= _time.GetUtcNow() + _duration;
        for (var i = 0; i < lines.Count && i < area.Height; i++)
        {
            buffer.PutLine(area, i, " " + lines[i], WidgetStyles.Bar.With(TextAttributes.Bold));
        }
    }
}
