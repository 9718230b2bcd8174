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
/// The caseload, sorted on surname. The list has the focus, so the one-letter commands work at once;
/// "/" filters on name, postcode and birth date at once (see <see cref="FilteredList{T}"/>), Enter opens
/// the dossier.
/// </summary>
public sealed class ClientsScreen : AppScreen
{
    private readonly ListView<Client> _list;
    private readonly FilteredList<Client> _filtered;
    private readonly TableColumns _columns;
    // Clients matching the query typed and each of its beginnings: typing on only narrows a match, so a
    // longer query filters the shorter one's matches, and Backspace finds its answer here. Queries that are
    // no beginning of the current one are dropped, so this never holds more than one set per typed letter.
    private readonly Dictionary<string, HashSet<Client>> _matches = [];
    private Func<Client, string> _searchTexts = ClientSearch.SearchTexts([]);

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
        _filtered = FilteredList(_list, Matching);

        Command("open", TextId.CmdOpenDossier, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        // Ctrl+N works while typing in the search field; plain n on the list.
        Command("new", TextId.CmdNewClient, [KeyInput.Character('n'), KeyInput.Ctrl('n')], () => App.Push(ClientFormScreen.New(App)),
            () => App.Store.Identity.Role.RecordsSignalsAndVisits());
        FilterCommands(_filtered);
        Load();
    }

    public override string Title => T(TextId.UiClientsTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<Client> Visible => _list.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        var count = T(TextId.UiClientsCount, _list.VisibleItems.Count, new Count(_list.Items.Count, Noun.Client));
        buffer.PutLine(rows[1], 0, CellText.Truncate(" " + count, area.Width), CellStyle.Default);
        buffer.PutLine(rows[2], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<Client>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[3]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    private Func<Client, bool> Matching(string text)
    {
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

        return matches.Contains;
    }

    private void Load()
    {
        _matches.Clear();
        LoadItems();
        _filtered.Reapply();
    }

    private void LoadItems()
    {
        var clients = App.Store.Clients.Search().OrderBy(c => c.Name.SortForm, PersonName.DutchOrder).ToList();
        _searchTexts = ClientSearch.SearchTexts(clients);
        _list.SetItems(clients);
    }

    private string Format(Client c, int width) => _columns.Row(width, [c.Name.SortForm, DateText.Show(c.BirthDate), c.Address.ToString()]);
}
