using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Clients;

public enum HouseholdRelation
{
    Partner,
    Child,
    Parent,
    Housemate,
    Other,
}

/// <summary>Someone who lives with the client. The name is free text: household members are rarely registered clients.</summary>
public sealed record HouseholdMember(
    Id<HouseholdMember> Id,
    Id<Client> ClientId,
    string Name,
    HouseholdRelation Relation,
    DateOnly? BirthDate);
