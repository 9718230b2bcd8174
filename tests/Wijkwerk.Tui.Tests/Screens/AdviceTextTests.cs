using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Screens.Indications;

namespace Wijkwerk.Tui.Tests.Screens;

public class AdviceTextTests
{
    [Theory]
    [InlineData(1, ClockState.Running, Lang.Nl, "(nog 1 dag)")]
    [InlineData(2, ClockState.Running, Lang.Nl, "(nog 2 dagen)")]
    [InlineData(-1, ClockState.Overdue, Lang.Nl, "(1 dag te laat)")]
    [InlineData(-3, ClockState.Overdue, Lang.En, "(3 days overdue)")]
    [InlineData(1, ClockState.Running, Lang.En, "(1 day left)")]
    public void Clock_CountsDaysInTheRightForm(int daysLeft, ClockState state, Lang lang, string expected)
    {
        var reading = new ClockReading(ClockKind.Decision, new DateOnly(2026, 3, 28), state, daysLeft, false);

        Assert.EndsWith(expected, AdviceText.Clock(reading, lang), StringComparison.Ordinal);
    }
}
