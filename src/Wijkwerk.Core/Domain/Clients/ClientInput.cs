using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Clients;

/// <summary>
/// A client as typed in a form or read from an import line: raw text, checked all at once so a
/// person sees every problem in one go instead of one per attempt.
/// </summary>
public sealed record ClientInput(
    string? FirstName,
    string? Surname,
    string? BirthDate,
    string? Postcode,
    string? HouseNumber,
    string? Addition,
    string? Phone,
    string? Bsn,
    string? Notes = null,
    string? SurnamePrefix = null)
{
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>Returns the client, or every problem found.</summary>
    public (Client? Client, IReadOnlyList<Problem> Problems) Validate(Id<Client> id, DateOnly today)
    {
        var problems = new List<Problem>();

        // With an explicit prefix field the surname is taken as typed; otherwise "van der Berg" is split.
        var (prefix, surname) = SurnamePrefix is null ? PersonName.SplitSurname(Surname) : (SurnamePrefix, Surname);
        var name = PersonName.Create(FirstName, prefix, surname);
        problems.AddRange(PersonName.Check(FirstName, prefix, surname));

        var birth = DateText.Parse(BirthDate, "geboortedatum");
        if (birth.IsValid && birth.Value > today)
            birth = Parsed<DateOnly>.Fail("geboortedatum", TextId.DateInFuture);
        else if (birth.IsValid && birth.Value < EarliestBirthDate)
            birth = Parsed<DateOnly>.Fail("geboortedatum", TextId.DateTooEarly, DateText.Show(EarliestBirthDate));
        Collect(birth, problems);

        var address = Address.Create(Postcode, HouseNumber, Addition);
        problems.AddRange(Address.Check(Postcode, HouseNumber, Addition));

        var phone = Optional(Phone, text => PhoneNumber.Parse(text), problems);
        var bsn = Optional(Bsn, text => Clients.Bsn.Parse(text), problems);

        var notes = (Notes ?? "").Trim();
        if (notes.Length > Client.MaxNotesLength)
            problems.Add(new Problem("notities", TextId.TooLong, Client.MaxNotesLength));

        if (problems.Count > 0)
            return (null, problems);
        return (new Client(id, name.Value, birth.Value, address.Value, phone, bsn, notes), problems);
    }

    public static ClientInput From(Client client) => new(
        client.Name.FirstName,
        client.Name.Surname,
        DateText.Show(client.BirthDate),
        client.Address.Postcode.Value,
        client.Address.HouseNumber.ToString(),
        client.Address.Addition,
        client.Phone?.Value,
        client.Bsn?.Digits,
        client.Notes,
        client.Name.Prefix);

    private static void Collect<T>(Parsed<T> parsed, List<Problem> problems)
    {
        if (!parsed.IsValid)
            problems.Add(parsed.Problem);
    }

    private static T? Optional<T>(string? text, Func<string, Parsed<T>> parse, List<Problem> problems)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parsed = parse(text);
        Collect(parsed, problems);
        return parsed.IsValid ? parsed.Value : null;
    }
}
