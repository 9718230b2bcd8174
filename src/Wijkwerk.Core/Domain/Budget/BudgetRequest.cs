using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Budget;

/// <summary>What a spend is for: the fixed list the team counts recurring bottlenecks by.</summary>
public enum BudgetCategory
{
    Housing,
    Energy,
    DentalCare,
    IdentityDocuments,
    Work,
    Transport,
    Debts,
    Household,
    Other,
}

/// <summary>
/// Where a request stands: requested → approved (by the server's count of three colleagues) → paid; or it ends as
/// alternative found, withdrawn by the requester, or refused by a team leader.
/// </summary>
public enum BudgetRequestStatus
{
    Requested,
    Approved,
    Paid,
    AlternativeFound,
    Withdrawn,
    Refused,
}

/// <summary>The supplier paid in kind: the money goes to them, never to the resident.</summary>
public sealed record InKindSupplier(string Name, string InvoiceReference);

/// <summary>
/// How a request ended after its approval or instead of it: when, by whom, and a note — the payment's reference,
/// the alternative that was found, why it was withdrawn or refused.
/// </summary>
public sealed record BudgetOutcome(DateTimeOffset At, Id<Worker> By, string Note);

/// <summary>
/// A minimaatwerk budget request (minimaatwerkbudget): a team member asks to spend a small amount in kind for a
/// client; three colleagues of the same team approve. What was asked never changes after it is made; only the
/// status moves, with <see cref="ApprovedAt"/> set by the server and <see cref="Outcome"/> by whoever closes it.
/// </summary>
/// <param name="Team">The team whose budget pays: the requester's team that holds the client.</param>
/// <param name="WhyNoRegularRoute">Which voorliggende voorzieningen were tried and why none fits.</param>
/// <param name="BottleneckTag">The rule or organisation that obstructs, short, so recurring bottlenecks show.</param>
public sealed record BudgetRequest(
    Id<BudgetRequest> Id,
    Id<Client> ClientId,
    string Team,
    Id<Worker> RequestedBy,
    DateTimeOffset RequestedAt,
    string What,
    InKindSupplier Supplier,
    Money Amount,
    BudgetCategory Category,
    string WhyNoRegularRoute,
    ValueTriangle Triangle,
    string BottleneckTag,
    BudgetRequestStatus Status,
    DateTimeOffset? ApprovedAt,
    BudgetOutcome? Outcome)
{
    public const int MaxShortLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>Approved and not yet paid: what the ledger counts as committed.</summary>
    public bool IsCommitted => Status == BudgetRequestStatus.Approved;

    /// <summary>Still open for votes, withdrawal or a team leader's refusal.</summary>
    public bool IsOpen => Status == BudgetRequestStatus.Requested;

    /// <summary>What was asked, without where it stands: what may never change once requested.</summary>
    public bool SameRequestAs(BudgetRequest other) =>
        Without(this) == Without(other) && SameFigures(Triangle.SocialReturn, other.Triangle.SocialReturn);

    private static BudgetRequest Without(BudgetRequest r) =>
        r with { Status = BudgetRequestStatus.Requested, ApprovedAt = null, Outcome = null, Triangle = r.Triangle with { SocialReturn = null } };

    private static bool SameFigures(SocialReturn? a, SocialReturn? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.OwnCost == b.OwnCost && a.AvoidedCost == b.AvoidedCost && a.NetReturn == b.NetReturn && a.Ratio == b.Ratio
              && a.HorizonMonths == b.HorizonMonths && a.CostTableVersion == b.CostTableVersion && a.Routes.SequenceEqual(b.Routes);
}

/// <summary>A colleague's answer to a request: approve it, or propose an alternative (a fund, a solution that costs nothing).</summary>
public enum VoteKind
{
    Approve,
    Alternative,
}

/// <summary>
/// One colleague's vote on a request, its own row that is only ever added: two colleagues voting offline never
/// touch the same row, so they never conflict. <see cref="Alternative"/> says what the alternative was.
/// </summary>
public sealed record BudgetVote(Id<BudgetVote> Id, Id<BudgetRequest> RequestId, Id<Worker> Voter, DateTimeOffset At, VoteKind Kind, string Alternative)
{
    public const int MaxAlternativeLength = 4000;
}
