using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Budget;

/// <summary>
/// The team's budget this year: budget, committed, paid and remaining, what was spent per category as bars (so a
/// recurring bottleneck such as dental costs stands out), and the team's requests with where each stands in words.
/// </summary>
public sealed class BudgetLedgerScreen : DetailScreen
{
    public BudgetLedgerScreen(WijkwerkApp app)
        : base(app)
    {
    }

    public override string Title => T(TextId.UiBudgetLedgerTitle, Team);

    private string Team => App.Store.Budget.Me.Teams.FirstOrDefault() ?? "";

    private int Year => App.Store.Budget.Today.Year;

    /// <summary>The ledger shown, or null when the server has sent no budget for the team's year.</summary>
    public BudgetLedger? Ledger => App.Store.Budget.Ledger(Team, Year);

    protected override IReadOnlyList<TextLine> Lines()
    {
        if (Ledger is not { } ledger)
            return [TextLine.Plain(T(TextId.UiBudgetLedgerNone, Team, Year))];
        var lines = new List<TextLine>
        {
            new(T(TextId.UiBudgetLedgerFigures, Year, ledger.Budget.Amount.ToString(), ledger.Committed.ToString(), ledger.Paid.ToString(), ledger.Remaining.ToString()), CellStyle.Bold),
            TextLine.Plain(T(TextId.UiBudgetLedgerLimit, ledger.Budget.PerRequestLimit.ToString())),
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiBudgetLedgerPerCategory)),
        };
        var spent = ledger.PerCategory.Select(c => (c.Category, Spent: c.Committed + c.Paid, c.Requests)).OrderByDescending(c => c.Spent.Cents).ToList();
        var most = Math.Max(1, spent.Count == 0 ? 1 : spent.Max(c => c.Spent.Cents));
        lines.AddRange(spent.Select(c => TextLine.TableRow(TextBars.Row(EnumTexts.Name(c.Category, App.Lang), c.Spent.Cents, most, $"{c.Spent,11} · {c.Requests}"))));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiBudgetLedgerRequests)));
        lines.AddRange(App.Store.Budget.All().Where(r => r.Team == Team).OrderByDescending(r => r.RequestedAt).Select(r => TextLine.TableRow(
            $"{DateText.Show(AmsterdamTime.DayOf(r.RequestedAt))}  {EnumTexts.Name(r.Status, App.Lang),-20} {r.Amount,11}  {r.What}")));
        return lines;
    }
}
