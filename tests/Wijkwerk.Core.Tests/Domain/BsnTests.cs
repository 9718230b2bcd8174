using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class BsnTests
{
    // Worked by hand, weights 9 8 7 6 5 4 3 2 -1:
    // 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6*11
    // 123456782: 9+16+21+24+25+24+21+16-2 = 154 = 14*11
    // 999999990: 9*44 - 0 = 396 = 36*11
    // 012345672: 0+8+14+18+20+20+18+14-2 = 110 = 10*11 (a BSN may start with 0)
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("999999990")]
    [InlineData("012345672")]
    public void Parse_PassesElfproef_IsAccepted(string digits)
    {
        var bsn = ParsedAssert.Valid(Bsn.Parse(digits));

        Assert.Equal(digits, bsn.Digits);
        Assert.True(Bsn.PassesElevenTest(digits));
    }

    // 123456789: 156-9 = 147 = 13*11+4
    // 111222334: 66-1 = 65
    // 123456783: 154-3+... = 153 (last digit weighs -1)
    // 100000009: 9-9 = 0, a multiple of 11 but zero
    [Theory]
    [InlineData("123456789")]
    [InlineData("111222334")]
    [InlineData("123456783")]
    [InlineData("213456782")]
    [InlineData("000000000")]
    [InlineData("100000009")]
    public void Parse_FailsElfproef_IsRefused(string digits)
    {
        ParsedAssert.Invalid(Bsn.Parse(digits), "bsn", TextId.BsnElevenTest);
        Assert.False(Bsn.PassesElevenTest(digits));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567820")]
    [InlineData("1")]
    [InlineData("12345678a")]
    [InlineData("abcdefghi")]
    [InlineData("123/45678")]
    [InlineData("１２３４５６７８２")]
    public void Parse_NotNineDigits_IsRefusedForShape(string text)
    {
        ParsedAssert.Invalid(Bsn.Parse(text), "bsn", TextId.BsnShape);
    }

    [Theory]
    [InlineData("1234.56.782")]
    [InlineData("1234 56 782")]
    [InlineData("123-456-782")]
    [InlineData("  123456782  ")]
    public void Parse_WithSeparators_KeepsDigitsOnly(string text)
    {
        var bsn = ParsedAssert.Valid(Bsn.Parse(text));

        Assert.Equal("123456782", bsn.Digits);
        Assert.Equal(Bsn.Parse("123456782").Value, bsn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" . - ")]
    public void Parse_Empty_IsRequired(string? text)
    {
        ParsedAssert.Invalid(Bsn.Parse(text), "bsn", TextId.FieldRequired);
    }

    [Fact]
    public void Masked_ValidBsn_ShowsOnlyLastThreeDigits()
    {
        var bsn = Bsn.Parse("123456782").Value;

        Assert.Equal("******782", bsn.Masked);
    }

    [Fact]
    public void ToString_ValidBsn_NeverRevealsTheNumber()
    {
        var bsn = Bsn.Parse("123456782").Value;

        Assert.Equal(bsn.Masked, bsn.ToString());
        Assert.DoesNotContain("123456", bsn.ToString());
        Assert.DoesNotContain("123456", $"{bsn}");
    }

    [Fact]
    public void ToString_ClientHoldingBsn_DoesNotRevealTheNumber()
    {
        var clock = new FakeClock();
        var client = new ClientInput("Anna", "de Vries", "01-02-1950", "1234 AB", "5", null, null, "123456782")
            .Validate(Id<Client>.New(clock), clock.Today).Client!;

        Assert.DoesNotContain("123456782", client.ToString());
        Assert.Contains("******782", client.ToString());
    }
}
