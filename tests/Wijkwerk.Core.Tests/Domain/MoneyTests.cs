using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("1.234,56", 123456)]
    [InlineData("€ 12,50", 1250)]
    [InlineData("€12,50", 1250)]
    [InlineData("12", 1200)]
    [InlineData("12.5", 1250)]
    [InlineData("12.50", 1250)]
    [InlineData("12,5", 1250)]
    [InlineData("-3,5", -350)]
    [InlineData("- 3,5", -350)]
    [InlineData("€ -1.234,56", -123456)]
    [InlineData("1.234", 123400)]
    [InlineData("1.234.567,89", 123456789)]
    [InlineData("0,01", 1)]
    [InlineData("0", 0)]
    [InlineData("  7,00  ", 700)]
    [InlineData("1 234,56", 123456)]
    public void Parse_DutchNotation_GivesCents(string text, long cents)
    {
        Assert.Equal(new Money(cents), ParsedAssert.Valid(Money.Parse(text)));
    }

    [Theory]
    [InlineData("1,234")]
    [InlineData("0,001")]
    [InlineData("12,345")]
    [InlineData("1.234,567")]
    public void Parse_FractionOfACent_IsRefused(string text)
    {
        ParsedAssert.Invalid(Money.Parse(text), "bedrag", TextId.MoneyShape);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("twaalf euro")]
    [InlineData("12,50 EUR")]
    [InlineData("1,2,3")]
    [InlineData("1,234.56")]
    [InlineData("--5")]
    [InlineData("5-")]
    [InlineData("€")]
    [InlineData("1e3")]
    [InlineData("$ 12")]
    public void Parse_Garbage_IsRefused(string text)
    {
        var parsed = Money.Parse(text);

        Assert.False(parsed.IsValid);
        Assert.Equal("bedrag", parsed.Problem.Field);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1..2")]
    [InlineData("1.234.5")]
    [InlineData("1.23.456,00")]
    [InlineData("1234.567,00")]
    [InlineData(".123")]
    public void Parse_MisplacedThousandsSeparator_IsRefused(string text)
    {
        ParsedAssert.Invalid(Money.Parse(text), "bedrag", TextId.MoneyShape);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    public void Parse_BeyondLongCents_IsRefusedWithoutThrowing(string text)
    {
        ParsedAssert.Invalid(Money.Parse(text), "bedrag", TextId.MoneyShape);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_IsRequired(string? text)
    {
        ParsedAssert.Invalid(Money.Parse(text), "bedrag", TextId.FieldRequired);
    }

    [Fact]
    public void Parse_CustomField_ReportsThatField()
    {
        ParsedAssert.Invalid(Money.Parse("x", "budget"), "budget", TextId.MoneyShape);
    }

    [Theory]
    [InlineData(123456, "€ 1.234,56")]
    [InlineData(1250, "€ 12,50")]
    [InlineData(5, "€ 0,05")]
    [InlineData(0, "€ 0,00")]
    [InlineData(100000000, "€ 1.000.000,00")]
    [InlineData(-350, "€ -3,50")]
    [InlineData(-123456, "€ -1.234,56")]
    [InlineData(-1, "€ -0,01")]
    public void ToString_Cents_ShowsDutchEuroAmount(long cents, string expected)
    {
        Assert.Equal(expected, new Money(cents).ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(123456)]
    [InlineData(-98765432)]
    [InlineData(50000)]
    public void Parse_OwnToString_RoundTrips(long cents)
    {
        var money = new Money(cents);

        Assert.Equal(money, Money.Parse(money.ToString()).Value);
    }

    [Fact]
    public void ToString_MinValue_DoesNotThrow()
    {
        Assert.StartsWith("€ -92.233.720.368.547.758,08", new Money(long.MinValue).ToString());
    }

    [Fact]
    public void Arithmetic_AddAndSubtract_WorkOnCents()
    {
        var a = new Money(1050);
        var b = new Money(299);

        Assert.Equal(new Money(1349), a + b);
        Assert.Equal(new Money(751), a - b);
        Assert.Equal(new Money(-751), b - a);
        Assert.Equal(a, a + Money.Zero);
    }

    [Fact]
    public void FromEuros_WholeEuros_GivesHundredTimesCents()
    {
        Assert.Equal(new Money(50000), Money.FromEuros(500));
        Assert.Equal(new Money(-400000), Money.FromEuros(-4000));
    }

    [Fact]
    public void Arithmetic_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
        Assert.Throws<OverflowException>(() => Money.FromEuros(long.MaxValue / 10));
    }

    [Fact]
    public void CompareTo_Amounts_OrdersByCents()
    {
        var amounts = new[] { new Money(500), new Money(-20), Money.Zero, new Money(499) };

        Assert.Equal([new Money(-20), Money.Zero, new Money(499), new Money(500)], amounts.Order().ToArray());
        Assert.True(new Money(1).CompareTo(new Money(2)) < 0);
        Assert.Equal(0, new Money(7).CompareTo(new Money(7)));
    }
}
