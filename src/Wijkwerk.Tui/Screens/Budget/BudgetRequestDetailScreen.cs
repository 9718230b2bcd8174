using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Screens.Maatwerk;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Budget;

/// <summary>
/// One budget request in full: what, the supplier paid in kind, why no regular route fits, the value triangle,
/// the votes and how far the approval is. A colleague votes once (after a confirm): approve, or propose an alternative
/// that closes the request as "alternatief gevonden"; the requester gets neither key but may withdraw while the request
/// is open; whoever the rules allow records the payment of an approved one. Approval itself is the server's, at the
/// third distinct approval; a vote the server refused is shown with its reason and counts nowhere.
/// </summary>
public sealed class BudgetRequestDetailScreen : DetailScreen
{
    private readonly Id<BudgetRequest> _id;
    private readonly string _clientName;
    private BudgetRequest _request;
    private IReadOnlyList<BudgetVote> _votes = [];
    private IReadOnlyList<RefusedVote> _refused = [];
    private bool _canRecordPayment;

    public BudgetRequestDetailScreen(WijkwerkApp app, BudgetRequest request)
        : base(app)
    {
        _id = request.Id;
        _request = request;
        _clientName = app.Store.Clients.NameOf(request.ClientId)?.Full ?? "";
        Command("approve", TextId.CmdBudgetApprove, [KeyInput.Character('a')], Approve, () => CanVote);
        Command("alternative", TextId.CmdBudgetAlternative, [KeyInput.Character('l')], () => App.Push(BudgetAlternativeFormScreen.For(App, _request, _clientName)), () => CanVote);
        Command("withdraw", TextId.CmdBudgetWithdraw, [KeyInput.Character('i')], Withdraw, () => IsMine && _request.IsOpen);
        Command("payment", TextId.CmdBudgetRecordPayment, [KeyInput.Character('b')], () => App.Push(BudgetPaymentFormScreen.For(App, _request, _clientName)), () => CanRecordPayment);
        Load();
    }

    public override string Title => T(TextId.UiBudgetDetailTitle, _clientName);

    public BudgetRequest Request => _request;

    private Id<Worker> Me => App.Store.Identity.WorkerId;

    private bool IsMine => _request.RequestedBy == Me;

    private BudgetVote? MyVote => _votes.FirstOrDefault(v => v.Voter == Me);

    /// <summary>Offered only where a vote could count: an open request of a colleague, one counted vote per colleague.</summary>
    public bool CanVote => _request.IsOpen && !IsMine && MyVote is null;

    /// <summary>Offered only to whoever the rules let record the payment of this approved request.</summary>
    public bool CanRecordPayment => _canRecordPayment;

    public override void OnResumed()
    {
        Load();
        base.OnResumed();
    }

    protected override IReadOnlyList<TextLine> Lines()
    {
        var r = _request;
        var lines = new List<TextLine>
        {
            new(T(TextId.UiBudgetDetailState, r.What, r.Amount.ToString(), EnumTexts.Name(r.Status, App.Lang)), CellStyle.Bold),
            TextLine.Plain(T(TextId.UiBudgetDetailRequested, AmsterdamTime.ShowDateTime(r.RequestedAt), Who(r.RequestedBy), r.Team)),
            TextLine.Plain(T(TextId.UiBudgetDetailSupplier, r.Supplier.Name, r.Supplier.InvoiceReference)),
            TextLine.Plain($"{T(TextId.UiBudgetColumnCategory)}: {EnumTexts.Name(r.Category, App.Lang)}"),
            TextLine.Plain(T(TextId.UiBudgetDetailBottleneck, r.BottleneckTag)),
        };
        if (r.IsOpen)
        {
            lines.Add(new TextLine(T(TextId.UiBudgetApprovalCount, BudgetRules.Approvers(r, _votes).Count, BudgetRules.RequiredApprovals), CellStyle.Bold));
            if (IsMine)
                lines.Add(TextLine.Plain(T(TextId.UiBudgetOwnRequest)));
            else if (MyVote is { Kind: VoteKind.Alternative })
                lines.Add(TextLine.Plain(T(TextId.UiBudgetAlternativePending)));
            else if (MyVote is not null)
                lines.Add(TextLine.Plain(T(TextId.UiBudgetAlreadyVoted)));
        }

        lines.AddRange(_refused.Select(v => new TextLine("! " + T(TextId.UiBudgetVoteNotCounted, AmsterdamTime.ShowDateTime(v.Vote.At), v.Reason), WidgetStyles.Error)));
        if (r is { Status: BudgetRequestStatus.AlternativeFound, Outcome: { } found })
            lines.Add(new TextLine(T(TextId.UiBudgetAlternativeFound, found.Note), CellStyle.Bold));
        if (r.Outcome is { } outcome)
            lines.Add(TextLine.Plain(T(TextId.UiBudgetOutcome, AmsterdamTime.ShowDateTime(outcome.At), EnumTexts.Name(r.Status, App.Lang), Who(outcome.By), outcome.Note)));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiBudgetDetailWhy)));
        lines.Add(TextLine.Plain(r.WhyNoRegularRoute));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiBudgetDetailTriangle)));
        lines.Add(TextLine.Plain(r.Triangle.Legitimacy, indent: 2));
        lines.AddRange(SocialReturnText.Lines(App, r.Triangle.SocialReturn, indent: 2));
        lines.Add(TextLine.Plain(r.Triangle.Engagement, indent: 2));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiBudgetDetailVotes)));
        lines.AddRange(_votes.Select(v => TextLine.Plain(v.Kind == VoteKind.Approve
            ? T(TextId.UiBudgetVoteApprove, AmsterdamTime.ShowDateTime(v.At), Who(v.Voter))
            : T(TextId.UiBudgetVoteAlternative, AmsterdamTime.ShowDateTime(v.At), Who(v.Voter), v.Alternative))));
        return lines;
    }

    private void Approve() =>
        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiBudgetApproveConfirm, _request.Amount.ToString(), _request.What), T(TextId.UiYes), T(TextId.UiNo)), yes =>
        {
            if (!yes)
                return;
            // The laptop judges as the server will: a vote its own copy already refuses (the budget ran out) is not stored.
            try
            {
                App.Store.Budget.Vote(new BudgetVote(new Id<BudgetVote>(Guid.CreateVersion7()), _id, Me, App.Clock.GetUtcNow(), VoteKind.Approve, ""));
                App.Notify(T(TextId.UiBudgetApproved));
            }
            catch (DomainException refused)
            {
                App.Notify(refused.Problem.Describe(App.Lang));
            }

            OnResumed();
        });

    private void Withdraw() =>
        ConfirmScreen.Show(App.Screens, new ConfirmDialog(T(TextId.UiBudgetWithdrawConfirm, _clientName), T(TextId.UiYes), T(TextId.UiNo)), yes =>
        {
            if (!yes)
                return;
            App.Store.Budget.Withdraw(_id);
            App.Notify(T(TextId.UiBudgetWithdrawn));
            OnResumed();
        });

    private void Load()
    {
        _request = App.Store.Budget.Get(_id) ?? _request;
        _votes = App.Store.Budget.Votes(_id);
        _refused = App.Store.Budget.RefusedVotes(_id);
        // Judged once per load, not on every frame: the rule reads the teams the server sent.
        _canRecordPayment = BudgetPaymentFormScreen.IsAllowed(App, _request);
    }
}
