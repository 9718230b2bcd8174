using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Budget;

/// <summary>
/// The approval inbox: colleagues' open budget requests of my teams on which I have not voted, oldest first, with
/// how many approvals each has. "/" filters on client, what, category and supplier; Enter opens the request.
/// </summary>
public sealed class BudgetInboxScreen : AppScreen
{
    private readonly ListView<BudgetRequest> _list;
    private readonly FilteredList<BudgetRequest> _filtered;
    private readonly TableColumns _columns;
    private readonly Dictionary<Id<Client>, string> _names = [];
    private Dictionary<Id<BudgetRequest>, int> _approvals = [];

    public BudgetInboxScreen(WijkwerkApp app)
        : base(app)
    {
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiBudgetColumnRequested), MinWidth: 10, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnClient), MinWidth: 14, Weight: 2, MaxWidth: 30, Keep: 3),
            new TableColumn(T(TextId.UiBudgetColumnAmount), MinWidth: 10, Keep: 3),
            new TableColumn(T(TextId.UiBudgetColumnApprovals), MinWidth: 7, Keep: 2),
            new TableColumn(T(TextId.UiBudgetColumnWhat), MinWidth: 12, Weight: 3, MaxWidth: 60, Keep: 1),
            new TableColumn(T(TextId.UiBudgetColumnCategory), MinWidth: 10, Weight: 1, MaxWidth: 30),
        ]);
        _list = new ListView<BudgetRequest>(Format) { EmptyText = T(TextId.UiBudgetInboxEmpty) };
        _list.Activated += r => App.Push(new BudgetRequestDetailScreen(App, r));
        _filtered = FilteredList(_list, Matching);
        Command("open", TextId.CmdOpenItem, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        FilterCommands(_filtered);
        Load();
    }

    public override string Title => T(TextId.UiBudgetInboxTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<BudgetRequest> Visible => _list.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        buffer.PutLine(rows[1], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<BudgetRequest>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[2]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    private Func<BudgetRequest, bool> Matching(string text) => r =>
        new[] { ClientName(r.ClientId), r.What, EnumTexts.Name(r.Category, App.Lang), r.Supplier.Name }.Any(t => t.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));

    private void Load()
    {
        var store = App.Store.Budget;
        var requests = store.AwaitingMyVote();
        _approvals = requests.ToDictionary(r => r.Id, r => BudgetRules.Approvers(r, store.Votes(r.Id)).Count);
        _list.SetItems(requests);
        _filtered.Reapply();
    }

    private string Format(BudgetRequest r, int width) =>
        _columns.Row(width, [DateText.Show(DateOnly.FromDateTime(AmsterdamTime.ToLocal(r.RequestedAt).DateTime)), ClientName(r.ClientId), r.Amount.ToString(),
            $"{_approvals.GetValueOrDefault(r.Id)}/{BudgetRules.RequiredApprovals}", r.What, EnumTexts.Name(r.Category, App.Lang)]);

    private string ClientName(Id<Client> id)
    {
        if (!_names.TryGetValue(id, out var name))
            _names[id] = name = App.Store.Clients.NameOf(id)?.SortForm ?? "";
        return name;
    }
}
