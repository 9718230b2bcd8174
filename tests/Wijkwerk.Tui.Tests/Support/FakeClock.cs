namespace Wijkwerk.Tui.Tests.Support;

/// <summary>A clock that stands still until a test moves it, so screens and snapshots never depend on today.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Monday 16 March 2026, 09:30 UTC (10:30 in Amsterdam).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 16, 9, 30, 0, TimeSpan.Zero);

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public DateTimeOffset UtcNow { get; set; } = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public void Advance(TimeSpan by) => UtcNow += by;
}
