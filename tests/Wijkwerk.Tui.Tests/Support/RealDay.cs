using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Tui.Tests.Support;

/// <summary>
/// The real program runs on the real clock, so a test that seeds dates and reads them back on its screen must not
/// straddle Dutch midnight: in the last minutes of a day it waits for the next one before it takes today.
/// </summary>
public static class RealDay
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(3);

    public static DateOnly Settled()
    {
        var now = TimeProvider.System.GetUtcNow();
        var untilMidnight = AmsterdamTime.StartOf(AmsterdamTime.DayOf(now).AddDays(1)) - now;
        if (untilMidnight < Margin)
            Thread.Sleep(untilMidnight + TimeSpan.FromSeconds(1));
        return AmsterdamTime.Today(TimeProvider.System);
    }
}
