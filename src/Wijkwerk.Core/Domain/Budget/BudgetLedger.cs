using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Budget;

/// <summary>One category's line of the ledger: what is committed and paid, and how requests in it ended.</summary>
public sealed record CategoryLine(BudgetCategory Category, int Requests, Money Committed, Money Paid, int AlternativesFound);

/// <summary>
/// A team's budget for a year against its requests of that year (by the day they were requested, Dutch calendar):
/// committed is approved and unpaid, remaining is the budget minus committed and paid. Remaining can be
/// negative only when the administrator lowered the budget after approvals.
/// </summary>
public sealed record BudgetLedger(TeamBudget Budget, Money Committed, Money Paid, Money Remaining, IReadOnlyList<CategoryLine> PerCategory)
{
    public static BudgetLedger Of(TeamBudget budget, IEnumerable<BudgetRequest> requests)
    {
        var counted = requests.Where(r => string.Equals(r.Team, budget.Team, StringComparison.OrdinalIgnoreCase) && YearOf(r) == budget.Year).ToList();
        var committed = Sum(counted.Where(r => r.IsCommitted));
        var paid = Sum(counted.Where(r => r.Status == BudgetRequestStatus.Paid));
        var lines = Enum.GetValues<BudgetCategory>()
            .Select(c => counted.Where(r => r.Category == c).ToList())
            .Where(inCategory => inCategory.Count > 0)
            .Select(inCategory => new CategoryLine(
                inCategory[0].Category, inCategory.Count, Sum(inCategory.Where(r => r.IsCommitted)), Sum(inCategory.Where(r => r.Status == BudgetRequestStatus.Paid)),
                inCategory.Count(r => r.Status == BudgetRequestStatus.AlternativeFound)))
            .ToList();
        return new BudgetLedger(budget, committed, paid, budget.Amount - committed - paid, lines);
    }

    /// <summary>The budget year a request counts in: the Dutch calendar year it was requested.</summary>
    public static int YearOf(BudgetRequest request) => AmsterdamTime.ToLocal(request.RequestedAt).Year;

    private static Money Sum(IEnumerable<BudgetRequest> requests) => requests.Aggregate(Money.Zero, (sum, r) => sum + r.Amount);
}
