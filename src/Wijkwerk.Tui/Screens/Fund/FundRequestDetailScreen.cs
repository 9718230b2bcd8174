using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Screens.Maatwerk;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// One fund request in full: the case (without names), what it pays for and to whom, who should have paid, why the
/// regular route fails, the durability check, the value triangle and every step of the secretariat. The secretariat's
/// keys follow the state, each offered only where <see cref="FundRules"/> would allow the step: grant or refuse a new
/// request, pay out a granted one (over the balance is refused with the reason, and the request waits), evaluate a
/// paid one, settle an evaluated one (the shares are shown before the confirm) and record repayments of a settled one.
/// </summary>
public sealed class FundRequestDetailScreen : DetailScreen
{
    private readonly Id<FundRequest> _id;
    private FundRequest _request;
    private IReadOnlyList<FundRepayment> _repayments = [];
    private IReadOnlyList<FundShare> _preview = [];

    public FundRequestDetailScreen(WijkwerkApp app, FundRequest request)
        : base(app)
    {
        _id = request.Id;
        _request = request;
        Command("approve", TextId.CmdFundApprove, [KeyInput.Character('a')], () => App.Push(FundStepFormScreen.For(App, _request, FundStepKind.Approve)), () => Allows(FundStepKind.Approve));
        Command("refuse", TextId.CmdFundRefuse, [KeyInput.Character('w')], () => App.Push(FundStepFormScreen.For(App, _request, FundStepKind.Refuse)), () => Allows(FundStepKind.Refuse));
        Command("payout", TextId.CmdFundPayOut, [KeyInput.Character('u')], () => App.Push(FundStepFormScreen.For(App, _request, FundStepKind.PayOut)), () => Allows(FundStepKind.PayOut));
        Command("evaluate", TextId.CmdFundEvaluate, [KeyInput.Character('e')], () => App.Push(FundEvaluationFormScreen.For(App, _request)), () => Allows(FundStepKind.Evaluate));
        Command("settle", TextId.CmdFundSettle, [KeyInput.Character('v')], Settle, () => Allows(FundStepKind.Settle));
        Command("repayment", TextId.CmdFundRepayment, [KeyInput.Character('t')], () => App.Push(FundRepaymentFormScreen.For(App, _request)), () => OpenShares().Count > 0 && FundSteps.IsSecretariat(App));
        Load();
    }

    public override string Title => T(TextId.UiFundDetailTitle, _request.Team, _request.Amount);

    public FundRequest Request => _request;

    /// <summary>Whether the key of <paramref name="kind"/> is offered: the rules allow that step on this request now.</summary>
    public bool Allows(FundStepKind kind) => FundSteps.IsAllowed(App, _request, kind);

    public override void OnResumed()
    {
        Load();
        base.OnResumed();
    }

    protected override IReadOnlyList<TextLine> Lines()
    {
        var r = _request;
        var today = App.Store.Fund.Today;
        var lines = new List<TextLine>
        {
            new(T(TextId.UiFundDetailState, r.Purpose.ReplaceLineEndings(" "), r.Amount, EnumTexts.Name(r.Status, App.Lang)), CellStyle.Bold),
        };
        if (r.Status == FundRequestStatus.Approved)
            lines.Add(new TextLine(FundText.When(App, r, today), r.IsPayoutLate(today) ? WidgetStyles.Error : CellStyle.Bold));
        lines.Add(TextLine.Plain(T(TextId.UiFundDetailRequested, AmsterdamTime.ShowDateTime(r.RequestedAt), Who(r.RequestedBy), r.Team)));
        lines.Add(TextLine.Plain(T(TextId.UiFundDetailPayee, r.Payee)));
        lines.Add(TextLine.Plain(T(TextId.UiFundDetailResponsible, FundText.Responsible(App, r))));
        lines.Add(TextLine.Plain(T(TextId.UiFundDetailBottleneck, r.BottleneckTag)));
        if (r.Status == FundRequestStatus.Approved)
            lines.Add(TextLine.Plain(T(TextId.UiFundBalanceShort, App.Store.Fund.Balance().Available)));
        lines.Add(TextLine.Blank);
        lines.AddRange(Steps(r));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiFundDetailCase)));
        lines.Add(TextLine.Plain(r.CaseDescription));
        lines.Add(TextLine.Heading(T(TextId.UiFundDetailWhy)));
        lines.Add(TextLine.Plain(r.WhyRegularRouteFails));
        lines.Add(TextLine.Heading(T(TextId.UiFundDetailDurability)));
        lines.Add(TextLine.Plain(T(TextId.UiFundDurable, FundText.YesNo(App, r.DurableExpected), r.DurabilityWhy)));
        lines.Add(TextLine.Heading(T(TextId.UiFundDetailTriangle)));
        lines.Add(TextLine.Plain(r.Triangle.Legitimacy, indent: 2));
        lines.AddRange(SocialReturnText.Lines(App, r.Triangle.SocialReturn, indent: 2));
        lines.Add(TextLine.Plain(r.Triangle.Engagement, indent: 2));
        return lines;
    }

    private List<TextLine> Steps(FundRequest r)
    {
        var lines = new List<TextLine> { TextLine.Heading(T(TextId.UiFundDetailSteps)) };
        if (r.Decision is { } d)
            lines.Add(TextLine.Plain(T(r.Status == FundRequestStatus.Refused ? TextId.UiFundStepRefused : TextId.UiFundStepApproved, AmsterdamTime.ShowDateTime(d.At), Who(d.By), d.Note)));
        if (r.Payout is { } p)
            lines.Add(TextLine.Plain(T(TextId.UiFundStepPaidOut, AmsterdamTime.ShowDateTime(p.At), Who(p.By), p.Note)));
        if (r.Evaluation is { } e)
            lines.Add(TextLine.Plain(T(TextId.UiFundStepEvaluated, AmsterdamTime.ShowDateTime(e.At), FundText.YesNo(App, e.Worked), FundText.YesNo(App, e.Durable), e.Note)));
        if (r.Settlement is { } s)
        {
            lines.Add(TextLine.Plain(T(TextId.UiFundStepSettled, AmsterdamTime.ShowDateTime(s.At), Who(s.By))));
            lines.AddRange(ShareLines(s.Shares, withRepaid: true));
        }
        else if (_preview.Count > 0)
        {
            lines.Add(TextLine.Plain(T(TextId.UiFundSharesPreview)));
            lines.AddRange(ShareLines(_preview, withRepaid: false));
        }

        lines.AddRange(_repayments.Select(p => TextLine.Plain(T(TextId.UiFundRepaymentLine, DateText.Show(p.ReceivedOn), p.Partner, p.Amount))));
        return lines;
    }

    private IEnumerable<TextLine> ShareLines(IReadOnlyList<FundShare> shares, bool withRepaid)
    {
        var width = Math.Min(34, shares.Max(s => s.Partner.Length));
        foreach (var share in shares)
        {
            var name = CellText.Truncate(share.Partner, width).PadRight(width);
            yield return TextLine.TableRow(withRepaid
                ? "  " + T(TextId.UiFundShareLine, name, $"{share.Amount,11}", RepaidBy(share.Partner))
                : $"  {name}  {share.Amount,11}");
        }

        // Right-aligned under the amounts, so the sum reads as the column's total.
        yield return TextLine.TableRow("  " + T(TextId.UiFundSharesTotal, shares.Aggregate(Money.Zero, (sum, s) => sum + s.Amount)).PadLeft(width + 2 + 11));
    }

    private Money RepaidBy(string partner) =>
        _repayments.Where(p => string.Equals(p.Partner, partner, StringComparison.OrdinalIgnoreCase)).Aggregate(Money.Zero, (sum, p) => sum + p.Amount);

    /// <summary>The shares of a settled request that partners still owe, for the repayment form.</summary>
    public IReadOnlyList<FundShare> OpenShares() =>
        _request.Settlement is { } s ? s.Shares.Where(share => (share.Amount - RepaidBy(share.Partner)).Cents > 0).ToList() : [];

    private void Settle() =>
        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiFundSettleConfirm, _request.Amount, string.Join(", ", _preview.Select(s => $"{s.Partner} {s.Amount}"))), T(TextId.UiYes), T(TextId.UiNo)), yes =>
        {
            if (!yes)
                return;
            try
            {
                App.Store.Fund.Settle(_id);
                App.Notify(T(TextId.UiFundSettled));
            }
            catch (DomainException refused)
            {
                App.Notify(refused.Problem.Describe(App.Lang));
            }

            OnResumed();
        });

    private void Load()
    {
        _request = App.Store.Fund.Get(_id) ?? _request;
        _repayments = App.Store.Fund.Repayments(_id);
        _preview = _request.Status == FundRequestStatus.Evaluated && FundShares.Of(_request.Amount, _request.ResponsiblePartner, App.Store.Fund.Fund) is { IsValid: true } split
            ? split.Value
            : [];
    }
}
