using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Tests.Widgets;

public sealed class ListViewTests
{
    private static readonly string[] Clients = ["Bakker", "de Jong", "Jansen", "Öztürk", "Smit", "Visser", "de Vries", "Willems"];

    [Fact]
    public void HandleKey_ArrowsAndJk_MoveSelection()
    {
        var list = NewList();

        list.HandleKey(KeyInput.Down);
        list.HandleKey(KeyInput.Character('j'));
        list.HandleKey(KeyInput.Character('k'));

        Assert.Equal("de Jong", list.SelectedItem);
    }

    [Fact]
    public void HandleKey_HomeEndAtBounds_Clamp()
    {
        var list = NewList();

        list.HandleKey(KeyInput.Up);
        var afterUp = list.SelectedIndex;
        list.HandleKey(KeyInput.End);
        list.HandleKey(KeyInput.Down);

        Assert.Equal(0, afterUp);
        Assert.Equal("Willems", list.SelectedItem);
        list.HandleKey(KeyInput.Home);
        Assert.Equal("Bakker", list.SelectedItem);
    }

    [Fact]
    public void HandleKey_PageDown_MovesByVisibleRows()
    {
        var list = NewList();
        list.Render(new ScreenBuffer(30, 10), new Rect(0, 0, 30, 3), focused: true);

        list.HandleKey(KeyInput.PageDown);

        Assert.Equal(3, list.SelectedIndex);
    }

    [Fact]
    public void Filter_SelectedItemStillMatches_KeepsSelection()
    {
        var list = NewList();
        list.Select(2);

        list.Filter = c => c.Contains('s', StringComparison.OrdinalIgnoreCase);

        Assert.Equal("Jansen", list.SelectedItem);
        Assert.Equal(["Jansen", "Smit", "Visser", "de Vries", "Willems"], list.VisibleItems);
    }

    [Fact]
    public void Filter_SelectedItemFilteredOut_SelectsFirstMatchAndNavigatesWithinFiltered()
    {
        var list = NewList();
        list.Select(4);

        list.Filter = c => c.StartsWith("de ", StringComparison.Ordinal);
        list.HandleKey(KeyInput.Down);
        list.HandleKey(KeyInput.Down);

        Assert.Equal("de Vries", list.SelectedItem);
    }

    [Fact]
    public void Filter_NothingMatches_ShowsEmptyTextAndNoSelection()
    {
        var list = NewList();
        list.EmptyText = "Geen cliënten gevonden";
        var buffer = new ScreenBuffer(30, 3);

        list.Filter = _ => false;
        list.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal(-1, list.SelectedIndex);
        Assert.Null(list.SelectedItem);
        Assert.Equal("  Geen cliënten gevonden", buffer.ToText().Split('\n')[0]);
        Assert.False(list.HandleKey(KeyInput.Enter));
    }

    [Fact]
    public void Render_SelectedRow_MarkerAndReverseVideo()
    {
        var list = NewList();
        var buffer = new ScreenBuffer(20, 3);
        list.Select(1);

        list.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal("  Bakker\n> de Jong\n  Jansen", buffer.ToText());
        Assert.True(buffer[0, 1].Style.IsReverse);
        Assert.True(buffer[19, 1].Style.IsReverse);
        Assert.False(buffer[0, 0].Style.IsReverse);
        Assert.Equal(new CellPosition(0, 1), list.Cursor);
    }

    [Fact]
    public void Render_CursorBelowViewport_ScrollsAndFormatsOnlyVisibleRows()
    {
        var formatted = new List<int>();
        var list = new ListView<int>(i =>
        {
            formatted.Add(i);
            return $"rij {i}";
        });
        list.SetItems(Enumerable.Range(0, 100_000).ToList());
        var buffer = new ScreenBuffer(20, 4);

        list.Select(50_000);
        list.Render(buffer, buffer.Bounds, focused: true);

        Assert.Equal(4, formatted.Count);
        Assert.Equal("> rij 50000", buffer.ToText().Split('\n')[3]);
    }

    [Fact]
    public void HandleKey_Enter_RaisesActivatedWithSelection()
    {
        var list = NewList();
        string? opened = null;
        list.Activated += c => opened = c;
        list.Select(3);

        Assert.True(list.HandleKey(KeyInput.Enter));
        Assert.Equal("Öztürk", opened);
    }

    private static ListView<string> NewList()
    {
        var list = new ListView<string>(c => c);
        list.SetItems(Clients);
        return list;
    }
}
