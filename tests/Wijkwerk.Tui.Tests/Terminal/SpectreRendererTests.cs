using Spectre.Console;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Tests.Terminal;

public sealed class SpectreRendererTests
{
    [Fact]
    public void Render_TableInRect_AppearsInScreenTextInsideRect()
    {
        var terminal = new FakeTerminal(80, 24);
        var buffer = new ScreenBuffer(80, 24);
        var table = new Table().AddColumn("Cliënt").AddColumn("Wijk");
        table.AddRow("Jansen", "Noord");
        table.AddRow("Öztürk", "Zuid");

        new SpectreRenderer().Render(table, buffer, new Rect(10, 5, 40, 8));
        new DiffRenderer(terminal).Render(buffer);

        var rows = terminal.ScreenText().Split('\n');
        Assert.Contains(rows, r => r.Contains("Cliënt", StringComparison.Ordinal) && r.Contains("Wijk", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Öztürk", StringComparison.Ordinal));
        Assert.All(rows[..5], r => Assert.Equal("", r));
        Assert.All(rows, r => Assert.True(r.Length <= 50 && (r.Length == 0 || r[..10].Trim().Length == 0), $"row outside rect: '{r}'"));
    }

    [Fact]
    public void Render_WiderThanRect_IsCutAtRectEdge()
    {
        var buffer = new ScreenBuffer(30, 3);

        new SpectreRenderer().Render(new Text(new string('x', 50)), buffer, new Rect(0, 0, 10, 1));

        Assert.Equal(new string('x', 10), buffer.ToText().Split('\n')[0]);
    }

    [Fact]
    public void Render_MarkupStyles_MapToCellStyles()
    {
        var buffer = new ScreenBuffer(20, 1);

        new SpectreRenderer().Render(new Markup("[bold red]A[/][invert]B[/][underline]C[/]"), buffer, buffer.Bounds);

        Assert.Equal(new CellStyle(TermColor.BrightRed, TermColor.Default, TextAttributes.Bold), buffer[0, 0].Style);
        Assert.True(buffer[1, 0].Style.IsReverse);
        Assert.True(buffer[2, 0].Style.IsUnderline);
    }

    [Fact]
    public void Render_PanelFillsRectHeight_WithBorders()
    {
        var buffer = new ScreenBuffer(30, 10);
        var panel = new Panel("Inhoud") { Expand = true, Height = 5 };

        new SpectreRenderer().Render(panel, buffer, new Rect(0, 0, 30, 5));

        var rows = buffer.ToText().Split('\n');
        Assert.StartsWith("┌", rows[0], StringComparison.Ordinal);
        Assert.Contains("Inhoud", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("└", rows[4], StringComparison.Ordinal);
        Assert.Equal("", rows[5]);
    }

    [Fact]
    public void SafeMarkup_ClientNamedLikeMarkup_RendersLiterally()
    {
        var buffer = new ScreenBuffer(40, 1);
        var name = "[spoed] de Vries [/]";

        new SpectreRenderer().Render(SafeMarkup.Create($"[bold]{name}[/]"), buffer, buffer.Bounds);

        Assert.Equal("[spoed] de Vries [/]", buffer.ToText());
        Assert.True(buffer[0, 0].Style.IsBold);
    }

    [Fact]
    public void SafeMarkup_Escape_UnescapedNameWouldThrow()
    {
        const string name = "[spoed]";

        Assert.Throws<InvalidOperationException>(() => new SpectreRenderer().Render(new Markup($"[bold]{name}[/]"), new ScreenBuffer(20, 1), new Rect(0, 0, 20, 1)));
        var buffer = new ScreenBuffer(20, 1);
        new SpectreRenderer().Render(new Markup($"[bold]{SafeMarkup.Escape(name)}[/]"), buffer, buffer.Bounds);
        Assert.Equal("[spoed]", buffer.ToText());
    }

    [Fact]
    public void SafeMarkup_Plain_NullBecomesEmpty()
    {
        var buffer = new ScreenBuffer(10, 1);

        new SpectreRenderer().Render(SafeMarkup.Plain("[red]x"), buffer, buffer.Bounds);

        Assert.Equal("[red]x", buffer.ToText());
        Assert.Equal("", SafeMarkup.Escape(null));
    }
}
