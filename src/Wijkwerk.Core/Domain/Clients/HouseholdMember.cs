using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

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
    DateOnly? BirthDate)
{
    public const int MaxNameLength = 200;

    public static Parsed<HouseholdMember> Record(
        Id<HouseholdMember> id, Id<Client> clientId, string? name, HouseholdRelation relation, DateOnly? birthDate, DateOnly today)
    {
        var text = (name ?? "").Trim();
        if (text.Length == 0)
            return Parsed<HouseholdMember>.Fail("naam", TextId.FieldRequired);
        if (text.Length > MaxNameLength)
            return Parsed<HouseholdMember>.Fail("naam", TextId.TooLong, MaxNameLength);
        if (!Enum.IsDefined(relation))
            return Parsed<HouseholdMember>.Fail("relatie", TextId.UnknownCode, relation);
        if (birthDate > today)
            return Parsed<HouseholdMember>.Fail("geboortedatum", TextId.DateInFuture);
        return Parsed<HouseholdMember>.Ok(new HouseholdMember(id, clientId, text, relation, birthDate));
    }
}
