using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class DateTextTests
{
    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("29-02-2024")]
    [InlineData("29-2-2024")]
    public void Parse_BothFormats_GiveSameDate(string text)
    {
        Assert.Equal(new DateOnly(2024, 2, 29), ParsedAssert.Valid(DateText.Parse(text, "datum")));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("29/02/2024")]
    [InlineData("2024-2-29x")]
    [InlineData("24-02-29")]
    public void Parse_Unreadable_IsDateShapeOnTheGivenField(string text)
    {
        ParsedAssert.Invalid(DateText.Parse(text, "einddatum"), "einddatum", TextId.DateShape);
    }

    [Fact]
    public void Parse_Empty_IsRequired()
    {
        ParsedAssert.Invalid(DateText.Parse("  ", "datum"), "datum", TextId.FieldRequired);
    }

    [Fact]
    public void ShowAndIso_Date_UseScreenAndFileForms()
    {
        var date = new DateOnly(2026, 3, 4);

        Assert.Equal("04-03-2026", DateText.Show(date));
        Assert.Equal("2026-03-04", DateText.Iso(date));
        Assert.Equal(date, DateText.Parse(DateText.Show(date), "d").Value);
        Assert.Equal(date, DateText.Parse(DateText.Iso(date), "d").Value);
    }
}
