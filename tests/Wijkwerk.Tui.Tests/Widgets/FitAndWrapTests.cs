using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Widgets;

/// <summary>Columns that share the width, text that wraps instead of being cut, and a cursor that stays on screen.</summary>
public sealed class FitAndWrapTests
{
    private const string Paragraph = "Mevrouw wil graag thuis blijven wonen. Haar dochter komt op zaterdag en doet dan de boodschappen, maar de was en het schoonmaken lukken niet meer sinds de operatie aan haar heup.";

    private static TableColumns Clients() => new(
    [
        new TableColumn("Naam", MinWidth: 20, Weight: 3),
        new TableColumn("Geboren", MinWidth: 10, Keep: 2),
        new TableColumn("Adres", MinWidth: 12, Weight: 2, MaxWidth: 40),
    ]);

    [Fact]
    public void TableColumns_WiderLine_GivesTheGrowingColumnsTheRoom_AndNeverExceedsTheLine()
    {
        var columns = Clients();

        var at80 = columns.Widths(77).ToArray();
        var at100 = columns.Widths(97).ToArray();
        var at160 = columns.Widths(157).ToArray();

        Assert.True(at80[0] < at100[0] && at100[0] < at160[0], $"name: {at80[0]}, {at100[0]}, {at160[0]}");
        Assert.All(new[] { at80, at100, at160 }, w => Assert.Equal(10, w[1]));
        Assert.True(at160[2] <= 40);
        Assert.True(at80.Sum() + 2 <= 77 && at100.Sum() + 2 <= 97 && at160.Sum() + 2 <= 157);
    }

    [Fact]
    public void TableColumns_CellTooLong_EndsInAnEllipsis_AndTheNextColumnStaysInPlace()
    {
        var columns = Clients();
        var widths = columns.Widths(50);

        var row = columns.Row(50, ["Oosterhout-Verbeek van der Heijden, Anna Maria", "02-12-1962", "Lange Voorhout 1234 B"]);

        Assert.StartsWith(CellText.Truncate("Oosterhout-Verbeek van der Heijden, Anna Maria", widths[0]) + " 02-12-1962 ", row, StringComparison.Ordinal);
        Assert.EndsWith("…", row, StringComparison.Ordinal);
        Assert.True(row.Length <= 50);
    }

    [Fact]
    public void TableColumns_MinimumsDoNotFit_LeaveOutTheLeastKeptColumnsWhole()
    {
        var columns = Clients();

        var widths = columns.Widths(32);

        Assert.Equal([21, 10, 0], widths);
        Assert.Equal("Naam".PadRight(21) + " Geboren", columns.Heading(32));
    }

    [Fact]
    public void TextArea_LongParagraph_WrapsAtWords_KeepsItsStartInSight_AndTheCursorOnScreen()
    {
        var area = new TextArea();
        var buffer = new ScreenBuffer(40, 6);
        area.Render(buffer, buffer.Bounds, focused: true);
        foreach (var c in Paragraph)
            area.HandleKey(KeyInput.Character(c));

        area.Render(buffer, buffer.Bounds, focused: true);

        var rows = buffer.ToText().Split('\n');
        Assert.StartsWith("Mevrouw wil graag thuis blijven wonen.", rows[0], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.True(r.Length < 40, r));
        Assert.Equal(Paragraph, string.Join(' ', rows.Select(r => r.Trim()).Where(r => r.Length > 0)));
        Assert.NotNull(area.Cursor);
        Assert.InRange(area.Cursor!.Value.X, 0, 39);
        Assert.Equal(rows.Count(r => r.Length > 0) - 1, area.Cursor.Value.Y);
        Assert.Equal(rows.Count(r => r.Length > 0), area.RowsFor(40));
    }

    [Fact]
    public void TextArea_UpAndDown_MoveByTheLinesAsShown()
    {
        var area = new TextArea { Text = Paragraph };
        var buffer = new ScreenBuffer(40, 6);
        area.Render(buffer, buffer.Bounds, focused: true);
        var bottom = area.Cursor!.Value;

        area.HandleKey(KeyInput.Up);
        area.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal(0, area.CaretLine);
        Assert.Equal(bottom.Y - 1, area.Cursor!.Value.Y);
        Assert.Equal(bottom.X, area.Cursor.Value.X);
        Assert.InRange(area.CaretColumn, 1, Paragraph.Length - 1);
    }

    [Fact]
    public void TextArea_WordLongerThanALine_IsSplitAndTheCursorStaysInside()
    {
        var area = new TextArea { Text = new string('x', 95) };
        var buffer = new ScreenBuffer(20, 8);

        area.Render(buffer, buffer.Bounds, focused: true);

        Assert.All(buffer.ToText().Split('\n'), r => Assert.True(r.Length < 20, r));
        Assert.InRange(area.Cursor!.Value.X, 0, 19);
        Assert.InRange(area.Cursor.Value.Y, 0, 7);
    }

    [Fact]
    public void TextView_TallerThanItsArea_ShowsMoreBelow_AndScrollsToTheEnd()
    {
        var view = new TextView(Paragraph);
        var buffer = new ScreenBuffer(30, 3);

        view.Render(buffer, buffer.Bounds, focused: false);
        var top = buffer.ToText();
        view.ScrollBy(10);
        view.Render(buffer, buffer.Bounds, focused: false);
        var end = buffer.ToText();

        Assert.True(view.Overflows);
        Assert.StartsWith(" Mevrouw wil graag thuis", top, StringComparison.Ordinal);
        Assert.EndsWith("↓", top.Split('\n')[2], StringComparison.Ordinal);
        Assert.EndsWith("heup.", end.Split('\n')[2], StringComparison.Ordinal);
        Assert.Equal('↑', buffer[29, 0].Char);
    }

    [Fact]
    public void TextView_LinesWithTheirOwnStyles_WrapEachUnderItsIndent_ATableRowEndsInAnEllipsis_AndScrollsByRows()
    {
        var view = new TextView();
        view.SetLines(
        [
            TextLine.Heading("Observatie"),
            TextLine.Plain(Paragraph, indent: 2),
            TextLine.TableRow("Financiën        3 · Huisvesting     4 · Huiselijke relaties 2"),
            new TextLine("Vet", CellStyle.Bold),
        ]);
        var buffer = new ScreenBuffer(30, 6);

        view.Render(buffer, buffer.Bounds, focused: false);
        var rows = buffer.ToText().Split('\n');
        var lines = view.Lines(30);
        view.ScrollRows(1);
        view.Render(buffer, buffer.Bounds, focused: false);
        var scrolled = buffer.ToText().Split('\n');

        Assert.Equal(" Observatie", rows[0].TrimEnd());
        Assert.StartsWith("   Mevrouw wil graag thuis", rows[1], StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("   ", r, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 28, l));
        Assert.EndsWith("heup.", lines[^3], StringComparison.Ordinal);
        Assert.StartsWith("Financiën", lines[^2], StringComparison.Ordinal);
        Assert.EndsWith("…", lines[^2], StringComparison.Ordinal);
        Assert.True(view.Overflows);
        Assert.Equal('↓', buffer[29, 5].Char);
        Assert.StartsWith("   Mevrouw wil graag thuis", scrolled[0], StringComparison.Ordinal);
        Assert.Equal('↑', buffer[29, 0].Char);
    }

    [Fact]
    public void TextView_EachLineKeepsItsStyle()
    {
        var view = new TextView();
        view.SetLines([TextLine.Heading("Kop"), TextLine.Plain("Gewoon"), new TextLine("Vet", CellStyle.Bold)]);
        var buffer = new ScreenBuffer(20, 3);

        view.Render(buffer, buffer.Bounds, focused: false);

        Assert.Equal(CellStyle.Underline, buffer[1, 0].Style);
        Assert.Equal(CellStyle.Default, buffer[1, 1].Style);
        Assert.Equal(CellStyle.Bold, buffer[1, 2].Style);
    }

    [Fact]
    public void ListView_RowLongerThanTheLine_EndsInAnEllipsisAndLeavesTheLastColumnFree()
    {
        var list = new ListView<string>(s => s);
        list.SetItems([Paragraph]);
        var buffer = new ScreenBuffer(30, 2);

        list.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal("> " + Paragraph[..26] + "…", buffer.ToText().Split('\n')[0]);
    }

    [Fact]
    public void ListView_WrappingRows_ContinueUnderTheText_AndTheSelectedRowIsShownWhole()
    {
        var list = new ListView<string>(s => s) { MaxLinesPerItem = 2, ContinuationIndent = 4 };
        list.SetItems(["1-1 kort", "1-2 " + Paragraph, "1-3 " + Paragraph]);
        var buffer = new ScreenBuffer(40, 4);
        list.Select(2);

        list.Render(buffer, buffer.Bounds, focused: true);

        var rows = buffer.ToText().Split('\n');
        Assert.StartsWith("  1-2 Mevrouw", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("> 1-3 Mevrouw", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("      ", rows[3], StringComparison.Ordinal);
        Assert.EndsWith("…", rows[3], StringComparison.Ordinal);
        Assert.Equal(2, list.Cursor!.Value.Y);
    }

    [Fact]
    public void SelectField_WithAnError_KeepsTheChoiceWholeAndTheErrorAfterIt()
    {
        var select = new SelectField<string>("Frequentie", ["1 per dag", "2 per week"], s => s) { LabelWidth = 24, Error = () => "past niet: 3 etmalen per dag; kies per week of per maand" };
        var buffer = new ScreenBuffer(60, 1);

        select.Render(buffer, buffer.Bounds, focused: true);

        Assert.StartsWith("> Frequentie              < 1 per dag >  ! past niet", buffer.ToText(), StringComparison.Ordinal);
        Assert.EndsWith("…", buffer.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void StatusBar_TheFirstHintsKeepTheirRoom_BeforeLaterStatusItems()
    {
        var commands = new CommandTable(
        [
            CommandDefinition.Create("hulp", "Hulp", "Help", KeyInput.Character('?'), () => { }),
            CommandDefinition.Create("open", "Dossier openen", "Open", KeyInput.Enter, () => { }),
            CommandDefinition.Create("sync", "Synchroniseren", "Sync", KeyInput.Function(5), () => { }),
        ]);
        var bar = new StatusBar { Status = ["offline, niet aangemeld", "Sanne de Vries", "207 wachtend", "wijkverpleegkundige"], Commands = commands };
        var buffer = new ScreenBuffer(80, 1);

        bar.Render(buffer, buffer.Bounds, focused: false);

        var line = buffer.ToText();
        Assert.StartsWith(" offline, niet aangemeld · Sanne de Vries  ", line, StringComparison.Ordinal);
        Assert.Contains("? Hulp  Enter Dossier openen", line, StringComparison.Ordinal);
        Assert.True(line.Length < 80);
    }
}
