namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset UtcNow { get; private set; } = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public FakeClock Advance(TimeSpan by)
    {
        UtcNow += by;
        return this;
    }
}
