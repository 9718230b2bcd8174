using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class PersonNameTests
{
    [Theory]
    [InlineData("van der Berg", "van der", "Berg")]
    [InlineData("de Vries", "de", "Vries")]
    [InlineData("van den Heuvel", "van den", "Heuvel")]
    [InlineData("in 't Veld", "in 't", "Veld")]
    [InlineData("ten Cate", "ten", "Cate")]
    [InlineData("el Amrani", "el", "Amrani")]
    [InlineData("Jansen", "", "Jansen")]
    [InlineData("van Beek-de Jong", "van", "Beek-de Jong")]
    [InlineData("  van   der    Berg ", "van der", "Berg")]
    public void FromFullSurname_LeadingPrefixWords_SplitOff(string full, string prefix, string surname)
    {
        var name = ParsedAssert.Valid(PersonName.FromFullSurname("Anna", full));

        Assert.Equal(prefix, name.Prefix);
        Assert.Equal(surname, name.Surname);
    }

    [Theory]
    [InlineData("Van")]
    [InlineData("van")]
    [InlineData("de")]
    [InlineData("Ten")]
    public void FromFullSurname_SingleWordThatIsAPrefixWord_StaysTheSurname(string full)
    {
        var name = ParsedAssert.Valid(PersonName.FromFullSurname("Anna", full));

        Assert.Equal("", name.Prefix);
        Assert.Equal(full, name.Surname);
    }

    [Fact]
    public void FromFullSurname_OnlyPrefixWords_KeepsLastWordAsSurname()
    {
        var name = ParsedAssert.Valid(PersonName.FromFullSurname("Anna", "van de"));

        Assert.Equal("van", name.Prefix);
        Assert.Equal("de", name.Surname);
    }

    [Fact]
    public void FromFullSurname_PrefixWordAfterSurname_IsNotSplit()
    {
        var name = ParsedAssert.Valid(PersonName.FromFullSurname("Anna", "Berg van der"));

        Assert.Equal("", name.Prefix);
        Assert.Equal("Berg van der", name.Surname);
    }

    [Fact]
    public void Full_WithPrefix_ReadsFirstPrefixSurname()
    {
        var name = PersonName.FromFullSurname("Anna", "van der Berg").Value;

        Assert.Equal("Anna van der Berg", name.Full);
        Assert.Equal("Berg, Anna van der", name.SortForm);
    }

    [Fact]
    public void Full_WithoutPrefix_HasNoDoubleSpace()
    {
        var name = PersonName.FromFullSurname("Piet", "Jansen").Value;

        Assert.Equal("Piet Jansen", name.Full);
        Assert.Equal("Jansen, Piet", name.SortForm);
    }

    [Fact]
    public void SortForm_ListOfNames_SortsOnSurnameWithoutPrefix()
    {
        var names = new[] { ("Anna", "van der Berg"), ("Bart", "Aalders"), ("Carla", "de Vries"), ("Dirk", "Cornelissen") }
            .Select(n => PersonName.FromFullSurname(n.Item1, n.Item2).Value);

        var sorted = names.OrderBy(n => n.SortForm, StringComparer.Ordinal).Select(n => n.Surname);

        Assert.Equal(["Aalders", "Berg", "Cornelissen", "Vries"], sorted);
    }

    [Fact]
    public void Create_ExplicitPrefix_TakesSurnameAsTyped()
    {
        var name = ParsedAssert.Valid(PersonName.Create("  Anna ", " van  der ", "Berg  "));

        Assert.Equal("Anna", name.FirstName);
        Assert.Equal("van der", name.Prefix);
        Assert.Equal("Berg", name.Surname);
    }

    [Fact]
    public void Create_InnerWhitespace_CollapsesToSingleSpaces()
    {
        var name = ParsedAssert.Valid(PersonName.Create("Anna\t Maria", null, "Beek  -  de Jong"));

        Assert.Equal("Anna Maria", name.FirstName);
        Assert.Equal("Beek - de Jong", name.Surname);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_NoFirstName_IsRequired(string? first)
    {
        ParsedAssert.Invalid(PersonName.Create(first, "", "Jansen"), "voornaam", TextId.FieldRequired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_NoSurname_IsRequired(string? surname)
    {
        ParsedAssert.Invalid(PersonName.Create("Piet", "van", surname), "achternaam", TextId.FieldRequired);
    }

    [Fact]
    public void FromFullSurname_Empty_IsRequired()
    {
        ParsedAssert.Invalid(PersonName.FromFullSurname("Piet", "  "), "achternaam", TextId.FieldRequired);
    }

    [Fact]
    public void Create_FirstNameAtLimit_IsAccepted()
    {
        ParsedAssert.Valid(PersonName.Create(new string('a', PersonName.MaxPartLength), "", "Jansen"));
    }

    [Fact]
    public void Create_FirstNameOverLimit_IsTooLong()
    {
        var problem = ParsedAssert.Invalid(PersonName.Create(new string('a', PersonName.MaxPartLength + 1), "", "Jansen"), "voornaam", TextId.TooLong);

        Assert.Equal([PersonName.MaxPartLength], problem.Args);
    }

    [Fact]
    public void Create_SurnameOverLimit_IsTooLong()
    {
        ParsedAssert.Invalid(PersonName.Create("Piet", "", new string('b', PersonName.MaxPartLength + 1)), "achternaam", TextId.TooLong);
    }

    [Fact]
    public void Create_PrefixAndSurnameTogetherOverLimit_IsTooLong()
    {
        ParsedAssert.Invalid(PersonName.Create("Piet", "van der", new string('b', PersonName.MaxPartLength - 5)), "achternaam", TextId.TooLong);
    }

    [Fact]
    public void Equality_SameParts_AreEqual()
    {
        Assert.Equal(PersonName.FromFullSurname("Anna", "van der Berg").Value, PersonName.Create("Anna", "van der", "Berg").Value);
        Assert.NotEqual(PersonName.Create("Anna", "", "van der Berg").Value, PersonName.Create("Anna", "van der", "Berg").Value);
    }

    [Fact]
    public void Check_BothPartsWrong_ReportsBothInFieldOrder()
    {
        var problems = PersonName.Check(new string('a', PersonName.MaxPartLength + 1), "van", " ");

        Assert.Equal([("voornaam", TextId.TooLong), ("achternaam", TextId.FieldRequired)], problems.Select(p => (p.Field, p.Text)));
    }

    [Fact]
    public void Check_ValidParts_ReportsNothing()
    {
        Assert.Empty(PersonName.Check("Anna", "van der", "Berg"));
    }

    [Theory]
    [InlineData("van der Berg", "van der", "Berg")]
    [InlineData("Van", "", "Van")]
    [InlineData(null, "", "")]
    public void SplitSurname_FullSurname_GivesPrefixAndSurname(string? full, string prefix, string surname)
    {
        Assert.Equal((prefix, surname), PersonName.SplitSurname(full));
    }
}
