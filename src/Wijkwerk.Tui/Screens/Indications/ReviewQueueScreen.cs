using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Indications;

/// <summary>
/// The Wmo consultant's work list: advices waiting for them, and below those waiting for the author's
/// answer, overdue first and then by the legal date that counts. "/" filters on client, category,
/// status and team (see <see cref="FilteredList{T}"/>); s cycles the view; Enter or b decides, t sets the term. Other roles see the same list
/// without the consultant's actions.
/// </summary>
public sealed class ReviewQueueScreen : AppScreen
{
    private static readonly Dictionary<QueueView, TextId> ViewNames = new()
    {
        [QueueView.Open] = TextId.UiQueueViewOpen,
        [QueueView.Awaiting] = TextId.UiQueueViewAwaiting,
        [QueueView.QuestionOpen] = TextId.UiQueueViewQuestion,
        [QueueView.Decided] = TextId.UiQueueViewDecided,
        [QueueView.All] = TextId.UiQueueViewAll,
    };

    private readonly ListView<QueueRow> _list;
    private readonly FilteredList<QueueRow> _filtered;
    private IReadOnlyList<QueueRow> _rows = [];
    private int _unreadable;
    private readonly QueueLine _line;

    public ReviewQueueScreen(WijkwerkApp app)
        : base(app)
    {
        _line = new QueueLine(app.Lang);
        _list = new ListView<QueueRow>(_line.Format)
        {
            EmptyText = T(TextId.UiQueueNone),
            RowStyle = r => r.Clock.IsFlagged ? WidgetStyles.Error : CellStyle.Default,
        };
        _filtered = FilteredList(_list, ReviewQueue.Matching);

        Command("open", TextId.CmdAdviceOpen, [KeyInput.Enter], () => App.Push(new AdviceScreen(App, Selected!.Id)), () => Selected is not null);
        Command("decide", TextId.CmdDecide, [KeyInput.Character('b')], () => App.Push(DecisionFormScreen.For(App, Selected!)),
            () => Selected is { } a && ConsultantActions.MayDecide(a.Status, Role));
        Command("term", TextId.CmdExtendTerm, [KeyInput.Character('t')], () => App.Push(ExtensionFormScreen.For(App, Selected!)),
            () => Selected is { } a && ConsultantActions.MayExtend(a.Status, Role));
        Command("view", TextId.CmdQueueView, [KeyInput.Character('s')], NextView);
        FilterCommands(_filtered);
        Load();
    }

    public override string Title => T(TextId.UiQueueTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public QueueView View { get; private set; } = QueueView.Open;

    public IReadOnlyList<QueueRow> Visible => _list.VisibleItems;

    private IndicationAdvice? Selected => _list.SelectedItem?.Advice;

    private Role Role => App.Store.Identity.Role;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var details = DetailLines(area.Width);
        var notice = _unreadable > 0 ? CellText.Wrap("! " + T(TextId.UiAdvicesUnreadable, _unreadable), Math.Max(1, area.Width - 2)) : [];
        var rows = area.SplitRows(
            LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(notice.Count), LayoutSize.Fixed(1), LayoutSize.Fill(), LayoutSize.Fixed(details.Count));
        _filtered.RenderFilter(buffer, rows[0].Inset(1, 0));
        buffer.PutLine(rows[1], 0, CellText.Truncate(" " + T(TextId.UiQueueView, T(ViewNames[View])), area.Width), CellStyle.Bold);
        var overdue = _list.VisibleItems.Count(r => r.Clock.State == ClockState.Overdue);
        buffer.PutLine(rows[2], 0, CellText.Truncate(" " + T(TextId.UiQueueCount, _list.VisibleItems.Count, new Count(_rows.Count, Noun.Advice), overdue), area.Width), CellStyle.Default);
        for (var i = 0; i < notice.Count; i++)
            buffer.PutLine(rows[3], i, " " + notice[i], WidgetStyles.Error);
        buffer.PutLine(rows[4], 0, WidgetStyles.NoMarker + _line.Heading(ListView<QueueRow>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[5]);
        for (var i = 0; i < details.Count; i++)
            buffer.PutLine(rows[6], i, " " + details[i], i == 0 ? CellStyle.Bold : CellStyle.Default);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    /// <summary>
    /// The selected advice in full under the list, wrapped rather than cut: whose, which team, where it
    /// stands, and the investigation clock too once the aanvraag has started the decision clock.
    /// </summary>
    private List<string> DetailLines(int width)
    {
        var lines = new List<string>();
        if (_list.SelectedItem is { } row)
        {
            var today = AmsterdamTime.Today(App.Clock);
            lines.Add($"{row.ClientName} · {row.Advice.Team}");
            lines.Add(AdviceText.Summary(row.Advice, today, App.Lang));
            lines.AddRange(row.Advice.Clocks.All(today).SkipLast(1).Select(c => AdviceText.Clock(c, App.Lang)));
        }

        if (AdviceWorkflow.ActorFor(Role) != AdviceActor.Consultant)
            lines.Add(T(TextId.UiQueueReadOnly));
        return lines.SelectMany(l => CellText.Wrap(l, Math.Max(1, width - 2))).ToList();
    }

    private void NextView()
    {
        View = ReviewQueue.Next(View);
        _list.SetItems(ReviewQueue.View(_rows, View));
        _list.Select(0);
    }

    private void Load()
    {
        var store = App.Store;
        var clients = store.Clients.Search().ToDictionary(c => c.Id);
        // The one logged read of the advices for this open or refresh; filters and views work on these rows.
        var advices = store.Advices.All();
        _unreadable = advices.Unreadable;
        _rows = ReviewQueue.Rows(advices, clients, AmsterdamTime.Today(App.Clock), App.Lang, T(TextId.UiQueueClientUnknown));
        // A row is rebuilt when its advice changed; the selection stays on the same advice.
        var selected = Selected?.Id;
        _list.SetItems(ReviewQueue.View(_rows, View));
        var index = _list.VisibleItems.ToList().FindIndex(r => r.Advice.Id == selected);
        if (index >= 0)
            _list.Select(index);
    }
}
