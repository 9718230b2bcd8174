using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Escalations;

/// <summary>Where a stuck case goes, in order: the multidisciplinary case team, then the Maatwerkloket and on to the Landelijk Escalatie Team.</summary>
public enum EscalationLevel
{
    CaseTeam = 1,
    Maatwerkloket = 2,
    LandelijkEscalatieTeam = 3,
}

/// <summary>
/// A case taken past the team: to which level, why, what was tried, with which parties, when to look again, and how it
/// ended. A case goes up one level at a time and never back down; a closed escalation says its outcome.
/// </summary>
public sealed record Escalation(
    Id<Escalation> Id,
    Id<Client> ClientId,
    EscalationLevel Level,
    string Reason,
    string Tried,
    string Parties,
    DateOnly RaisedOn,
    DateOnly FollowUpOn,
    Id<Worker> RaisedBy,
    string BottleneckTag,
    DateOnly? ClosedOn = null,
    string Outcome = "")
{
    public const int MaxShortLength = 200;
    public const int MaxTextLength = 4000;

    public bool IsOpen => ClosedOn is null;

    public bool FollowUpDue(DateOnly today) => IsOpen && today >= FollowUpOn;
}
