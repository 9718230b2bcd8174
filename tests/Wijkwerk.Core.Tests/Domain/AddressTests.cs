using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class AddressTests
{
    [Theory]
    [InlineData("1", "", "1234 AB 1")]
    [InlineData(" 12 ", " a ", "1234 AB 12 A")]
    [InlineData("99999", "hs-2", "1234 AB 99999 HS-2")]
    [InlineData("7", "3 hg", "1234 AB 7 3 HG")]
    public void Create_ValidParts_NormalisesAndShows(string number, string addition, string shown)
    {
        var address = ParsedAssert.Valid(Address.Create("1234ab", number, addition));

        Assert.Equal(shown, address.ToString());
    }

    [Fact]
    public void Create_NullAddition_IsEmpty()
    {
        var address = ParsedAssert.Valid(Address.Create("1234 AB", "5", null));

        Assert.Equal("", address.Addition);
        Assert.Equal("5", address.HouseNumberText);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000")]
    [InlineData("12a")]
    [InlineData("twaalf")]
    [InlineData("1.5")]
    public void Create_HouseNumberOutOfRangeOrNotANumber_IsRefused(string number)
    {
        var problem = ParsedAssert.Invalid(Address.Create("1234 AB", number, ""), "huisnummer", TextId.HouseNumberShape);

        Assert.Equal([Address.MaxHouseNumber], problem.Args);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Create_NoHouseNumber_IsRequired(string? number)
    {
        ParsedAssert.Invalid(Address.Create("1234 AB", number, ""), "huisnummer", TextId.FieldRequired);
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("a/b")]
    [InlineData("bis!")]
    [InlineData("ä")]
    public void Create_AdditionTooLongOrOddCharacters_IsRefused(string addition)
    {
        ParsedAssert.Invalid(Address.Create("1234 AB", "1", addition), "toevoeging", TextId.AdditionShape);
    }

    [Fact]
    public void Create_AdditionAtLimit_IsAccepted()
    {
        ParsedAssert.Valid(Address.Create("1234 AB", "1", "abcdef"));
    }

    [Fact]
    public void Create_BadPostcode_ReportsPostcode()
    {
        ParsedAssert.Invalid(Address.Create("1234 SA", "1", ""), "postcode", TextId.PostcodeLettersUnused);
    }

    [Fact]
    public void Check_AllPartsWrong_ReportsEachPartInOrder()
    {
        var problems = Address.Check("12", "0", "toolong!");

        Assert.Equal(
            [("postcode", TextId.PostcodeShape), ("huisnummer", TextId.HouseNumberShape), ("toevoeging", TextId.AdditionShape)],
            problems.Select(p => (p.Field, p.Text)));
    }

    [Fact]
    public void Check_ValidParts_ReportsNothing()
    {
        Assert.Empty(Address.Check("1234 AB", "1", "a"));
    }
}
