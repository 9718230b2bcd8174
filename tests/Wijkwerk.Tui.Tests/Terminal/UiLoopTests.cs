using System.Text.RegularExpressions;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class UiLoopTests
{
    [Fact]
    public void RunUntilIdle_QueuedKeys_GoToTopScreenAndRender()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        var bottom = new TestScreen("onder");
        var top = new TestScreen("boven");
        loop.Screens.Push(bottom);
        loop.Screens.Push(top);
        terminal.Enqueue(KeyInput.Down, KeyInput.Enter);

        loop.RunUntilIdle();

        Assert.Equal([KeyInput.Down, KeyInput.Enter], top.Keys);
        Assert.Empty(bottom.Keys);
        Assert.Equal("boven", terminal.RowText(0));
    }

    [Fact]
    public void RunUntilIdle_KeyNotHandled_GoesToUnhandledKey()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        loop.Screens.Push(new TestScreen(handlesKeys: false));
        var global = new List<KeyInput>();
        loop.UnhandledKey = k =>
        {
            global.Add(k);
            return true;
        };
        terminal.Enqueue(KeyInput.Function(5));

        loop.RunUntilIdle();

        Assert.Equal([KeyInput.Function(5)], global);
    }

    [Fact]
    public void RunUntilIdle_NothingChanged_WritesNothing()
    {
        var terminal = new FakeTerminal();
        var time = new FakeClock();
        var loop = new UiLoop(terminal, time);
        loop.Screens.Push(new TestScreen());
        loop.RunUntilIdle();
        terminal.ResetCounters();

        time.Advance(TimeSpan.FromSeconds(5));
        loop.RunUntilIdle();

        Assert.Equal(0, terminal.BytesWritten);
    }

    [Fact]
    public async Task RunUntilIdle_PostedFromBackgroundThread_RunsOnNextDrain()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        var screen = new TestScreen("wachten");
        loop.Screens.Push(screen);
        loop.RunUntilIdle();

        await Task.Run(() => loop.Post(() => screen.Text = "gesynct"));
        loop.RunUntilIdle();

        Assert.Equal("gesynct", terminal.RowText(0));
    }

    [Fact]
    public void RunUntilIdle_TickDue_RaisesTickOnce()
    {
        var terminal = new FakeTerminal();
        var time = new FakeClock();
        var loop = new UiLoop(terminal, time, tickInterval: TimeSpan.FromSeconds(1));
        loop.Screens.Push(new TestScreen());
        var ticks = 0;
        loop.Tick += () => ticks++;

        loop.RunUntilIdle();
        time.Advance(TimeSpan.FromSeconds(1));
        loop.RunUntilIdle();
        loop.RunUntilIdle();

        Assert.Equal(1, ticks);
    }

    [Fact]
    public void Pass_SeveralTickIntervals_RaisesATickForEachInOrder()
    {
        var terminal = new FakeTerminal();
        var clock = new FakeClock();
        var loop = new UiLoop(terminal, clock, tickInterval: TimeSpan.FromMilliseconds(250));
        loop.Screens.Push(new TestScreen());
        var ticks = new List<DateTimeOffset>();
        loop.Tick += () => ticks.Add(clock.GetUtcNow());
        loop.RunUntilIdle();

        clock.Pass(loop, TimeSpan.FromSeconds(1));

        Assert.Equal([250, 500, 750, 1000], ticks.Select(t => (int)(t - FakeClock.DefaultStart).TotalMilliseconds));
    }

    [Fact]
    public void Stop_DuringKeyHandling_LeavesRemainingKeysQueued()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        loop.Screens.Push(new TestScreen(handlesKeys: false));
        loop.UnhandledKey = k =>
        {
            loop.Stop();
            return true;
        };
        terminal.Enqueue(KeyInput.Character('q'));

        loop.RunUntilIdle();
        terminal.Enqueue(KeyInput.Character('x'));
        loop.RunUntilIdle();

        Assert.True(loop.IsStopped);
        Assert.Equal(1, terminal.PendingKeys);
    }

    [Fact]
    public void RunUntilIdle_LastScreenPopped_Stops()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        loop.Screens.Push(new TestScreen(handlesKeys: false));
        loop.UnhandledKey = _ => loop.Screens.Pop() is not null;
        terminal.Enqueue(KeyInput.Escape);

        loop.RunUntilIdle();

        Assert.True(loop.IsStopped);
    }

    [Theory]
    [InlineData(79, 24)]
    [InlineData(80, 23)]
    [InlineData(40, 10)]
    public void RunUntilIdle_BelowMinimumSize_ShowsOnlyTooSmallMessage(int width, int height)
    {
        var terminal = new FakeTerminal(width, height);
        var loop = new UiLoop(terminal, new FakeClock());
        var screen = new TestScreen("cliëntenlijst");
        loop.Screens.Push(screen);
        terminal.Enqueue(KeyInput.Down);

        loop.RunUntilIdle();

        Assert.Equal(TooSmallMessage.Dutch(width, height), Flatten(terminal.ScreenText()));
        Assert.Equal(0, screen.RenderCount);
        Assert.Empty(screen.Keys);
    }

    [Fact]
    public void Resize_BelowMinimumThenBack_FullRedrawOfScreen()
    {
        var terminal = new FakeTerminal(100, 30);
        var loop = new UiLoop(terminal, new FakeClock(), TooSmallMessage.English);
        loop.Screens.Push(new TestScreen("cliëntenlijst"));
        loop.RunUntilIdle();

        terminal.Resize(60, 20);
        loop.RunUntilIdle();
        var small = Flatten(terminal.ScreenText());
        terminal.Resize(90, 28);
        terminal.ResetCounters();
        loop.RunUntilIdle();

        Assert.Equal("Window too small: needs at least 80×24, now 60×20. Enlarge the window.", small);
        Assert.StartsWith(AnsiSequences.ResetStyle + AnsiSequences.ClearScreen, terminal.LastWrite, StringComparison.Ordinal);
        Assert.Equal("cliëntenlijst", terminal.ScreenText().Trim());
    }

    [Fact]
    public void RunUntilIdle_ScreenCursor_ParksTerminalCursor()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, new FakeClock());
        loop.Screens.Push(new TestScreen { Cursor = new CellPosition(4, 7) });

        loop.RunUntilIdle();

        Assert.Equal((4, 7), (terminal.CursorX, terminal.CursorY));
    }

    [Fact]
    public async Task Run_StopPostedFromOtherThread_Returns()
    {
        var terminal = new FakeTerminal();
        var loop = new UiLoop(terminal, TimeProvider.System, tickInterval: TimeSpan.FromMilliseconds(20));
        loop.Screens.Push(new TestScreen());
        terminal.Enqueue(KeyInput.Character('a'));

        var ui = Task.Run(loop.Run);
        loop.Post(loop.Stop);

        await ui.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("scherm", terminal.RowText(0));
    }

    private static string Flatten(string screenText) => Regex.Replace(screenText, @"\s+", " ").Trim();
}
