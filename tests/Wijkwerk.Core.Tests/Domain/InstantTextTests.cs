using System.Globalization;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Tests.Domain;

public class InstantTextTests
{
    public static TheoryData<DateTimeOffset> Instants() =>
    [
        new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 8, 1, 36, 29, TimeSpan.Zero).AddTicks(4_401_088),
        new DateTimeOffset(2026, 6, 30, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(9_999_999),
        new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1),
    ];

    [Theory]
    [MemberData(nameof(Instants))]
    public void AnInstant_IsWrittenInUtcWithEveryDigitOfItsTicks_AndReadBackAsTheSameInstant(DateTimeOffset at)
    {
        var text = InstantText.Write(at);

        Assert.Equal(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), text);
        Assert.Equal(at, InstantText.Read(text));
        Assert.Equal(TimeSpan.Zero, InstantText.Read(text).Offset);
    }

    [Theory]
    [InlineData("2026-03-04 05:06:07", "2026-03-04T05:06:07.0000000Z")]
    [InlineData("2026-03-04T05:06:07+02:00", "2026-03-04T03:06:07.0000000Z")]
    [InlineData("2026-03-04T05:06:07.5Z", "2026-03-04T05:06:07.5000000Z")]
    [InlineData("2026-03-04T05:06:07.0000000+02:00", "2026-03-04T03:06:07.0000000Z")]
    [InlineData("2026-03-04T05:06:07.0000000", "2026-03-04T05:06:07.0000000Z")]
    [InlineData("2026-03-04T05:06:07.000000Z", "2026-03-04T05:06:07.0000000Z")]
    public void AnInstantInAnotherForm_IsReadAsTheGeneralParserReadsIt_InUtc(string text, string expected)
    {
        var at = InstantText.Read(text);

        Assert.Equal(expected, InstantText.Write(at));
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gisteren")]
    [InlineData("2026-13-01T00:00:00.0000000Z")]
    [InlineData("2026-03-04X05:06:07.0000000Z")]
    public void TextThatIsNoInstant_IsRefused(string text) => Assert.Throws<FormatException>(() => InstantText.Read(text));
}
