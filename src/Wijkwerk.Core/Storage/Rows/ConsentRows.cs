using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Storage.Rows;

internal static class ConsentRows
{
    public const string Table = "consents";

    public static TableRow ToRow(Consent c) => new TableRow(Table, c.Id.ToString())
        .Plain("client_id", c.ClientId.ToString())
        .Secret("purpose", c.Purpose)
        .Plain("status", c.Status.ToString())
        .Secret("reason", c.Reason)
        .Plain("date", DateText.Iso(c.Date))
        .Plain("recorded_by", c.RecordedBy.ToString());

    public static Consent FromRow(RowReader r) => new(
        new Id<Consent>(Guid.Parse(r.Id)),
        new Id<Client>(Guid.Parse(r.Text("client_id"))),
        r.Secret("purpose"),
        Enum.Parse<ConsentStatus>(r.Text("status")),
        r.Secret("reason"),
        DateText.Parse(r.Text("date"), "datum").Value,
        new Id<Worker>(Guid.Parse(r.Text("recorded_by"))));
}

internal static class HouseholdRows
{
    public const string Table = "household_members";

    public static TableRow ToRow(HouseholdMember m) => new TableRow(Table, m.Id.ToString())
        .Plain("client_id", m.ClientId.ToString())
        .Secret("name", m.Name)
        .Plain("relation", m.Relation.ToString())
        .Secret("birth_date", m.BirthDate is { } d ? DateText.Iso(d) : "");

    public static HouseholdMember FromRow(RowReader r)
    {
        var birth = r.Secret("birth_date");
        return new HouseholdMember(
            new Id<HouseholdMember>(Guid.Parse(r.Id)),
            new Id<Client>(Guid.Parse(r.Text("client_id"))),
            r.Secret("name"),
            Enum.Parse<HouseholdRelation>(r.Text("relation")),
            birth.Length == 0 ? null : DateText.Parse(birth, "geboortedatum").Value);
    }
}
