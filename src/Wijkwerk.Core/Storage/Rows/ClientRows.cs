using System.Globalization;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>Every client column is sealed: name, birth date and address together identify a person.</summary>
internal static class ClientRows
{
    public const string Table = "clients";

    public static TableRow ToRow(Client c) => new TableRow(Table, c.Id.ToString())
        .Secret("first_name", c.Name.FirstName)
        .Secret("surname_prefix", c.Name.Prefix)
        .Secret("surname", c.Name.Surname)
        .Secret("birth_date", DateText.Iso(c.BirthDate))
        .Secret("postcode", c.Address.Postcode.Value)
        .Secret("house_number", c.Address.HouseNumber.ToString(CultureInfo.InvariantCulture))
        .Secret("addition", c.Address.Addition)
        .Secret("phone", c.Phone?.Value ?? "")
        .Secret("bsn", c.Bsn?.Digits ?? "")
        .Secret("notes", c.Notes);

    public static PersonName NameFromRow(RowReader r) =>
        PersonName.Create(r.Secret("first_name"), r.Secret("surname_prefix"), r.Secret("surname")).Value;

    public static Client FromRow(RowReader r)
    {
        var phone = r.Secret("phone");
        var bsn = r.Secret("bsn");
        return new Client(
            new Id<Client>(Guid.Parse(r.Id)),
            NameFromRow(r),
            DateText.Parse(r.Secret("birth_date"), "geboortedatum").Value,
            Address.Create(r.Secret("postcode"), r.Secret("house_number"), r.Secret("addition")).Value,
            phone.Length == 0 ? null : PhoneNumber.Parse(phone).Value,
            bsn.Length == 0 ? null : Bsn.Parse(bsn).Value,
            r.Secret("notes"));
    }
}
