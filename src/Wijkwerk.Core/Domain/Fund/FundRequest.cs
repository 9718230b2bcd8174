using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>
/// Where a fund request stands: requested (granted unless the secretariat refuses it) → approved → paid out →
/// evaluated → settled with the partners; or refused, with a reason.
/// </summary>
public enum FundRequestStatus
{
    Requested,
    Approved,
    Refused,
    PaidOut,
    Evaluated,
    Settled,
}

/// <summary>One step of the secretariat: when, by whom, and its note (the refusal's reason, the payment's reference).</summary>
public sealed record FundStep(DateTimeOffset At, Id<Worker> By, string Note);

/// <summary>The secretariat's look back: did the money solve it, and will the resident stay out of the same situation.</summary>
public sealed record FundEvaluation(DateTimeOffset At, Id<Worker> By, bool Worked, bool Durable, string Note);

/// <summary>What one partner owes the fund for one request.</summary>
public sealed record FundShare(string Partner, Money Amount);

/// <summary>Who pays the request back: the responsible partner all of it, or every partner a share of a unique case.</summary>
public sealed record FundSettlement(DateTimeOffset At, Id<Worker> By, IReadOnlyList<FundShare> Shares);

/// <summary>
/// A request to the revolving fund by a member professional for a client. The secretariat receives the case, not
/// the dossier: <see cref="CaseDescription"/> describes the situation without name, BSN or address. What was asked
/// never changes; the secretariat's steps are added one by one.
/// </summary>
/// <param name="ResponsiblePartner">The partner that should have paid ("wie aan de lat had moeten staan"); null for a unique case no single party answers for.</param>
/// <param name="WhyRegularRouteFails">Why the regular route is too slow or impossible.</param>
/// <param name="DurableExpected">The durability check: the requester expects the resident not to be back in the same situation in six months.</param>
public sealed record FundRequest(
    Id<FundRequest> Id,
    Id<Client> ClientId,
    string Team,
    Id<Worker> RequestedBy,
    DateTimeOffset RequestedAt,
    string CaseDescription,
    Money Amount,
    string Purpose,
    string Payee,
    string? ResponsiblePartner,
    string WhyRegularRouteFails,
    bool DurableExpected,
    string DurabilityWhy,
    ValueTriangle Triangle,
    string BottleneckTag,
    FundRequestStatus Status,
    FundStep? Decision,
    FundStep? Payout,
    FundEvaluation? Evaluation,
    FundSettlement? Settlement)
{
    public const int MaxShortLength = 200;
    public const int MaxCaseLength = 1000;
    public const int MaxTextLength = 4000;

    /// <summary>Days the secretariat has to pay after approving.</summary>
    public const int PayoutDays = 7;

    /// <summary>The most one request may ask: the source's cases run from € 75 to almost € 3.000, Zaanstad's to € 8.000.</summary>
    public static Money MaxAmount { get; } = Money.FromEuros(10_000);

    public bool IsUnique => ResponsiblePartner is null;

    /// <summary>The last day to pay an approved request (Dutch calendar); null before approval or after a refusal.</summary>
    public DateOnly? PayoutDue =>
        Decision is { } decision && Status is not (FundRequestStatus.Requested or FundRequestStatus.Refused)
            ? AmsterdamTime.DayOf(decision.At).AddDays(PayoutDays)
            : null;

    /// <summary>Approved, not paid, and past its due date.</summary>
    public bool IsPayoutLate(DateOnly today) => Status == FundRequestStatus.Approved && PayoutDue < today;

    /// <summary>What was asked, without the secretariat's steps: what may never change once requested.</summary>
    public bool SameRequestAs(FundRequest other) =>
        Without(this) == Without(other) && SameFigures(Triangle.SocialReturn, other.Triangle.SocialReturn);

    private static FundRequest Without(FundRequest r) =>
        r with { Status = FundRequestStatus.Requested, Decision = null, Payout = null, Evaluation = null, Settlement = null, Triangle = r.Triangle with { SocialReturn = null } };

    private static bool SameFigures(SocialReturn? a, SocialReturn? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.OwnCost == b.OwnCost && a.AvoidedCost == b.AvoidedCost && a.NetReturn == b.NetReturn && a.Ratio == b.Ratio
              && a.HorizonMonths == b.HorizonMonths && a.CostTableVersion == b.CostTableVersion && a.Routes.SequenceEqual(b.Routes);
}

/// <summary>
/// A repayment into the fund by a partner for a settled request, recorded by the secretariat as it arrives; its own
/// row that is only ever added.
/// </summary>
public sealed record FundRepayment(Id<FundRepayment> Id, Id<FundRequest> RequestId, string Partner, Money Amount, DateOnly ReceivedOn, Id<Worker> RecordedBy, DateTimeOffset RecordedAt);
