using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class FakeTerminalTests
{
    [Fact]
    public void Write_CursorMovesAndText_ShowsTextAtPosition()
    {
        var terminal = new FakeTerminal(20, 3);

        terminal.Write("\u001b[2;5Hzorg\u001b[1;1Hwijk");

        Assert.Equal("wijk\n    zorg\n", terminal.ScreenText());
    }

    [Fact]
    public void Write_SgrSequences_SetCellStyles()
    {
        var terminal = new FakeTerminal(20, 1);

        terminal.Write("\u001b[0;1;31ma\u001b[0;7;44mb\u001b[0;4;38;5;208;48;2;1;2;3mc\u001b[0md");

        Assert.Equal(new CellStyle(TermColor.Red, TermColor.Default, TextAttributes.Bold), terminal[0, 0].Style);
        Assert.Equal(new CellStyle(TermColor.Default, TermColor.Blue, TextAttributes.Reverse), terminal[1, 0].Style);
        Assert.Equal(new CellStyle(TermColor.FromIndex(208), TermColor.FromRgb(1, 2, 3), TextAttributes.Underline), terminal[2, 0].Style);
        Assert.Equal(CellStyle.Default, terminal[3, 0].Style);
    }

    [Fact]
    public void EnterFullScreenAndRestore_TracksModes()
    {
        var terminal = new FakeTerminal();

        terminal.EnterFullScreen();
        var inside = (terminal.IsAlternateScreen, terminal.CursorVisible, terminal.AutoWrap);
        terminal.Restore();

        Assert.Equal((true, false, false), inside);
        Assert.Equal((false, true, true), (terminal.IsAlternateScreen, terminal.CursorVisible, terminal.AutoWrap));
    }

    [Fact]
    public void Write_AutowrapOff_LastColumnIsOverwritten()
    {
        var terminal = new FakeTerminal(5, 2);
        terminal.Write(AnsiSequences.AutoWrapOff);

        terminal.Write("abcdefg");

        Assert.Equal("abcdg\n", terminal.ScreenText());
    }

    [Fact]
    public void Write_ClearScreen_BlanksGrid()
    {
        var terminal = new FakeTerminal(10, 2);
        terminal.Write("tekst");

        terminal.Write(AnsiSequences.ClearScreen);

        Assert.Equal("\n", terminal.ScreenText());
    }

    [Fact]
    public void Write_UnknownSequence_Throws()
    {
        var terminal = new FakeTerminal(10, 2);

        Assert.Throws<InvalidOperationException>(() => terminal.Write("\u001b[5n"));
    }

    [Fact]
    public void Write_CountsBytesAndCalls()
    {
        var terminal = new FakeTerminal(10, 2);

        terminal.Write("é");
        terminal.Write("a");

        Assert.Equal(2, terminal.WriteCount);
        Assert.Equal(3, terminal.BytesWritten);
    }

    [Fact]
    public void EnqueueText_NewlineBecomesEnter()
    {
        var terminal = new FakeTerminal();

        terminal.EnqueueText("a\n");

        Assert.True(terminal.TryReadKey(out var first));
        Assert.True(terminal.TryReadKey(out var second));
        Assert.False(terminal.TryReadKey(out _));
        Assert.Equal((KeyInput.Character('a'), KeyInput.Enter), (first, second));
    }

    [Fact]
    public void Resize_RaisesResizedWithNewSize()
    {
        var terminal = new FakeTerminal(80, 24);
        var seen = (0, 0);
        terminal.Resized += () => seen = (terminal.Width, terminal.Height);

        terminal.Resize(120, 40);

        Assert.Equal((120, 40), seen);
    }
}
