using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>
/// The team's mandate decisions: follow-ups that are due come first (oldest follow-up date first, "te laat" in
/// words and red), then the rest newest first. "/" filters on client, department, rule and bottleneck; Enter opens
/// the decision in full.
/// </summary>
public sealed class DecisionsScreen : AppScreen
{
    private readonly ListView<MandateDecision> _list;
    private readonly FilteredList<MandateDecision> _filtered;
    private readonly TableColumns _columns;
    private readonly Dictionary<Id<Client>, string> _names = [];

    public DecisionsScreen(WijkwerkApp app)
        : base(app)
    {
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiDecisionsColumnDecided), MinWidth: 10, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnClient), MinWidth: 14, Weight: 2, MaxWidth: 36, Keep: 3),
            new TableColumn(T(TextId.FieldMandateDepartment), MinWidth: 10, Weight: 1, MaxWidth: 24, Keep: 2),
            new TableColumn(T(TextId.UiDecisionsColumnFollowUp), MinWidth: 26, MaxWidth: 28, Keep: 3),
            new TableColumn(T(TextId.FieldRuleOverridden), MinWidth: 12, Weight: 2, MaxWidth: 60),
        ]);
        _list = new ListView<MandateDecision>(Format)
        {
            EmptyText = T(TextId.UiDecisionsEmpty),
            RowStyle = d => DecisionText.Style(d, Today),
        };
        _list.Activated += d => App.Push(new DecisionDetailScreen(App, d));
        _filtered = FilteredList(_list, Matching);
        Command("open", TextId.CmdOpenItem, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        FilterCommands(_filtered);
        Load();
    }

    public override string Title => T(TextId.UiDecisionsTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<MandateDecision> Visible => _list.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        buffer.PutLine(rows[1], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<MandateDecision>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[2]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    private DateOnly Today => AmsterdamTime.Today(App.Clock);

    private Func<MandateDecision, bool> Matching(string text) => d =>
        new[] { ClientName(d.ClientId), d.Department, d.RuleOverridden, d.BottleneckTag }.Any(t => t.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));

    private void Load()
    {
        var today = Today;
        var all = App.Store.MandateDecisions.All();
        var due = all.Where(d => DecisionText.IsDue(d, today)).OrderBy(d => d.FollowUpOn).ThenBy(d => d.DecidedAt);
        var rest = all.Where(d => !DecisionText.IsDue(d, today)).OrderByDescending(d => d.DecidedAt);
        _list.SetItems([.. due, .. rest]);
        _filtered.Reapply();
    }

    private string Format(MandateDecision d, int width) =>
        _columns.Row(width, [DateText.Show(DateOnly.FromDateTime(AmsterdamTime.ToLocal(d.DecidedAt).DateTime)), ClientName(d.ClientId), d.Department, DecisionText.FollowUpState(App, d, Today), d.RuleOverridden]);

    private string ClientName(Id<Client> id)
    {
        if (!_names.TryGetValue(id, out var name))
            _names[id] = name = App.Store.Clients.NameOf(id)?.SortForm ?? "";
        return name;
    }
}
