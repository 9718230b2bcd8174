using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>A half year of the Dutch calendar: the period the partners' directors review.</summary>
public readonly record struct HalfYear(int Year, int Half) : IComparable<HalfYear>
{
    public static HalfYear Of(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    public int CompareTo(HalfYear other) => (Year, Half).CompareTo((other.Year, other.Half));

    /// <summary>Sorts and reads the same in every language: 2026-H1.</summary>
    public override string ToString() => $"{Year}-H{Half}";
}

/// <summary>One line of a review: the requests one bottleneck or one partner caused, what they cost and what came back.</summary>
/// <param name="Key">The bottleneck tag, or the responsible partner ("" for unique cases).</param>
public sealed record ReviewLine(string Key, int Requests, Money Amount, Money Owed, Money Repaid);

/// <summary>
/// What the directors discuss for one half year (by the day requests were made): which rules (bottleneck tags) and
/// which partners caused requests, the amounts, the share of what was settled that has come back, and how the
/// evaluated cases ended. Refused requests count as requests, not in the amounts.
/// </summary>
/// <param name="WithFigures">Granted requests whose value triangle carries a social return.</param>
/// <param name="AvoidedCost">What those requests avoided, by their own figures (as computed when they were made).</param>
/// <param name="NetReturn">Their avoided cost minus their own cost (the amounts asked).</param>
public sealed record FundReviewPeriod(
    HalfYear Period, int Requests, int Refused, Money Requested, Money PaidOut, Money Owed, Money Repaid,
    int Evaluated, int Worked, int Durable, IReadOnlyList<ReviewLine> PerBottleneck, IReadOnlyList<ReviewLine> PerPartner,
    int WithFigures, Money AvoidedCost, Money NetReturn)
{
    /// <summary>Repaid as a fraction of what was settled, rounded to three decimals; null while nothing was settled.</summary>
    public decimal? RepaidShare => Owed.Cents == 0 ? null : Math.Round((decimal)Repaid.Cents / Owed.Cents, 3, MidpointRounding.AwayFromZero);
}

public static class FundReview
{
    /// <summary>One period per half year that has requests, the oldest first.</summary>
    public static IReadOnlyList<FundReviewPeriod> Of(IEnumerable<FundRequest> requests, IEnumerable<FundRepayment> repayments)
    {
        var repaid = repayments.GroupBy(r => r.RequestId).ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (s, r) => s + r.Amount));
        return requests.GroupBy(r => HalfYear.Of(AmsterdamTime.DayOf(r.RequestedAt))).OrderBy(g => g.Key)
            .Select(g =>
            {
                var all = g.ToList();
                var granted = all.Where(r => r.Status != FundRequestStatus.Refused).ToList();
                var evaluated = all.Where(r => r.Evaluation is not null).ToList();
                var figures = granted.Select(r => r.Triangle.SocialReturn).OfType<SocialReturn>().ToList();
                return new FundReviewPeriod(
                    g.Key, all.Count, all.Count - granted.Count, Sum(granted, _ => true), Sum(granted, r => r.Payout is not null),
                    Sum(granted, r => r.Settlement is not null), RepaidOn(granted, repaid),
                    evaluated.Count, evaluated.Count(r => r.Evaluation!.Worked), evaluated.Count(r => r.Evaluation!.Durable),
                    Lines(granted, r => r.BottleneckTag.Trim(), repaid), Lines(granted, r => r.ResponsiblePartner ?? "", repaid),
                    figures.Count, figures.Aggregate(Money.Zero, (s, f) => s + f.AvoidedCost), figures.Aggregate(Money.Zero, (s, f) => s + f.NetReturn));
            })
            .ToList();
    }

    private static IReadOnlyList<ReviewLine> Lines(List<FundRequest> requests, Func<FundRequest, string> key, Dictionary<Id<FundRequest>, Money> repaid) =>
        requests.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ReviewLine(g.Key, g.Count(), Sum(g, _ => true), Sum(g, r => r.Settlement is not null), RepaidOn(g, repaid)))
            .OrderByDescending(l => l.Amount.Cents).ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToList();

    private static Money Sum(IEnumerable<FundRequest> requests, Func<FundRequest, bool> which) =>
        requests.Where(which).Aggregate(Money.Zero, (s, r) => s + r.Amount);

    private static Money RepaidOn(IEnumerable<FundRequest> requests, Dictionary<Id<FundRequest>, Money> repaid) =>
        requests.Aggregate(Money.Zero, (s, r) => s + repaid.GetValueOrDefault(r.Id));
}
