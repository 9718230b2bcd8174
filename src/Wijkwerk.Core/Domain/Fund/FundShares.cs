using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>
/// Who pays a request back. The responsible partner owes all of it; a unique case is shared by every partner pro
/// rata to what they deposited, in whole cents, by the largest-remainder method: each gets the floor of its exact
/// share, and the cents left over go one each to the largest remainders (ties to the larger deposit, then to the
/// name in ordinal order), so the shares always add up to the amount exactly and the same inputs give the same split.
/// </summary>
public static class FundShares
{
    public static Parsed<IReadOnlyList<FundShare>> Of(Money amount, string? responsiblePartner, Fund fund)
    {
        if (amount.Cents <= 0)
            return Parsed<IReadOnlyList<FundShare>>.Fail("bedrag", TextId.BudgetAmountNotPositive);
        if (responsiblePartner is not null)
        {
            return fund.PartnerNamed(responsiblePartner) is { } partner
                ? Parsed<IReadOnlyList<FundShare>>.Ok([new FundShare(partner, amount)])
                : Parsed<IReadOnlyList<FundShare>>.Fail("wie had moeten betalen", TextId.FundPartnerUnknown, responsiblePartner, Known(fund));
        }

        var weights = fund.Partners.Select(p => (Partner: p, Weight: fund.DepositedBy(p))).Where(w => w.Weight.Cents > 0).ToList();
        return weights.Count == 0
            ? Parsed<IReadOnlyList<FundShare>>.Fail("verdeling", TextId.FundNoDeposits)
            : Parsed<IReadOnlyList<FundShare>>.Ok(ProRata(amount, weights));
    }

    /// <summary>The amount split over positive weights; the shares come in partner-name order.</summary>
    public static IReadOnlyList<FundShare> ProRata(Money amount, IReadOnlyList<(string Partner, Money Weight)> weights)
    {
        Int128 total = weights.Aggregate((Int128)0, (sum, w) => sum + w.Weight.Cents);
        var exact = weights.Select(w =>
        {
            var product = (Int128)amount.Cents * w.Weight.Cents;
            return (w.Partner, w.Weight, Floor: (long)(product / total), Remainder: product % total);
        }).ToList();
        var left = amount.Cents - exact.Sum(e => e.Floor);
        var extra = exact.OrderByDescending(e => e.Remainder).ThenByDescending(e => e.Weight.Cents).ThenBy(e => e.Partner, StringComparer.Ordinal)
            .Take((int)left).Select(e => e.Partner).ToHashSet(StringComparer.Ordinal);
        return exact.Select(e => new FundShare(e.Partner, new Money(e.Floor + (extra.Contains(e.Partner) ? 1 : 0))))
            .OrderBy(s => s.Partner, StringComparer.Ordinal).ToList();
    }

    internal static string Known(Fund fund) => fund.Partners.Count == 0 ? "(nog geen)" : string.Join(", ", fund.Partners);
}
