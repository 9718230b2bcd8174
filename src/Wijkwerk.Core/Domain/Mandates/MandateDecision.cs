using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Mandates;

/// <summary>Who must carry the decision out: the department and a contact person there.</summary>
public sealed record DecisionExecutor(string Department, string Contact);

/// <summary>How the decision was carried out, as found at the follow-up.</summary>
public enum FollowUpResult
{
    CarriedOut,
    Partly,
    NotCarriedOut,
}

/// <summary>The look back at the follow-up date: recorded once, by a team leader.</summary>
public sealed record DecisionFollowUp(FollowUpResult Result, string HowItEnded, DateTimeOffset At, Id<Worker> By);

/// <summary>
/// A mandate decision (mandaatbesluit): a team leader overrides a department's rule for one client. Once recorded
/// its fields never change; only the follow-up is added later, and a correction is a <see cref="DecisionAddendum"/>.
/// </summary>
/// <param name="DecidedAt">When the team leader recorded it (UTC).</param>
/// <param name="RefusedBefore">What the department refused or blocked before the mandate was used.</param>
/// <param name="BottleneckTag">The rule or organisation that obstructs, short, so recurring bottlenecks show.</param>
public sealed record MandateDecision(
    Id<MandateDecision> Id,
    Id<Client> ClientId,
    Id<Worker> DecidedBy,
    Id<Mandate> MandateId,
    DateTimeOffset DecidedAt,
    string Department,
    string RuleOverridden,
    string RefusedBefore,
    string Decision,
    DecisionExecutor CarriedOutBy,
    ValueTriangle Triangle,
    string BottleneckTag,
    DateOnly FollowUpOn,
    DecisionFollowUp? FollowUp)
{
    public const int MaxShortLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The decision as recorded, without its follow-up: what may never change.</summary>
    public bool SameRecordAs(MandateDecision other) =>
        this with { FollowUp = null, Triangle = Triangle with { SocialReturn = null } } == other with { FollowUp = null, Triangle = other.Triangle with { SocialReturn = null } }
        && SameFigures(Triangle.SocialReturn, other.Triangle.SocialReturn);

    private static bool SameFigures(SocialReturn? a, SocialReturn? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.OwnCost == b.OwnCost && a.AvoidedCost == b.AvoidedCost && a.NetReturn == b.NetReturn && a.Ratio == b.Ratio
              && a.HorizonMonths == b.HorizonMonths && a.CostTableVersion == b.CostTableVersion && a.Routes.SequenceEqual(b.Routes);
}

/// <summary>A correction or later note to a recorded decision: added, never edited or removed.</summary>
public sealed record DecisionAddendum(Id<DecisionAddendum> Id, Id<MandateDecision> DecisionId, string Text, DateTimeOffset At, Id<Worker> By)
{
    public const int MaxTextLength = 4000;
}
