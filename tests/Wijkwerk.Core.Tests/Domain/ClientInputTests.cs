using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class ClientInputTests
{
    private static readonly DateOnly Today = new(2026, 3, 14);
    private static readonly Id<Client> AnId = Id<Client>.New(new FakeClock());

    private static ClientInput Good() => new(
        FirstName: "Anna",
        Surname: "van der Berg",
        BirthDate: "12-05-1941",
        Postcode: "5211 ab",
        HouseNumber: "12",
        Addition: "a",
        Phone: "+31 6 1234 5678",
        Bsn: "1234.56.782",
        Notes: "  Woont alleen, dochter komt wekelijks.  ");

    private static Problem Only(IReadOnlyList<Problem> problems, string field)
    {
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        return problem;
    }

    [Fact]
    public void Validate_GoodInput_GivesNormalisedClient()
    {
        var (client, problems) = Good().Validate(AnId, Today);

        Assert.Empty(problems);
        Assert.NotNull(client);
        Assert.Equal(AnId, client.Id);
        Assert.Equal("Anna", client.Name.FirstName);
        Assert.Equal("van der", client.Name.Prefix);
        Assert.Equal("Berg", client.Name.Surname);
        Assert.Equal(new DateOnly(1941, 5, 12), client.BirthDate);
        Assert.Equal("5211 AB", client.Address.Postcode.Value);
        Assert.Equal(12, client.Address.HouseNumber);
        Assert.Equal("A", client.Address.Addition);
        Assert.Equal("0612345678", client.Phone?.Value);
        Assert.Equal("123456782", client.Bsn?.Digits);
        Assert.Equal("Woont alleen, dochter komt wekelijks.", client.Notes);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryFieldAtOnce()
    {
        var input = new ClientInput("", "", "31-02-2000", "0123 AB", "nul", "toolongaddition", "06-123", "123456789");

        var (client, problems) = input.Validate(AnId, Today);

        Assert.Null(client);
        Assert.Equal(
            ["voornaam", "achternaam", "geboortedatum", "postcode", "huisnummer", "toevoeging", "telefoon", "bsn"],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_AddressFieldsAllWrong_ReportsEachAddressField()
    {
        var (_, problems) = (Good() with { Postcode = "", HouseNumber = "", Addition = "#1" }).Validate(AnId, Today);

        Assert.Equal(["postcode", "huisnummer", "toevoeging"], problems.Select(p => p.Field));
        Assert.Equal([TextId.FieldRequired, TextId.FieldRequired, TextId.AdditionShape], problems.Select(p => p.Text));
    }

    [Fact]
    public void Validate_BothNamesMissing_ReportsBoth()
    {
        var (_, problems) = (Good() with { FirstName = " ", Surname = null }).Validate(AnId, Today);

        Assert.Equal(["voornaam", "achternaam"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("voornaam")]
    [InlineData("achternaam")]
    [InlineData("geboortedatum")]
    [InlineData("postcode")]
    [InlineData("huisnummer")]
    [InlineData("toevoeging")]
    [InlineData("telefoon")]
    [InlineData("bsn")]
    public void Validate_OneFieldWrong_ReportsJustThatField(string field)
    {
        var input = field switch
        {
            "voornaam" => Good() with { FirstName = "" },
            "achternaam" => Good() with { Surname = "" },
            "geboortedatum" => Good() with { BirthDate = "gisteren" },
            "postcode" => Good() with { Postcode = "1234 SS" },
            "huisnummer" => Good() with { HouseNumber = "0" },
            "toevoeging" => Good() with { Addition = "a/b" },
            "telefoon" => Good() with { Phone = "bel niet" },
            "bsn" => Good() with { Bsn = "123456789" },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var (client, problems) = input.Validate(AnId, Today);

        Assert.Null(client);
        Only(problems, field);
    }

    [Fact]
    public void Validate_BirthDateTomorrow_IsInFuture()
    {
        var (_, problems) = (Good() with { BirthDate = "15-03-2026" }).Validate(AnId, Today);

        Assert.Equal(TextId.DateInFuture, Only(problems, "geboortedatum").Text);
    }

    [Fact]
    public void Validate_BirthDateToday_IsAccepted()
    {
        var (client, _) = (Good() with { BirthDate = "2026-03-14" }).Validate(AnId, Today);

        Assert.Equal(Today, client?.BirthDate);
    }

    [Fact]
    public void Validate_BirthDateBefore1900_IsTooEarly()
    {
        var (_, problems) = (Good() with { BirthDate = "31-12-1899" }).Validate(AnId, Today);

        var problem = Only(problems, "geboortedatum");
        Assert.Equal(TextId.DateTooEarly, problem.Text);
        Assert.Equal(["01-01-1900"], problem.Args);
    }

    [Fact]
    public void Validate_BirthDateFirstDayOf1900_IsAccepted()
    {
        var (client, _) = (Good() with { BirthDate = "01-01-1900" }).Validate(AnId, Today);

        Assert.Equal(new DateOnly(1900, 1, 1), client?.BirthDate);
    }

    [Theory]
    [InlineData("12-05-1941")]
    [InlineData("1941-05-12")]
    [InlineData("12-5-1941")]
    [InlineData(" 1941-05-12 ")]
    public void Validate_BirthDateInEitherFormat_GivesSameDate(string text)
    {
        var (client, _) = (Good() with { BirthDate = text }).Validate(AnId, Today);

        Assert.Equal(new DateOnly(1941, 5, 12), client?.BirthDate);
    }

    [Theory]
    [InlineData("05/12/1941")]
    [InlineData("1941-13-01")]
    [InlineData("30-02-1941")]
    [InlineData("12 mei 1941")]
    [InlineData("19410512")]
    public void Validate_BirthDateUnreadable_IsDateShapeEchoingTheText(string text)
    {
        var (_, problems) = (Good() with { BirthDate = text }).Validate(AnId, Today);

        var problem = Only(problems, "geboortedatum");
        Assert.Equal(TextId.DateShape, problem.Text);
        Assert.Equal([text], problem.Args);
    }

    [Fact]
    public void Validate_BirthDateMissing_IsRequired()
    {
        var (_, problems) = (Good() with { BirthDate = null }).Validate(AnId, Today);

        Assert.Equal(TextId.FieldRequired, Only(problems, "geboortedatum").Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoPhoneAndNoBsn_IsFine(string? empty)
    {
        var (client, problems) = (Good() with { Phone = empty, Bsn = empty }).Validate(AnId, Today);

        Assert.Empty(problems);
        Assert.NotNull(client);
        Assert.Null(client.Phone);
        Assert.Null(client.Bsn);
    }

    [Fact]
    public void Validate_NotesOverLimit_IsTooLong()
    {
        var (_, problems) = (Good() with { Notes = new string('x', Client.MaxNotesLength + 1) }).Validate(AnId, Today);

        Assert.Equal(TextId.TooLong, Only(problems, "notities").Text);
    }

    [Fact]
    public void Validate_NoNotes_GivesEmptyNotes()
    {
        var (client, _) = (Good() with { Notes = null }).Validate(AnId, Today);

        Assert.Equal("", client?.Notes);
    }

    [Fact]
    public void Validate_ExplicitPrefixField_DoesNotSplitSurname()
    {
        var (client, _) = (Good() with { SurnamePrefix = "", Surname = "Van Dam" }).Validate(AnId, Today);

        Assert.Equal("", client?.Name.Prefix);
        Assert.Equal("Van Dam", client?.Name.Surname);
    }

    [Fact]
    public void Validate_ExplicitPrefixField_IsUsed()
    {
        var (client, _) = (Good() with { SurnamePrefix = "de", Surname = "Vries" }).Validate(AnId, Today);

        Assert.Equal("Anna de Vries", client?.Name.Full);
    }

    [Theory]
    [InlineData("van der Berg", "12", "a", "+31 6 1234 5678", "1234.56.782")]
    [InlineData("Jansen", "1", "", "", "")]
    [InlineData("de Vries", "99999", "hs-2", "+32 470 12 34 56", "111222333")]
    [InlineData("Van", "7", "bis", "0031 73 1234567", null)]
    public void From_ValidClient_ValidatesToEqualClient(string surname, string number, string addition, string? phone, string? bsn)
    {
        var input = Good() with { Surname = surname, HouseNumber = number, Addition = addition, Phone = phone, Bsn = bsn };
        var (original, problems) = input.Validate(AnId, Today);
        Assert.Empty(problems);

        var (again, problemsAgain) = ClientInput.From(original!).Validate(AnId, Today);

        Assert.Empty(problemsAgain);
        Assert.Equal(original, again);
    }
}
