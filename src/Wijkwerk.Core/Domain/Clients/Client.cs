using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>A resident (inwoner) on the team's caseload.</summary>
public sealed record Client(
    Id<Client> Id,
    PersonName Name,
    DateOnly BirthDate,
    Address Address,
    PhoneNumber? Phone,
    Bsn? Bsn,
    string Notes)
{
    public const int MaxNotesLength = 4000;
}
