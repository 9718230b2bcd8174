using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain;

public class IdTests
{
    [Fact]
    public void New_AnyClock_GivesVersion7Guid()
    {
        var id = Id<Client>.New(new FakeClock());

        Assert.Equal(7, id.Value.Version);
    }

    [Fact]
    public void New_AnyClock_EmbedsClockMillisecondsInTimestampBits()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 5, 1, 12, 0, 0, 123, TimeSpan.Zero));

        var id = Id<Client>.New(clock);

        // The first 48 bits of a version-7 guid are the Unix time in milliseconds, big-endian.
        var millis = Convert.ToInt64(id.Value.ToString("N")[..12], 16);
        Assert.Equal(clock.UtcNow.ToUnixTimeMilliseconds(), millis);
    }

    [Fact]
    public void New_ClockAdvancing_IdsSortInClockOrder()
    {
        var clock = new FakeClock();
        var ids = new List<Id<Client>>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(Id<Client>.New(clock));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var byGuid = ids.OrderBy(id => id.Value).ToList();
        var byText = ids.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(ids, byGuid);
        Assert.Equal(ids, byText);
    }

    [Fact]
    public void New_ClockMovedBackwards_EarlierTimeSortsFirst()
    {
        var clock = new FakeClock();
        var later = Id<Client>.New(clock);
        clock.Advance(TimeSpan.FromHours(-1));

        var earlier = Id<Client>.New(clock);

        Assert.True(earlier.Value.CompareTo(later.Value) < 0);
    }

    [Fact]
    public void New_SameInstant_GivesDistinctIds()
    {
        var clock = new FakeClock();

        var ids = Enumerable.Range(0, 100).Select(_ => Id<Client>.New(clock)).ToHashSet();

        Assert.Equal(100, ids.Count);
    }

    [Fact]
    public void TryParse_ToStringOfNewId_RoundTrips()
    {
        var id = Id<Client>.New(new FakeClock());

        Assert.True(Id<Client>.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void TryParse_EmptyOrGarbage_Fails(string? text)
    {
        Assert.False(Id<Client>.TryParse(text, out _));
    }

    [Fact]
    public void ToString_Always_IsTheGuidText()
    {
        var guid = Guid.Parse("0192f0c1-2b3c-7d4e-8f00-112233445566");

        Assert.Equal("0192f0c1-2b3c-7d4e-8f00-112233445566", new Id<Client>(guid).ToString());
    }
}
