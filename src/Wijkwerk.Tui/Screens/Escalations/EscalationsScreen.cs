using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// The open escalations and the pauses not lifted, what needs action first: follow-ups due and pauses that ended or
/// end this week, then by date. "/" filters on kind, client, state and what; Enter opens the escalation or pause.
/// </summary>
public sealed class EscalationsScreen : AppScreen
{
    private readonly ListView<Row> _list;
    private readonly FilteredList<Row> _filtered;
    private readonly TableColumns _columns;
    private readonly Dictionary<Id<Client>, string> _names = [];

    public EscalationsScreen(WijkwerkApp app)
        : base(app)
    {
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiEscalationsColumnKind), MinWidth: 10, Keep: 3),
            new TableColumn(T(TextId.UiQueueColumnClient), MinWidth: 14, Weight: 2, MaxWidth: 30, Keep: 3),
            new TableColumn(T(TextId.UiEscalationsColumnState), MinWidth: 22, Keep: 3),
            new TableColumn(T(TextId.UiEscalationsColumnWhat), MinWidth: 12, Weight: 3, MaxWidth: 70, Keep: 1),
        ]);
        _list = new ListView<Row>(Format) { EmptyText = T(TextId.UiEscalationsEmpty), RowStyle = r => r.Style };
        _list.Activated += Open;
        _filtered = FilteredList(_list, Matching);
        Command("open", TextId.CmdOpenItem, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        FilterCommands(_filtered);
        Load();
    }

    public override string Title => T(TextId.UiEscalationsTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<Row> Visible => _list.VisibleItems;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        buffer.PutLine(rows[1], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<Row>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[2]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    private Func<Row, bool> Matching(string text) => r => Cells(r).Any(t => t.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));

    private void Load()
    {
        var today = AmsterdamTime.Today(App.Clock);
        var escalations = App.Store.Escalations.All().Where(e => e.IsOpen)
            .Select(e => new Row(e, null, e.FollowUpDue(today), e.FollowUpOn, EscalationText.Style(e, today)));
        var pauses = App.Store.Pauses.All().Where(p => p.Current.StateOn(today) != PauseState.Lifted)
            .Select(p => new Row(null, p, p.Current.StateOn(today) is PauseState.Ended or PauseState.EndingSoon, p.Current.EndsOn, EscalationText.Style(p.Current, today)));
        _list.SetItems(escalations.Concat(pauses).OrderByDescending(r => r.NeedsAction).ThenBy(r => r.Date).ToList());
        _filtered.Reapply();
    }

    private void Open(Row row)
    {
        if (row.Escalation is { } escalation)
            App.Push(new EscalationDetailScreen(App, escalation));
        else
            App.Push(new PauseDetailScreen(App, row.Pause!));
    }

    private string Format(Row r, int width) => _columns.Row(width, Cells(r));

    private string[] Cells(Row r)
    {
        var today = AmsterdamTime.Today(App.Clock);
        if (r.Escalation is { } e)
        {
            var followUp = T(e.FollowUpDue(today) ? TextId.UiEscalationsFollowUpDue : TextId.UiEscalationsFollowUp, DateText.Show(e.FollowUpOn));
            return [T(TextId.UiEscalationsKindEscalation), ClientName(e.ClientId), followUp, $"{EnumTexts.Name(e.Level, App.Lang)}: {e.Reason.ReplaceLineEndings(" ")}"];
        }

        var p = r.Pause!.Current;
        var state = p.StateOn(today) switch
        {
            PauseState.Ended => TextId.UiEscalationsPauseEnded,
            PauseState.EndingSoon => TextId.UiEscalationsPauseEnding,
            _ => TextId.UiEscalationsPauseHolding,
        };
        return [T(TextId.UiEscalationsKindPause), ClientName(p.ClientId), T(state, DateText.Show(p.EndsOn)), $"{p.Department}: {p.Action}"];
    }

    private string ClientName(Id<Client> id)
    {
        if (!_names.TryGetValue(id, out var name))
            _names[id] = name = App.Store.Clients.NameOf(id)?.SortForm ?? "";
        return name;
    }

    /// <summary>One row: an open escalation or a pause not lifted, whether it asks for action now, and the date it is ordered by.</summary>
    public sealed record Row(Escalation? Escalation, PauseRecord? Pause, bool NeedsAction, DateOnly Date, CellStyle Style);
}
