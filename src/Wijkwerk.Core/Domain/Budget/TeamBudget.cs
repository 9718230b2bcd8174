using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Budget;

/// <summary>A team's minimaatwerk budget for one calendar year, and the most one request may ask.</summary>
public sealed record TeamBudget(string Team, int Year, Money Amount, Money PerRequestLimit)
{
    /// <summary>What most municipalities allow a team to spend on one request without further approval.</summary>
    public static Money DefaultLimit { get; } = Money.FromEuros(500);

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The team names compare without regard to case, as the server's team names do.</summary>
    public bool IsOf(string team, int year) => string.Equals(Team, team, StringComparison.OrdinalIgnoreCase) && Year == year;
}
