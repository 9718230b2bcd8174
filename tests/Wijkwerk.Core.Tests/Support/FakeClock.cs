namespace Wijkwerk.Core.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public DateTimeOffset UtcNow { get; set; } = start.ToUniversalTime();

    public DateOnly Today => DateOnly.FromDateTime(UtcNow.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public FakeClock Advance(TimeSpan by)
    {
        UtcNow += by;
        return this;
    }
}
