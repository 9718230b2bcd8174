using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>The fund's money: what the partners deposited, what was paid out and what came back.</summary>
public sealed record FundBalance(Money Deposited, Money PaidOut, Money Repaid)
{
    /// <summary>Deposits − payouts + repayments: what the secretariat may still pay out.</summary>
    public Money Available => Deposited - PaidOut + Repaid;

    public static FundBalance Of(Fund fund, IEnumerable<FundRequest> requests, IEnumerable<FundRepayment> repayments) =>
        new(fund.Deposited,
            requests.Where(r => r.Payout is not null).Aggregate(Money.Zero, (sum, r) => sum + r.Amount),
            repayments.Aggregate(Money.Zero, (sum, r) => sum + r.Amount));
}

/// <summary>What one partner owes on one settled request, what came back, and since which day it is owed.</summary>
public sealed record Receivable(Id<FundRequest> RequestId, string Partner, Money Owed, Money Repaid, DateOnly Since)
{
    public Money Outstanding => Owed - Repaid;

    public bool IsOpen => Outstanding.Cents > 0;

    /// <summary>Days since the settlement, on the Dutch calendar day given.</summary>
    public int AgeDays(DateOnly today) => today.DayNumber - Since.DayNumber;
}

/// <summary>One partner's position: what it deposited, what it owes on settled requests, what it repaid.</summary>
public sealed record PartnerPosition(string Partner, Money Deposited, Money Owed, Money Repaid)
{
    public Money Outstanding => Owed - Repaid;
}

/// <summary>The receivables of the fund: per settled request and partner, and per partner in total.</summary>
public static class FundReceivables
{
    /// <summary>Every share of every settled request with its repayments, oldest settlement first.</summary>
    public static IReadOnlyList<Receivable> All(IEnumerable<FundRequest> requests, IEnumerable<FundRepayment> repayments)
    {
        var paid = repayments.GroupBy(r => (r.RequestId, Partner: r.Partner.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, r) => sum + r.Amount));
        return requests.Where(r => r.Settlement is not null).OrderBy(r => r.Settlement!.At).ThenBy(r => r.Id.Value)
            .SelectMany(r => r.Settlement!.Shares.Select(s => new Receivable(
                r.Id, s.Partner, s.Amount, paid.GetValueOrDefault((r.Id, s.Partner.ToUpperInvariant())), AmsterdamTime.DayOf(r.Settlement.At))))
            .ToList();
    }

    /// <summary>The receivables still open, the oldest first: what the secretariat chases.</summary>
    public static IReadOnlyList<Receivable> Open(IEnumerable<FundRequest> requests, IEnumerable<FundRepayment> repayments) =>
        All(requests, repayments).Where(r => r.IsOpen).ToList();

    /// <summary>Every partner of the fund (and any partner still owing that left it), in name order.</summary>
    public static IReadOnlyList<PartnerPosition> PerPartner(Fund fund, IEnumerable<FundRequest> requests, IEnumerable<FundRepayment> repayments)
    {
        var all = All(requests, repayments);
        return fund.Partners.Concat(all.Select(r => r.Partner)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(p =>
            {
                var mine = all.Where(r => string.Equals(r.Partner, p, StringComparison.OrdinalIgnoreCase)).ToList();
                return new PartnerPosition(p, fund.DepositedBy(p), mine.Aggregate(Money.Zero, (s, r) => s + r.Owed), mine.Aggregate(Money.Zero, (s, r) => s + r.Repaid));
            })
            .ToList();
    }
}
