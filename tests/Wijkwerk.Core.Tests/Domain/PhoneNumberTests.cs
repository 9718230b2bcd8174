using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0612345678")]
    [InlineData("06 1234 5678")]
    [InlineData("06-12345678")]
    [InlineData("(06) 12.34.56.78")]
    [InlineData("+31612345678")]
    [InlineData("+31 6 1234 5678")]
    [InlineData("0031612345678")]
    [InlineData("0031 6 12345678")]
    [InlineData("  0612345678 ")]
    public void Parse_DutchMobileInAnyNotation_GivesSameCanonicalValue(string text)
    {
        var phone = ParsedAssert.Valid(PhoneNumber.Parse(text));

        Assert.Equal("0612345678", phone.Value);
        Assert.Equal("0612345678", phone.ToString());
    }

    [Theory]
    [InlineData("073 123 45 67", "0731234567")]
    [InlineData("+31 73 1234567", "0731234567")]
    [InlineData("020-1234567", "0201234567")]
    public void Parse_DutchLandline_GivesTenDigitsWithZero(string text, string expected)
    {
        Assert.Equal(expected, ParsedAssert.Valid(PhoneNumber.Parse(text)).Value);
    }

    [Theory]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("0032470123456", "+32470123456")]
    [InlineData("+49 30 123456", "+4930123456")]
    [InlineData("+12345678", "+12345678")]
    [InlineData("+123456789012345", "+123456789012345")]
    public void Parse_Foreign_KeepsPlusAndCountryCode(string text, string expected)
    {
        Assert.Equal(expected, ParsedAssert.Valid(PhoneNumber.Parse(text)).Value);
    }

    [Theory]
    [InlineData("061234567")]
    [InlineData("06123456789")]
    [InlineData("+3161234567")]
    [InlineData("+316123456789")]
    [InlineData("612345678")]
    [InlineData("1234567890")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+")]
    [InlineData("00")]
    public void Parse_TooShortOrTooLongOrWrongStart_IsRefused(string text)
    {
        ParsedAssert.Invalid(PhoneNumber.Parse(text), "telefoon", TextId.PhoneShape);
    }

    [Theory]
    [InlineData("06abcdefgh")]
    [InlineData("O612345678")]
    [InlineData("bel me maar")]
    [InlineData("06 1234 567x")]
    [InlineData("06+12345678")]
    [InlineData("++32470123456")]
    [InlineData("+32+470123456")]
    public void Parse_LettersOrStraySymbols_IsRefused(string text)
    {
        ParsedAssert.Invalid(PhoneNumber.Parse(text), "telefoon", TextId.PhoneShape);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_IsRequired(string? text)
    {
        ParsedAssert.Invalid(PhoneNumber.Parse(text), "telefoon", TextId.FieldRequired);
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+32470123456")]
    public void Parse_CanonicalValue_ParsesToItself(string canonical)
    {
        var once = PhoneNumber.Parse(canonical).Value;

        Assert.Equal(once, PhoneNumber.Parse(once.Value).Value);
    }
}
