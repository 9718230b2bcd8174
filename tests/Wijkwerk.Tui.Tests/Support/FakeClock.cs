using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// The tests' only clock: it stands still until a test moves it, so screens and snapshots never depend on
/// today, and it drives the UI loop's ticks (toasts, the idle lock, "last sync") without a test ever sleeping.
/// </summary>
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

    /// <summary>Jumps; the loop sees at most one tick for the whole jump, as after a laptop wakes from sleep.</summary>
    public void Advance(TimeSpan by) => UtcNow += by;

    /// <summary>
    /// Lets <paramref name="span"/> pass as it would in a running app: time moves on one tick interval at a
    /// time and the loop handles each tick and draws, so every tick in the span fires in order.
    /// </summary>
    public void Pass(UiLoop loop, TimeSpan span)
    {
        var end = UtcNow + span;
        while (UtcNow < end && !loop.IsStopped)
        {
            var step = end - UtcNow < loop.TickInterval ? end - UtcNow : loop.TickInterval;
            UtcNow += step;
            loop.RunUntilIdle();
        }
    }
}
