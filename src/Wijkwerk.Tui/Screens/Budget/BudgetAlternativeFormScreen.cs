using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Budget;

/// <summary>
/// A colleague's other answer to a request: the alternative that was found (a fund, a solution that costs nothing).
/// It is stored as that colleague's one vote, of kind alternative, after a confirm; the server then closes the request
/// as "alternatief gevonden" with this text. Checked as typed by the rules the server applies (<see cref="BudgetRules.JudgeVote"/>).
/// </summary>
public sealed class BudgetAlternativeFormScreen : FormScreen
{
    private readonly BudgetRequest _request;
    private readonly string _clientName;
    private readonly IReadOnlyList<BudgetVote> _votesSoFar;
    private readonly Id<BudgetVote> _id = new(Guid.CreateVersion7());
    private readonly TextArea _alternative;

    private BudgetAlternativeFormScreen(WijkwerkApp app, BudgetRequest request, string clientName)
        : base(app, DraftKeys.ForBudgetAlternative(request.Id))
    {
        _request = request;
        _clientName = clientName;
        _votesSoFar = app.Store.Budget.Votes(request.Id);
        _alternative = Area("alternatief", TextId.FieldBudgetAlternative, 3, BudgetVote.MaxAlternativeLength);
        Ready();
    }

    public override string Title => T(TextId.UiBudgetAlternativeFormTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiBudgetAlternativeSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiBudgetAlternativeConfirm, _request.What);

    protected override IReadOnlyList<string> InfoLines => [T(TextId.UiBudgetAlternativeInfo, _request.What, _request.Amount.ToString())];

    public static BudgetAlternativeFormScreen For(WijkwerkApp app, BudgetRequest request, string clientName)
    {
        var screen = new BudgetAlternativeFormScreen(app, request, clientName);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var budget = App.Store.Budget;
        var verdict = BudgetRules.JudgeVote(budget.Me, _request, _votesSoFar, Vote(), null, App.Clock.GetUtcNow(), budget.Today);
        return verdict.Problem is { } problem ? [problem] : [];
    }

    protected override void Store() => App.Store.Budget.Vote(Vote());

    private BudgetVote Vote() => new(_id, _request.Id, App.Store.Identity.WorkerId, App.Clock.GetUtcNow(), VoteKind.Alternative, _alternative.Text.Trim());
}
