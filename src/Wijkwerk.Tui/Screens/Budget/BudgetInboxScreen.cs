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
public sealed class BudgetInboxScreen : TableListScreen<BudgetRequest>
{
    private Dictionary<Id<BudgetRequest>, int> _approvals = [];

    public BudgetInboxScreen(WijkwerkApp app)
        : base(app,
        [
            new TableColumn(app.T(TextId.UiBudgetColumnRequested), MinWidth: 10, Keep: 3),
            new TableColumn(app.T(TextId.UiQueueColumnClient), MinWidth: 14, Weight: 2, MaxWidth: 30, Keep: 3),
            new TableColumn(app.T(TextId.UiBudgetColumnAmount), MinWidth: 10, Keep: 3),
            new TableColumn(app.T(TextId.UiBudgetColumnApprovals), MinWidth: 7, Keep: 2),
            new TableColumn(app.T(TextId.UiBudgetColumnWhat), MinWidth: 12, Weight: 3, MaxWidth: 60, Keep: 1),
            new TableColumn(app.T(TextId.UiBudgetColumnCategory), MinWidth: 10, Weight: 1, MaxWidth: 30),
        ], TextId.UiBudgetInboxEmpty) =>
        Reload();

    public override string Title => T(TextId.UiBudgetInboxTitle);

    protected override IReadOnlyList<BudgetRequest> Load()
    {
        var store = App.Store.Budget;
        var requests = store.AwaitingMyVote();
        _approvals = requests.ToDictionary(r => r.Id, r => BudgetRules.Approvers(r, store.Votes(r.Id)).Count);
        return requests;
    }

    protected override IReadOnlyList<string> Cells(BudgetRequest r) =>
        [DateText.Show(AmsterdamTime.DayOf(r.RequestedAt)), ClientName(r.ClientId), r.Amount.ToString(),
            $"{_approvals.GetValueOrDefault(r.Id)}/{BudgetRules.RequiredApprovals}", r.What, EnumTexts.Name(r.Category, App.Lang)];

    protected override IEnumerable<string> Searched(BudgetRequest r) => [ClientName(r.ClientId), r.What, EnumTexts.Name(r.Category, App.Lang), r.Supplier.Name];

    protected override void Open(BudgetRequest r) => App.Push(new BudgetRequestDetailScreen(App, r));
}
