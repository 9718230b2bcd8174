using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Patterns;

/// <summary>
/// The werktafel's patterns of my teams, open ones first and newest raised first: the bottleneck, how many cases of
/// how many clients, the money spent and where each stands. Counts and money only; "/" filters, Enter opens.
/// </summary>
public sealed class PatternsScreen : AppScreen
{
    private readonly ListView<PatternView> _list;
    private readonly FilteredList<PatternView> _filtered;
    private readonly TableColumns _columns;

    public PatternsScreen(WijkwerkApp app)
        : base(app)
    {
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiPatternColumnTag), MinWidth: 14, Weight: 2, MaxWidth: 40, Keep: 3),
            new TableColumn(T(TextId.UiPatternColumnCases), MinWidth: 5, Keep: 3),
            new TableColumn(T(TextId.UiPatternColumnClients), MinWidth: 8, Keep: 2),
            new TableColumn(T(TextId.UiPatternColumnMoney), MinWidth: 11, Keep: 2),
            new TableColumn(T(TextId.UiPatternColumnState), MinWidth: 12, Weight: 2, MaxWidth: 36, Keep: 3),
        ]);
        _list = new ListView<PatternView>(Format) { EmptyText = T(TextId.UiPatternsEmpty) };
        _list.Activated += p => App.Push(new PatternDetailScreen(App, p.Pattern.Id));
        _filtered = FilteredList(_list, Matching);
        Command("open", TextId.CmdOpenItem, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        FilterCommands(_filtered);
        Load();
    }

    public override string Title => T(TextId.UiPatternsTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<PatternView> Visible => _list.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        buffer.PutLine(rows[1], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<PatternView>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[2]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    private Func<PatternView, bool> Matching(string text) => p =>
        new[] { p.Pattern.TagKey, EnumTexts.Name(p.Pattern.State, App.Lang), string.Join(' ', p.Pattern.Teams) }
            .Any(t => t.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));

    private void Load()
    {
        _list.SetItems(App.Store.Patterns.All().OrderByDescending(p => p.Pattern.IsOpen).ThenByDescending(p => p.Pattern.RaisedAt).ToList());
        _filtered.Reapply();
    }

    private string Format(PatternView p, int width) =>
        _columns.Row(width, [p.Pattern.TagKey, p.Pattern.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.Pattern.Clients.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Pattern.Spent.ToString(), EnumTexts.Name(p.Pattern.State, App.Lang)]);
}
