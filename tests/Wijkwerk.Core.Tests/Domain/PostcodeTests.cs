using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class PostcodeTests
{
    [Theory]
    [InlineData("1234AB", "1234 AB")]
    [InlineData("1234 AB", "1234 AB")]
    [InlineData("1234 ab", "1234 AB")]
    [InlineData("1234aB", "1234 AB")]
    [InlineData("  1234 ab  ", "1234 AB")]
    [InlineData("\t5211CD\n", "5211 CD")]
    [InlineData("9999 ZZ", "9999 ZZ")]
    [InlineData("1000 AA", "1000 AA")]
    public void Parse_ValidForm_NormalisesToFourDigitsSpaceTwoCapitals(string text, string expected)
    {
        var postcode = ParsedAssert.Valid(Postcode.Parse(text));

        Assert.Equal(expected, postcode.Value);
        Assert.Equal(expected, postcode.ToString());
    }

    [Fact]
    public void Parse_DifferentSpellings_GiveEqualValues()
    {
        Assert.Equal(Postcode.Parse("1234ab").Value, Postcode.Parse(" 1234 AB ").Value);
    }

    [Theory]
    [InlineData("0123 AB")]
    [InlineData("0999AB")]
    public void Parse_LeadingZero_IsRefused(string text)
    {
        ParsedAssert.Invalid(Postcode.Parse(text), "postcode", TextId.PostcodeShape);
    }

    [Theory]
    [InlineData("123 AB")]
    [InlineData("12345 AB")]
    [InlineData("1234 A")]
    [InlineData("1234 ABC")]
    [InlineData("1234")]
    [InlineData("AB")]
    [InlineData("1234-AB")]
    [InlineData("AB 1234")]
    [InlineData("12A4 BC")]
    [InlineData("1234 A1")]
    [InlineData("1234 ÄB")]
    [InlineData("１２３４ AB")]
    public void Parse_WrongShape_IsRefused(string text)
    {
        ParsedAssert.Invalid(Postcode.Parse(text), "postcode", TextId.PostcodeShape);
    }

    [Theory]
    [InlineData("1234 SA", "SA")]
    [InlineData("1234sd", "SD")]
    [InlineData("5000 ss", "SS")]
    public void Parse_UnissuedLetterPair_IsRefusedNamingTheLetters(string text, string letters)
    {
        var problem = ParsedAssert.Invalid(Postcode.Parse(text), "postcode", TextId.PostcodeLettersUnused);

        Assert.Equal([letters], problem.Args);
        Assert.Contains(letters, problem.Describe(Lang.Nl));
    }

    [Theory]
    [InlineData("1234 SB")]
    [InlineData("1234 AS")]
    [InlineData("1234 DS")]
    public void Parse_LetterPairNearUnissuedOne_IsAccepted(string text)
    {
        ParsedAssert.Valid(Postcode.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_IsRequired(string? text)
    {
        ParsedAssert.Invalid(Postcode.Parse(text), "postcode", TextId.FieldRequired);
    }

    [Fact]
    public void Parse_CustomField_ReportsThatField()
    {
        ParsedAssert.Invalid(Postcode.Parse("x", "postcode_verblijf"), "postcode_verblijf", TextId.PostcodeShape);
    }
}
