using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Maatwerk;

/// <summary>
/// The social return of a maatwerk choice (value triangle, "maatschappelijk rendement"): its own cost against
/// the regular routes it avoids over a horizon. One calculator for mandate decisions, minimaatwerk budgets
/// and the revolving fund. Sums are exact in cents; a figure beyond a 64-bit cent value is a problem, never a
/// wrapped number.
/// </summary>
public static class SocialReturnCalculator
{
    public const int DefaultHorizonMonths = 12;
    public const int MaxHorizonMonths = 120;
    public const int MaxQuantity = 10_000;
    public const int MaxRoutes = 50;

    public static Parsed<SocialReturn> Calculate(Money ownCost, IReadOnlyList<AvoidedRoute> routes, int costTableVersion, int horizonMonths = DefaultHorizonMonths)
    {
        if (horizonMonths is < 1 or > MaxHorizonMonths)
            return Parsed<SocialReturn>.Fail("horizon", TextId.ReturnHorizonRange, MaxHorizonMonths);
        if (ownCost.Cents < 0)
            return Parsed<SocialReturn>.Fail("eigen kosten", TextId.CostAmountNegative);
        if (routes.Count > MaxRoutes)
            return Parsed<SocialReturn>.Fail("vermeden routes", TextId.ReturnTooManyRoutes, MaxRoutes);

        var figures = new List<RouteFigure>(routes.Count);
        Int128 avoided = 0;
        foreach (var route in routes)
        {
            var field = route.Cost.Name;
            if (route.Cost.Amount.Cents < 0)
                return Parsed<SocialReturn>.Fail(field, TextId.CostAmountNegative);
            if (route.Quantity is < 1 or > MaxQuantity)
                return Parsed<SocialReturn>.Fail(field, TextId.ReturnQuantityRange, MaxQuantity);
            var counted = route.Cost.Period == CostPeriod.PerOccurrence ? route.Quantity : Math.Min(route.Quantity, horizonMonths);
            var cost = CostOf(route.Cost, counted);
            if (cost > long.MaxValue)
                return Parsed<SocialReturn>.Fail(field, TextId.ReturnTooLarge);
            avoided += cost;
            if (avoided > long.MaxValue)
                return Parsed<SocialReturn>.Fail("vermeden kosten", TextId.ReturnTooLarge);
            var c = route.Cost;
            figures.Add(new RouteFigure(c.RouteCode, c.Name, c.Amount, c.Period, route.Quantity, counted, new Money((long)cost)));
        }

        var avoidedCost = new Money((long)avoided);
        // Both are 0 or more and fit in 64 bits, so their difference does too.
        var net = avoidedCost - ownCost;
        decimal? ratio = ownCost.Cents == 0 ? null : Math.Round((decimal)avoidedCost.Cents / ownCost.Cents, 2, MidpointRounding.AwayFromZero);
        return Parsed<SocialReturn>.Ok(new SocialReturn(ownCost, avoidedCost, net, ratio, horizonMonths, costTableVersion, figures));
    }

    /// <summary>
    /// The figures must be the calculator's own: recomputed from the routes they name, they give the same sums.
    /// So no laptop can store a net return its routes do not add up to. Null when they do.
    /// </summary>
    public static Problem? Verify(SocialReturn figures)
    {
        var routes = figures.Routes.Select(r => new AvoidedRoute(new CostEntry(r.RouteCode, r.Name, r.Amount, r.Period, DateOnly.MinValue, ""), r.Quantity)).ToList();
        var again = Calculate(figures.OwnCost, routes, figures.CostTableVersion, figures.HorizonMonths);
        if (!again.IsValid)
            return again.Problem;
        var same = again.Value.AvoidedCost == figures.AvoidedCost && again.Value.NetReturn == figures.NetReturn && again.Value.Ratio == figures.Ratio
            && again.Value.Routes.Select(r => (r.CountedQuantity, r.Cost)).SequenceEqual(figures.Routes.Select(r => (r.CountedQuantity, r.Cost)));
        return same ? null : new Problem("maatschappelijk rendement", TextId.MandateFiguresDoNotAddUp);
    }

    /// <summary>
    /// <see cref="Verify"/> for a request whose own cost is the amount it asks (a budget or fund request): the figures
    /// must add up and must count that amount, or a request could show a return on less money than it takes.
    /// </summary>
    public static Problem? VerifyFor(SocialReturn figures, Money amount) =>
        Verify(figures) ?? (figures.OwnCost == amount
            ? null
            : new Problem("maatschappelijk rendement", TextId.ReturnOwnCostNotAmount, figures.OwnCost.ToString(), amount.ToString()));

    /// <summary>
    /// Cost of a route for a counted quantity, in 128 bits so no intermediate product wraps; a yearly amount is
    /// spread over twelve months and rounded to the nearest cent (half away from zero) once, at the end.
    /// </summary>
    private static Int128 CostOf(CostEntry entry, int counted) => entry.Period switch
    {
        CostPeriod.PerYear => ((Int128)entry.Amount.Cents * counted + 6) / 12,
        _ => (Int128)entry.Amount.Cents * counted,
    };
}
