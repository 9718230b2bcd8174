using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Maatwerk;

/// <summary>
/// The figures of one calculation, kept with the decision that used them: later changes to the cost table
/// never change what a decision was justified with.
/// </summary>
/// <param name="Ratio">Avoided cost per euro of own cost, rounded to two decimals; null when the own cost is zero.</param>
public sealed record SocialReturn(
    Money OwnCost, Money AvoidedCost, Money NetReturn, decimal? Ratio, int HorizonMonths, int CostTableVersion, IReadOnlyList<RouteFigure> Routes);

/// <summary>One avoided route as counted: the amount used, the quantity asked for and counted within the horizon, and its cost.</summary>
public sealed record RouteFigure(string RouteCode, string Name, Money Amount, CostPeriod Period, int Quantity, int CountedQuantity, Money Cost);
