using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.App;

public sealed class ConnectionStateTests
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(75);

    [Fact]
    public void NothingHeardYet_IsUnknown_NotOffline()
    {
        var state = new ConnectionState(new FakeClock(), Fresh);

        Assert.Equal(Connection.Unknown, state.Now);
    }

    [Fact]
    public void AnAnswer_IsOnlineWhileFresh_ThenNoLongerVouchesForNow()
    {
        var clock = new FakeClock();
        var state = new ConnectionState(clock, Fresh);

        state.Answered();
        var fresh = state.Now;
        clock.Advance(Fresh + TimeSpan.FromSeconds(1));

        Assert.Equal(Connection.Online, fresh);
        Assert.Equal(Connection.Unknown, state.Now);
    }

    [Fact]
    public void AFailure_IsOfflineAtOnce_UntilTheNextAnswer()
    {
        var clock = new FakeClock();
        var state = new ConnectionState(clock, Fresh);
        state.Answered();

        state.Failed();
        var failed = state.Now;
        clock.Advance(TimeSpan.FromMinutes(30));
        var muchLater = state.Now;
        state.Answered();

        Assert.Equal(Connection.Offline, failed);
        Assert.Equal(Connection.Offline, muchLater);
        Assert.Equal(Connection.Online, state.Now);
    }
}
