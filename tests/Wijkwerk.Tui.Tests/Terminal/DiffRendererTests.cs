using System.Text.RegularExpressions;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class DiffRendererTests
{
    private static readonly CellStyle[] Styles =
    [
        CellStyle.Default,
        CellStyle.Bold,
        CellStyle.Reverse,
        CellStyle.Underline,
        new(TermColor.Red, TermColor.Default, TextAttributes.None),
        new(TermColor.BrightCyan, TermColor.Blue, TextAttributes.Bold | TextAttributes.Underline),
        new(TermColor.FromIndex(208), TermColor.FromRgb(10, 20, 30), TextAttributes.Reverse),
    ];

    private const string Chars = " abcxyzéëïöüÉçñ-─│>[]?0123456789";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Render_RandomFrames_TerminalGridEqualsBuffer(int seed)
    {
        var random = new Random(seed);
        var terminal = new FakeTerminal(40, 12);
        terminal.EnterFullScreen();
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(40, 12);

        for (var step = 0; step < 30; step++)
        {
            Mutate(frame, random, edits: random.Next(0, 25));
            renderer.Render(frame, new CellPosition(random.Next(40), random.Next(12), random.Next(2) == 0));
            AssertSameGrid(frame, terminal);
        }
    }

    [Fact]
    public void Render_NoColourRandomFrames_TextAndAttributesMatchAndNoColourCodes()
    {
        var random = new Random(7);
        var terminal = new FakeTerminal(30, 10);
        var renderer = new DiffRenderer(terminal, ColorMode.NoColour);
        var frame = new ScreenBuffer(30, 10);

        for (var step = 0; step < 30; step++)
        {
            Mutate(frame, random, edits: 20);
            renderer.Render(frame);
            for (var y = 0; y < frame.Height; y++)
            {
                for (var x = 0; x < frame.Width; x++)
                {
                    Assert.Equal(frame[x, y].Char, terminal[x, y].Char);
                    Assert.Equal(frame[x, y].Style.Attributes, terminal[x, y].Style.Attributes);
                    Assert.Equal(TermColor.Default, terminal[x, y].Style.Foreground);
                    Assert.Equal(TermColor.Default, terminal[x, y].Style.Background);
                }
            }
        }

        var sgrParameters = Regex.Matches(terminal.Output, @"\x1b\[([0-9;]*)m")
            .SelectMany(m => m.Groups[1].Value.Split(';'))
            .ToHashSet();
        Assert.Subset(new HashSet<string> { "", "0", "1", "4", "7" }, sgrParameters);
        Assert.DoesNotContain("38;", terminal.Output);
        Assert.DoesNotContain("48;", terminal.Output);
    }

    [Fact]
    public void Render_UnchangedFrame_WritesNothing()
    {
        var terminal = new FakeTerminal(80, 24);
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(80, 24);
        frame.Put(0, 0, "Cliënten", CellStyle.Bold);
        renderer.Render(frame, new CellPosition(0, 0));
        terminal.ResetCounters();

        renderer.Render(frame.Clone(), new CellPosition(0, 0));

        Assert.Equal(0, terminal.WriteCount);
        Assert.Equal(0, terminal.BytesWritten);
    }

    [Fact]
    public void Render_OneCharacterChanged_WritesOneSmallFrame()
    {
        var terminal = new FakeTerminal(80, 24);
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(80, 24);
        frame.Put(0, 5, "Jansen", CellStyle.Default);
        renderer.Render(frame);
        terminal.ResetCounters();

        frame.Put(3, 5, "z", CellStyle.Default);
        renderer.Render(frame);

        Assert.Equal(1, terminal.WriteCount);
        Assert.True(terminal.BytesWritten <= 12, $"wrote {terminal.BytesWritten} bytes: {terminal.LastWrite.Replace("\u001b", "ESC", StringComparison.Ordinal)}");
        Assert.Equal("Janzen", terminal.RowText(5));
    }

    [Fact]
    public void Render_ManyChanges_OneWritePerFrame()
    {
        var terminal = new FakeTerminal(80, 24);
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(80, 24);

        for (var i = 0; i < 5; i++)
        {
            frame.Fill(frame.Bounds, (char)('a' + i), i % 2 == 0 ? CellStyle.Bold : CellStyle.Default);
            renderer.Render(frame);
        }

        Assert.Equal(5, terminal.WriteCount);
    }

    [Fact]
    public void Render_SizeChanged_RedrawsEverything()
    {
        var terminal = new FakeTerminal(80, 24);
        var renderer = new DiffRenderer(terminal);
        var small = new ScreenBuffer(80, 24);
        small.Put(0, 0, "links", CellStyle.Default);
        renderer.Render(small);

        terminal.Resize(100, 30);
        var large = new ScreenBuffer(100, 30);
        large.Put(0, 0, "links", CellStyle.Default);
        large.Put(90, 29, "hoek", CellStyle.Default);
        terminal.ResetCounters();
        renderer.Render(large);

        Assert.StartsWith(AnsiSequences.ResetStyle + AnsiSequences.ClearScreen, terminal.LastWrite, StringComparison.Ordinal);
        AssertSameGrid(large, terminal);
    }

    [Fact]
    public void Render_Invalidated_RedrawsEvenWhenUnchanged()
    {
        var terminal = new FakeTerminal(80, 24);
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(80, 24);
        frame.Put(0, 0, "tekst", CellStyle.Default);
        renderer.Render(frame);
        terminal.Write(AnsiSequences.ClearScreen);

        renderer.Invalidate();
        renderer.Render(frame);

        Assert.Equal("tekst", terminal.RowText(0));
    }

    [Fact]
    public void Render_CursorRequested_ParksAndShowsCursor()
    {
        var terminal = new FakeTerminal(80, 24);
        terminal.EnterFullScreen();
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(80, 24);
        frame.Put(0, 3, "Naam: Bakker", CellStyle.Default);

        renderer.Render(frame, new CellPosition(12, 3, Visible: true));

        Assert.Equal((12, 3, true), (terminal.CursorX, terminal.CursorY, terminal.CursorVisible));
    }

    [Fact]
    public void Render_OnlyCursorMoved_WritesOnlyCursorMove()
    {
        var terminal = new FakeTerminal(80, 24);
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(80, 24);
        renderer.Render(frame, new CellPosition(0, 1));
        terminal.ResetCounters();

        renderer.Render(frame, new CellPosition(0, 2));

        Assert.Equal(AnsiSequences.MoveTo(0, 2), terminal.LastWrite);
        Assert.Equal(2, terminal.CursorY);
    }

    [Fact]
    public void Render_LastColumnOfLastRow_DoesNotScroll()
    {
        var terminal = new FakeTerminal(20, 5);
        terminal.EnterFullScreen();
        var renderer = new DiffRenderer(terminal);
        var frame = new ScreenBuffer(20, 5);
        frame.Put(0, 0, "boven", CellStyle.Default);
        frame.Fill(frame.Bounds.Row(4), '=', CellStyle.Reverse);

        renderer.Render(frame);
        frame.Put(19, 4, "#", CellStyle.Default);
        renderer.Render(frame);

        AssertSameGrid(frame, terminal);
    }

    private static void Mutate(ScreenBuffer frame, Random random, int edits)
    {
        for (var i = 0; i < edits; i++)
        {
            var style = Styles[random.Next(Styles.Length)];
            if (random.Next(5) == 0)
            {
                var rect = new Rect(random.Next(frame.Width), random.Next(frame.Height), random.Next(1, 15), random.Next(1, 4));
                frame.Fill(rect, Chars[random.Next(Chars.Length)], style);
            }
            else
            {
                var text = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Chars[random.Next(Chars.Length)]).ToArray());
                frame.Put(random.Next(-3, frame.Width), random.Next(frame.Height), text, style);
            }
        }
    }

    private static void AssertSameGrid(ScreenBuffer frame, FakeTerminal terminal)
    {
        Assert.Equal(frame.ToText(), terminal.ScreenText());
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                Assert.True(frame[x, y] == terminal[x, y], $"cell ({x},{y}): expected {frame[x, y]}, terminal shows {terminal[x, y]}");
            }
        }
    }
}
