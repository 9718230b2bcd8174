using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class ScreenBufferTests
{
    [Fact]
    public void Put_PastRightEdge_IsClipped()
    {
        var buffer = new ScreenBuffer(6, 2);

        var written = buffer.Put(3, 0, "Jansen", CellStyle.Default);

        Assert.Equal(3, written);
        Assert.Equal("   Jan\n", buffer.ToText());
    }

    [Fact]
    public void Put_NegativeXOrOutsideRow_WritesOnlyVisiblePart()
    {
        var buffer = new ScreenBuffer(6, 2);

        buffer.Put(-2, 1, "abcdef", CellStyle.Default);
        buffer.Put(0, 5, "zzz", CellStyle.Default);

        Assert.Equal("\ncdef", buffer.ToText());
    }

    [Fact]
    public void Put_ClipRect_StaysInsideRect()
    {
        var buffer = new ScreenBuffer(10, 1);

        buffer.Put(0, 0, "0123456789", CellStyle.Default, new Rect(2, 0, 3, 1));

        Assert.Equal("  234", buffer.ToText());
    }

    [Fact]
    public void Put_DutchDiacritics_OneCellEach()
    {
        var buffer = new ScreenBuffer(20, 1);

        buffer.Put(0, 0, "Cliënt Ø café", CellStyle.Default);
        buffer.Put(14, 0, "e\u0301é", CellStyle.Default);

        Assert.Equal("Cliënt Ø café éé", buffer.ToText());
    }

    [Fact]
    public void Put_ControlCharacters_NeverReachTheGrid()
    {
        var buffer = new ScreenBuffer(12, 1);

        buffer.Put(0, 0, "a\u001b[2Jb\nc\td", CellStyle.Default);

        Assert.Equal("a?[2Jb?c d", buffer.ToText());
    }

    [Fact]
    public void Fill_Rect_FillsOnlyInside()
    {
        var buffer = new ScreenBuffer(4, 3);

        buffer.Fill(new Rect(1, 1, 5, 5), '#', CellStyle.Reverse);

        Assert.Equal("\n ###\n ###", buffer.ToText());
        Assert.Equal(CellStyle.Reverse, buffer[3, 2].Style);
    }

    [Fact]
    public void SplitRows_FixedAndFill_FixedServedFirst()
    {
        var rows = new Rect(0, 0, 80, 24).SplitRows(LayoutSize.Fixed(1), LayoutSize.Fill(), LayoutSize.Fixed(1));

        Assert.Equal(new Rect(0, 0, 80, 1), rows[0]);
        Assert.Equal(new Rect(0, 1, 80, 22), rows[1]);
        Assert.Equal(new Rect(0, 23, 80, 1), rows[2]);
    }

    [Fact]
    public void SplitColumns_WeightedFill_SharesRemainderAndCoversWidth()
    {
        var columns = new Rect(0, 0, 81, 10).SplitColumns(LayoutSize.Fixed(20), LayoutSize.Fill(1), LayoutSize.Fill(2));

        Assert.Equal(20, columns[0].Width);
        Assert.Equal(20, columns[1].Width);
        Assert.Equal(41, columns[2].Width);
        Assert.Equal(81, columns[2].Right);
    }

    [Fact]
    public void SplitRows_TooLittleSpace_FixedShrinkAndFillGetsNothing()
    {
        var rows = new Rect(0, 0, 10, 3).SplitRows(LayoutSize.Fixed(2), LayoutSize.Fill(), LayoutSize.Fixed(2));

        Assert.Equal([2, 0, 1], rows.Select(r => r.Height));
    }
}
