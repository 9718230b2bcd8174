using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Mandates;

public class SocialReturnCalculatorTests
{
    [Fact]
    public void Calculate_WorkedExampleOverTwelveMonths_Avoids51000AndNets47000()
    {
        var result = ParsedAssert.Valid(SocialReturnCalculator.Calculate(Money.FromEuros(4_000), MandateSamples.WorkedExampleRoutes(), costTableVersion: 3));

        Assert.Equal(Money.FromEuros(51_000), result.AvoidedCost);
        Assert.Equal(Money.FromEuros(47_000), result.NetReturn);
        Assert.Equal(12.75m, result.Ratio);
        Assert.Equal(12, result.HorizonMonths);
        Assert.Equal(3, result.CostTableVersion);
        Assert.Equal([Money.FromEuros(6_000), Money.FromEuros(30_000), Money.FromEuros(15_000)], result.Routes.Select(r => r.Cost));
    }

    [Fact]
    public void Calculate_DefaultHorizon_IsTwelveMonths()
    {
        var result = ParsedAssert.Valid(SocialReturnCalculator.Calculate(Money.FromEuros(4_000), MandateSamples.WorkedExampleRoutes(24), 1));

        Assert.Equal(12, result.HorizonMonths);
        Assert.Equal(Money.FromEuros(51_000), result.AvoidedCost);
    }

    [Theory]
    [InlineData(6, 12, 28_500, 24_500)] // a year of shelter and benefits asked for, half of it inside six months
    [InlineData(12, 12, 51_000, 47_000)]
    [InlineData(24, 12, 51_000, 47_000)] // a year asked for stays a year on a longer horizon
    [InlineData(24, 24, 96_000, 92_000)]
    [InlineData(6, 24, 28_500, 24_500)]
    public void Calculate_Horizon_CountsMonthsUpToTheHorizonAndEvictionOnce(int horizon, int monthsAsked, long avoidedEuros, long netEuros)
    {
        var result = ParsedAssert.Valid(SocialReturnCalculator.Calculate(Money.FromEuros(4_000), MandateSamples.WorkedExampleRoutes(monthsAsked), 1, horizon));

        Assert.Equal(Money.FromEuros(avoidedEuros), result.AvoidedCost);
        Assert.Equal(Money.FromEuros(netEuros), result.NetReturn);
        Assert.Equal(Math.Min(horizon, monthsAsked), result.Routes[1].CountedQuantity);
        Assert.Equal(1, result.Routes[0].CountedQuantity);
    }

    [Fact]
    public void Calculate_YearlyAmountOverOddMonths_RoundsToTheNearestCentOnce()
    {
        var entry = MandateSamples.Shelter() with { Amount = new Money(100) }; // € 1,00 a year
        var result = ParsedAssert.Valid(SocialReturnCalculator.Calculate(Money.Zero, [new AvoidedRoute(entry, 7)], 1));

        Assert.Equal(new Money(58), result.AvoidedCost); // 700 / 12 = 58,33
        Assert.Null(result.Ratio);
    }

    [Fact]
    public void Calculate_CostTableChangesAfterTheDecision_TheDecisionKeepsItsFigures()
    {
        var first = new CostTableVersion(1, DateTimeOffset.UnixEpoch, [MandateSamples.Eviction(), MandateSamples.Shelter(), MandateSamples.Benefits()]);
        var table = new CostTable([first]);
        var day = new DateOnly(2026, 6, 1);
        var decided = ParsedAssert.Valid(SocialReturnCalculator.Calculate(
            Money.FromEuros(4_000),
            [new AvoidedRoute(table.Find("uithuiszetting", day)!, 1), new AvoidedRoute(table.Find("opvang", day)!, 12), new AvoidedRoute(table.Find("bijstand", day)!, 12)],
            table.Latest!.Version));

        var second = new CostTableVersion(2, DateTimeOffset.UnixEpoch.AddDays(1), [MandateSamples.Eviction(8_000), MandateSamples.Shelter(36_000), MandateSamples.Benefits()]);
        table = new CostTable([first, second]);

        Assert.Equal(Money.FromEuros(51_000), decided.AvoidedCost);
        Assert.Equal(1, decided.CostTableVersion);
        Assert.Equal(Money.FromEuros(8_000), table.Find("uithuiszetting", day)!.Amount);
        Assert.Equal(Money.FromEuros(6_000), table.Find("uithuiszetting", day, version: 1)!.Amount);
        var now = ParsedAssert.Valid(SocialReturnCalculator.Calculate(
            Money.FromEuros(4_000), [new AvoidedRoute(table.Find("uithuiszetting", day)!, 1), new AvoidedRoute(table.Find("opvang", day)!, 12)], table.Latest!.Version));
        Assert.Equal(Money.FromEuros(44_000), now.AvoidedCost);
        Assert.Equal(2, now.CostTableVersion);
    }

    [Fact]
    public void Find_EntriesValidFromDifferentDays_TakesTheLatestOnOrBeforeTheDay()
    {
        var january = MandateSamples.Shelter(30_000);
        var july = MandateSamples.Shelter(33_000) with { ValidFrom = new DateOnly(2026, 7, 1) };
        var version = new CostTableVersion(1, DateTimeOffset.UnixEpoch, [july, january]);

        Assert.Null(version.Find("opvang", new DateOnly(2025, 12, 31)));
        Assert.Equal(january, version.Find("OPVANG", new DateOnly(2026, 6, 30)));
        Assert.Equal(july, version.Find("opvang", new DateOnly(2026, 7, 1)));
        Assert.Equal([january], version.ValidOn(new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void Calculate_AmountsAtTheLimitThatStillFit_AreExact()
    {
        var max = new Money(long.MaxValue);
        var result = ParsedAssert.Valid(SocialReturnCalculator.Calculate(max, [new AvoidedRoute(MandateSamples.Eviction() with { Amount = max }, 1)], 1));

        Assert.Equal(max, result.AvoidedCost);
        Assert.Equal(Money.Zero, result.NetReturn);
        Assert.Equal(1m, result.Ratio);
    }

    [Fact]
    public void Calculate_YearlyMaximumOverTwelveMonths_FitsBecauseNoIntermediateProductWraps()
    {
        var max = new Money(long.MaxValue);
        var result = ParsedAssert.Valid(SocialReturnCalculator.Calculate(Money.Zero, [new AvoidedRoute(MandateSamples.Shelter() with { Amount = max }, 12)], 1));

        Assert.Equal(max, result.AvoidedCost);
    }

    [Theory]
    [InlineData(long.MaxValue, 2, CostPeriod.PerOccurrence)]
    [InlineData(long.MaxValue / 2 + 1, 2, CostPeriod.PerMonth)]
    [InlineData(long.MaxValue, 13, CostPeriod.PerYear)]
    public void Calculate_OneRouteBeyondTheLimit_IsADutchProblemNotAWrappedNumber(long cents, int quantity, CostPeriod period)
    {
        var entry = MandateSamples.Eviction() with { Amount = new Money(cents), Period = period };
        var parsed = SocialReturnCalculator.Calculate(Money.Zero, [new AvoidedRoute(entry, quantity)], 1, horizonMonths: 24);

        var problem = ParsedAssert.Invalid(parsed, entry.Name, TextId.ReturnTooLarge);
        Assert.Contains("te groot", problem.Describe(Lang.Nl));
    }

    [Fact]
    public void Calculate_SumOfRoutesBeyondTheLimit_IsADutchProblem()
    {
        var half = MandateSamples.Eviction() with { Amount = new Money(long.MaxValue / 2 + 1) };
        var parsed = SocialReturnCalculator.Calculate(Money.Zero, [new AvoidedRoute(half, 1), new AvoidedRoute(half, 1)], 1);

        ParsedAssert.Invalid(parsed, "vermeden kosten", TextId.ReturnTooLarge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void Calculate_HorizonOutOfRange_NamesTheHorizon(int horizon)
    {
        ParsedAssert.Invalid(SocialReturnCalculator.Calculate(Money.Zero, [], 1, horizon), "horizon", TextId.ReturnHorizonRange);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Calculate_QuantityOutOfRange_NamesTheRoute(int quantity)
    {
        ParsedAssert.Invalid(SocialReturnCalculator.Calculate(Money.Zero, [new AvoidedRoute(MandateSamples.Eviction(), quantity)], 1), "Gedwongen uithuiszetting", TextId.ReturnQuantityRange);
    }

    [Fact]
    public void Calculate_NegativeOwnCost_IsRefused()
    {
        ParsedAssert.Invalid(SocialReturnCalculator.Calculate(new Money(-1), [], 1), "eigen kosten", TextId.CostAmountNegative);
    }

    [Fact]
    public void Calculate_OwnCostAboveAvoided_GivesANegativeNetReturn()
    {
        var result = ParsedAssert.Valid(SocialReturnCalculator.Calculate(new Money(long.MaxValue), [new AvoidedRoute(MandateSamples.Eviction(), 1)], 1));

        Assert.Equal(new Money(600_000 - long.MaxValue), result.NetReturn);
    }

    [Theory]
    [InlineData("", "routecode", TextId.FieldRequired)]
    [InlineData("met spatie", "routecode", TextId.CostRouteCodeShape)]
    public void CostEntryCheck_BadRouteCode_NamesTheField(string code, string field, TextId text)
    {
        var problem = Assert.Single((MandateSamples.Eviction() with { RouteCode = code }).Check());

        Assert.Equal((field, text), (problem.Field, problem.Text));
    }
}
