using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.App;

/// <summary>
/// The list screen most workflows need, keyed alike everywhere: a filter line ("/"), column heads that share the width,
/// the rows, and Enter to open one. A subclass names the columns, a row's cells, what the filter searches, what Enter
/// opens and the items, which are read again whenever the screen is back on top. Subclasses call <see cref="Reload"/>
/// at the end of their constructor, once their own fields are set.
/// </summary>
public abstract class TableListScreen<TItem> : AppScreen
{
    private readonly ListView<TItem> _list;
    private readonly FilteredList<TItem> _filtered;
    private readonly TableColumns _columns;
    private readonly Dictionary<Id<Client>, string> _names = [];

    protected TableListScreen(WijkwerkApp app, IReadOnlyList<TableColumn> columns, TextId empty)
        : base(app)
    {
        _columns = new TableColumns(columns);
        _list = new ListView<TItem>((item, width) => _columns.Row(width, Cells(item)))
        {
            EmptyText = T(empty),
            RowStyle = item => RowStyle(item) ?? WidgetStyles.Normal,
        };
        _list.Activated += Open;
        _filtered = FilteredList(_list, text => item => Searched(item).Any(t => t.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase)));
        Command("open", TextId.CmdOpenItem, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        FilterCommands(_filtered);
    }

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<TItem> Visible => _list.VisibleItems;

    public override void OnResumed() => Reload();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        buffer.PutLine(rows[1], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<TItem>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[2]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    /// <summary>The items in the order the list shows them.</summary>
    protected abstract IReadOnlyList<TItem> Load();

    /// <summary>One text per column.</summary>
    protected abstract IReadOnlyList<string> Cells(TItem item);

    /// <summary>The texts "/" searches (case and accents as typed, any part of a text).</summary>
    protected abstract IEnumerable<string> Searched(TItem item);

    protected abstract void Open(TItem item);

    /// <summary>A row's own look (late, due); null for the normal one.</summary>
    protected virtual CellStyle? RowStyle(TItem item) => null;

    protected void Reload()
    {
        _list.SetItems(Load());
        _filtered.Reapply();
    }

    /// <summary>The client's name as the lists sort it, read once per screen.</summary>
    protected string ClientName(Id<Client> id)
    {
        if (!_names.TryGetValue(id, out var name))
            _names[id] = name = App.Store.Clients.NameOf(id)?.SortForm ?? "";
        return name;
    }
}
