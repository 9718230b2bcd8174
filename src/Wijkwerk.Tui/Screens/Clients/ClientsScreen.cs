using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Dossier;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Clients;

/// <summary>
/// The caseload, sorted on surname. The search field has the focus, so typing filters on name,
/// postcode and birth date at once; arrows move through the list, Enter opens the dossier, Tab moves
/// focus to the list (where j/k and the one-letter commands work), Esc clears the search, then goes back.
/// </summary>
public sealed class ClientsScreen : AppScreen
{
    private readonly ListView<Client> _list;
    private readonly TextField _filter;
    private readonly TableColumns _columns;
    // Clients matching the query typed and each of its beginnings: typing on only narrows a match, so a
    // longer query filters the shorter one's matches, and Backspace finds its answer here. Queries that are
    // no beginning of the current one are dropped, so this never holds more than one set per typed letter.
    private readonly Dictionary<string, HashSet<Client>> _matches = [];
    private Func<Client, string> _searchTexts = ClientSearch.SearchTexts([]);
    private bool _filterFocused = true;

    public ClientsScreen(WijkwerkApp app)
        : base(app)
    {
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiColumnName), MinWidth: 20, Weight: 3, MaxWidth: 48),
            new TableColumn(T(TextId.UiColumnBirthDate), MinWidth: 10, Keep: 2),
            new TableColumn(T(TextId.UiColumnAddress), MinWidth: 12, Weight: 2, MaxWidth: 60),
        ]);
        _list = new ListView<Client>(Format) { EmptyText = T(TextId.UiClientsNone) };
        _list.Activated += client => App.Push(new DossierScreen(App, client.Id));
        _filter = new TextField(T(TextId.UiFilterLabel), maxLength: 60) { LabelWidth = 10 };
        _filter.Changed += ApplyFilter;

        Command("open", TextId.CmdOpenDossier, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        Command("filter", TextId.CmdFilter, [KeyInput.Tab], () => _filterFocused = !_filterFocused);
        Command("search", TextId.CmdFilter, [KeyInput.Character('/')], () => _filterFocused = true, inStatusBar: false);
        // Ctrl+N works while typing in the search field; plain n only once the list has the focus.
        Command("new", TextId.CmdNewClient, [KeyInput.Ctrl('n'), KeyInput.Character('n')], () => App.Push(ClientFormScreen.New(App)),
            () => App.Store.Identity.Role.RecordsSignalsAndVisits());
        Command("back", TextId.CmdBack, [KeyInput.Escape], Escape);
        ListCommands(_list);
        Load();
    }

    public override string Title => T(TextId.UiClientsTitle);

    public override CellPosition? Cursor => _filterFocused ? _filter.Cursor : _list.Cursor;

    public IReadOnlyList<Client> Visible => _list.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        _filter.Render(buffer, rows[0].Inset(1, 0), _filterFocused);
        var count = T(TextId.UiClientsCount, _list.VisibleItems.Count, new Count(_list.Items.Count, Noun.Client));
        buffer.PutLine(rows[1], 0, CellText.Truncate(" " + count, area.Width), CellStyle.Default);
        buffer.PutLine(rows[2], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<Client>.TextWidth(area.Width)), CellStyle.Underline);
        _list.Render(buffer, rows[3], focused: !_filterFocused);
    }

    protected override bool HandleContentKey(KeyInput key)
    {
        if (key.Key is Key.UpArrow or Key.DownArrow or Key.PageUp or Key.PageDown or Key.Enter)
            return _list.HandleKey(key);
        if (!_filterFocused)
            return _list.HandleKey(key);
        return key != KeyInput.Escape && key != KeyInput.Tab && _filter.HandleKey(key);
    }

    private void Escape()
    {
        if (ListFilter.Clear(_filter, _list))
            _filterFocused = true;
        else
            App.Back();
    }

    private void ApplyFilter(string text)
    {
        if (text.Trim().Length == 0)
        {
            _list.Filter = null;
            return;
        }

        if (!_matches.TryGetValue(text, out var matches))
        {
            IEnumerable<Client> candidates = _list.Items;
            var longest = -1;
            foreach (var (query, found) in _matches)
            {
                if (query.Length > longest && text.StartsWith(query, StringComparison.Ordinal))
                    (candidates, longest) = (found, query.Length);
            }

            foreach (var query in _matches.Keys.Where(q => !text.StartsWith(q, StringComparison.Ordinal)).ToList())
                _matches.Remove(query);
            matches = candidates.Where(ClientSearch.Matching(text, _searchTexts)).ToHashSet<Client>(ReferenceEqualityComparer.Instance);
            _matches[text] = matches;
        }

        _list.Filter = matches.Contains;
    }

    private void Load()
    {
        _matches.Clear();
        LoadItems();
        ApplyFilter(_filter.Text);
    }

    private void LoadItems()
    {
        var clients = App.Store.Clients.Search().OrderBy(c => c.Name.SortForm, PersonName.DutchOrder).ToList();
        _searchTexts = ClientSearch.SearchTexts(clients);
        _list.SetItems(clients);
    }

    private string Format(Client c, int width) => _columns.Row(width, [c.Name.SortForm, DateText.Show(c.BirthDate), c.Address.ToString()]);
}
