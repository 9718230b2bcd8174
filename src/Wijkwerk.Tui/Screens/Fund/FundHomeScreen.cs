using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// The fund secretariat's start of the week: the fund's money in one line (deposited, paid out, repaid, balance) and
/// the queue: granted requests waiting for payout first by due date (a late one marked "! te laat" in words and in
/// red), then new requests, then paid ones to evaluate and evaluated ones to settle. Enter opens the request.
/// </summary>
public sealed class FundHomeScreen : AppScreen
{
    private readonly ListView<FundRequest> _list;
    private readonly FilteredList<FundRequest> _filtered;
    private readonly TableColumns _columns;
    private FundBalance _balance = new(Money.Zero, Money.Zero, Money.Zero);

    public FundHomeScreen(WijkwerkApp app)
        : base(app)
    {
        _columns = new TableColumns(
        [
            new TableColumn(T(TextId.UiFundColumnWhen), MinWidth: 26, Keep: 3),
            new TableColumn(T(TextId.UiFundColumnAmount), MinWidth: 11, Keep: 3),
            new TableColumn(T(TextId.UiFundColumnStatus), MinWidth: 12, Weight: 1, MaxWidth: 34, Keep: 2),
            new TableColumn(T(TextId.UiFundColumnPurpose), MinWidth: 12, Weight: 2, MaxWidth: 60, Keep: 1),
            new TableColumn(T(TextId.UiFundColumnTeam), MinWidth: 10, Weight: 1, MaxWidth: 30),
        ]);
        _list = new ListView<FundRequest>(Format)
        {
            EmptyText = T(TextId.UiFundQueueEmpty),
            RowStyle = r => r.IsPayoutLate(Today) ? WidgetStyles.Error : CellStyle.Default,
        };
        _list.Activated += r => App.Push(new FundRequestDetailScreen(App, r));
        _filtered = FilteredList(_list, Matching);
        Command("open", TextId.CmdOpenItem, [KeyInput.Enter], () => _list.HandleKey(KeyInput.Enter), () => _list.SelectedItem is not null);
        Command("receivables", TextId.CmdFundReceivables, [KeyInput.Character('9')], () => App.Push(new FundReceivablesScreen(App)));
        FilterCommands(_filtered, isRoot: true);
        Load();
    }

    public override string Title => T(TextId.UiFundHomeTitle);

    public override CellPosition? Cursor => _filtered.Cursor;

    public IReadOnlyList<FundRequest> Visible => _list.VisibleItems;

    public FundBalance Balance => _balance;

    private DateOnly Today => App.Store.Fund.Today;

    public override void OnResumed() => Load();

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        // The balance first and on its own line: at 80 columns the four figures do not fit on one.
        var rows = area.SplitRows(LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fixed(1), LayoutSize.Fill());
        buffer.PutLine(rows[0], 0, CellText.Truncate(" " + T(TextId.UiFundBalanceShort, _balance.Available), area.Width), CellStyle.Bold);
        buffer.PutLine(rows[1], 0, CellText.Truncate(" " + T(TextId.UiFundBalanceLine, _balance.Deposited, _balance.PaidOut, _balance.Repaid), area.Width), CellStyle.Default);
        buffer.PutLine(rows[2], 0, CellText.Truncate(" " + T(TextId.UiFundQueueHeading), area.Width), CellStyle.Bold);
        _filtered.RenderFilter(buffer, rows[3].Inset(1, 0));
        buffer.PutLine(rows[4], 0, WidgetStyles.NoMarker + _columns.Heading(ListView<FundRequest>.TextWidth(area.Width)), CellStyle.Underline);
        _filtered.RenderList(buffer, rows[5]);
    }

    protected override bool HandleContentKey(KeyInput key) => _filtered.HandleKey(key);

    private Func<FundRequest, bool> Matching(string text) => r => Cells(r).Any(c => c.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));

    private void Load()
    {
        _balance = App.Store.Fund.Balance();
        _list.SetItems(App.Store.Fund.Queue());
        _filtered.Reapply();
    }

    private string Format(FundRequest r, int width) => _columns.Row(width, Cells(r));

    private string[] Cells(FundRequest r) =>
        [FundText.When(App, r, Today), r.Amount.ToString(), EnumTexts.Name(r.Status, App.Lang), r.Purpose.ReplaceLineEndings(" "), r.Team];
}
