using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class CellTextTests
{
    [Fact]
    public void Wrap_Words_BreakAtSpacesWithinWidth()
    {
        var lines = CellText.Wrap("Venster te klein: minimaal 80×24 nodig", 16);

        Assert.Equal(["Venster te", "klein: minimaal", "80×24 nodig"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= 16));
    }

    [Fact]
    public void Wrap_WordLongerThanWidth_IsSplit()
    {
        Assert.Equal(["abcd", "efgh", "ij"], CellText.Wrap("abcdefghij", 4));
    }

    [Theory]
    [InlineData("Synchroniseren", 20, "Synchroniseren")]
    [InlineData("Synchroniseren", 6, "Synch…")]
    [InlineData("Synchroniseren", 0, "")]
    public void Truncate_ToWidth_EndsWithEllipsisWhenCut(string text, int width, string expected)
    {
        Assert.Equal(expected, CellText.Truncate(text, width));
    }
}
