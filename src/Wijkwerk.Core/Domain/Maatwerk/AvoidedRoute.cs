namespace Wijkwerk.Core.Domain.Maatwerk;

/// <summary>
/// A regular route the decision avoids: its cost entry and how much of it — occurrences for a cost per
/// occurrence, months for a cost per month or per year (counted up to the horizon).
/// </summary>
public sealed record AvoidedRoute(CostEntry Cost, int Quantity);
