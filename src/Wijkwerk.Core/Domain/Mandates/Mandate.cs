using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Mandates;

/// <summary>Whether a mandate can be used on a given day.</summary>
public enum MandateState
{
    Valid,
    NotYetValid,
    Expired,
    Revoked,
}

/// <summary>
/// A team leader's mandate to decide across departments, granted by the administrator for a period
/// (both days included); a revocation ends it at once.
/// </summary>
public sealed record Mandate(Id<Mandate> Id, Id<Worker> Worker, IReadOnlyList<string> Departments, DateOnly ValidFrom, DateOnly ValidUntil, DateTimeOffset? RevokedAt)
{
    public MandateState StateOn(DateOnly day) =>
        RevokedAt is not null ? MandateState.Revoked
        : day < ValidFrom ? MandateState.NotYetValid
        : day > ValidUntil ? MandateState.Expired
        : MandateState.Valid;

    public bool Covers(string department) => Departments.Any(d => Department.SameName(d, department));
}
