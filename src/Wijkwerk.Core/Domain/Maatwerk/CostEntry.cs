using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Maatwerk;

/// <summary>
/// What one regular route costs society (a forced eviction, a year of shelter), as the municipality's cost
/// table says: from which day the amount holds and where the figure comes from.
/// </summary>
public sealed record CostEntry(string RouteCode, string Name, Money Amount, CostPeriod Period, DateOnly ValidFrom, string Source)
{
    public const int MaxRouteCodeLength = 40;
    public const int MaxNameLength = 120;
    public const int MaxSourceLength = 300;

    /// <summary>What is wrong with the entry, field by field (Dutch field names); empty when it is fine.</summary>
    public IReadOnlyList<Problem> Check()
    {
        var problems = new List<Problem>();
        if (RouteCode.Trim().Length == 0)
            problems.Add(new Problem("routecode", TextId.FieldRequired));
        else if (RouteCode.Length > MaxRouteCodeLength || RouteCode.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            problems.Add(new Problem("routecode", TextId.CostRouteCodeShape, MaxRouteCodeLength));
        if (Name.Trim().Length == 0)
            problems.Add(new Problem("naam", TextId.FieldRequired));
        else if (Name.Length > MaxNameLength)
            problems.Add(new Problem("naam", TextId.TooLong, MaxNameLength));
        if (Amount.Cents < 0)
            problems.Add(new Problem("bedrag", TextId.CostAmountNegative));
        if (Source.Length > MaxSourceLength)
            problems.Add(new Problem("bron", TextId.TooLong, MaxSourceLength));
        return problems;
    }
}
