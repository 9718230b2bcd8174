using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// What the secretariat chases and what the directors discuss: the balance, what each partner deposited, owes and
/// repaid, every open receivable with its age, and per half year which bottlenecks and which partners caused requests,
/// as bars of the amounts (the budget ledger's bars), so a rule that keeps causing requests stands out.
/// </summary>
public sealed class FundReceivablesScreen : DetailScreen
{
    // Name, bar and amount fit 80 columns side by side, as on the budget ledger.
    private const int BarWidth = 28;
    private const int NameWidth = 28;

    public FundReceivablesScreen(WijkwerkApp app)
        : base(app)
    {
    }

    public override string Title => T(TextId.UiFundReceivablesTitle);

    protected override IReadOnlyList<TextLine> Lines()
    {
        var fund = App.Store.Fund;
        var balance = fund.Balance();
        var today = fund.Today;
        var lines = new List<TextLine>
        {
            new(T(TextId.UiFundBalanceShort, balance.Available), CellStyle.Bold),
            TextLine.Plain(T(TextId.UiFundBalanceLine, balance.Deposited, balance.PaidOut, balance.Repaid)),
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiFundReceivablesPerPartner)),
        };
        lines.AddRange(fund.Partners().Select(p => TextLine.TableRow(
            $"{Name(p.Partner)} {p.Deposited,11} {p.Owed,11} {p.Repaid,11} {p.Outstanding,11}")));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiFundReceivablesOpen)));
        var open = fund.OpenReceivables();
        if (open.Count == 0)
            lines.Add(TextLine.Plain(T(TextId.UiFundReceivablesNone)));
        lines.AddRange(open.Select(r => TextLine.TableRow(
            $"{Name(r.Partner)} {r.Outstanding,11}  {T(TextId.UiFundReceivableLine, DateText.Show(r.Since), r.AgeDays(today))}")));
        foreach (var period in fund.Review().Reverse())
        {
            lines.Add(TextLine.Blank);
            lines.Add(TextLine.Heading(T(TextId.UiFundReviewHeading, period.Period)));
            lines.Add(TextLine.Plain(T(TextId.UiFundReviewFigures, period.Requests, period.Refused, period.PaidOut, period.Owed, period.Repaid, period.Evaluated, period.Worked, period.Durable)));
            if (period.WithFigures > 0)
                lines.Add(TextLine.Plain(T(TextId.UiFundReviewSocialReturn, period.WithFigures, period.AvoidedCost, period.NetReturn)));
            lines.Add(TextLine.Plain(T(TextId.UiFundReviewPerBottleneck)));
            lines.AddRange(Bars(period.PerBottleneck));
            lines.Add(TextLine.Plain(T(TextId.UiFundReviewPerPartner)));
            lines.AddRange(Bars(period.PerPartner.Select(l => l.Key.Length == 0 ? l with { Key = T(TextId.FundUnique) } : l).ToList()));
        }

        return lines;
    }

    private static string Name(string name) => $"{CellText.Truncate(name, NameWidth),-NameWidth}";

    private static IEnumerable<TextLine> Bars(IReadOnlyList<ReviewLine> lines)
    {
        var most = Math.Max(1, lines.Count == 0 ? 1 : lines.Max(l => l.Amount.Cents));
        return lines.OrderByDescending(l => l.Amount.Cents).Select(l => TextLine.TableRow(
            $"{Name(l.Key)} {new string('█', (int)(BarWidth * l.Amount.Cents / most)),-BarWidth} {l.Amount,11} · {l.Requests}"));
    }
}
