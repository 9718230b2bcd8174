namespace Wijkwerk.Core.Domain.Maatwerk;

/// <summary>What one amount of a regular route's cost covers.</summary>
public enum CostPeriod
{
    PerOccurrence,
    PerMonth,
    PerYear,
}
