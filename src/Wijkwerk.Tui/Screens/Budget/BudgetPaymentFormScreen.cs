using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Budget;

/// <summary>
/// The payment to the supplier of an approved request, recorded by whoever the rules allow (a team leader of the
/// request's team) with the payment's reference, dated today; confirmed first, since a paid request never moves again.
/// Checked as typed by the rule the server applies (<see cref="BudgetRules.CheckChange"/>).
/// </summary>
public sealed class BudgetPaymentFormScreen : FormScreen
{
    private readonly BudgetRequest _request;
    private readonly string _clientName;
    private readonly TextField _reference;

    private BudgetPaymentFormScreen(WijkwerkApp app, BudgetRequest request, string clientName)
        : base(app, DraftKeys.ForBudgetPayment(request.Id))
    {
        _request = request;
        _clientName = clientName;
        _reference = Text("betalingskenmerk", TextId.FieldBudgetPaymentReference, BudgetRequest.MaxShortLength);
        Ready();
    }

    public override string Title => T(TextId.UiBudgetPaymentFormTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiBudgetPaymentSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiBudgetPaymentConfirm, _request.Amount.ToString(), _request.Supplier.Name);

    protected override IReadOnlyList<string> InfoLines =>
    [
        T(TextId.UiBudgetPaymentInfo, _request.What, _request.Amount.ToString(), _request.ApprovedAt is { } at ? AmsterdamTime.ShowDateTime(at) : "-",
            _request.Supplier.Name, _request.Supplier.InvoiceReference, DateText.Show(App.Store.Budget.Today)),
    ];

    public static BudgetPaymentFormScreen For(WijkwerkApp app, BudgetRequest request, string clientName)
    {
        var screen = new BudgetPaymentFormScreen(app, request, clientName);
        screen.RestoreDraft();
        return screen;
    }

    /// <summary>May this laptop's worker record the payment of <paramref name="request"/> at all (any reference)? The rule, not a role check of its own.</summary>
    public static bool IsAllowed(WijkwerkApp app, BudgetRequest request) =>
        request.Status == BudgetRequestStatus.Approved && Problem(app, request, "-") is null;

    protected override IReadOnlyList<Problem> Check() => Problem(App, _request, _reference.Text.Trim()) is { } problem ? [problem] : [];

    protected override void Store() => App.Store.Budget.RecordPayment(_request.Id, _reference.Text.Trim());

    private static Problem? Problem(WijkwerkApp app, BudgetRequest request, string reference)
    {
        var budget = app.Store.Budget;
        var paid = request with { Status = BudgetRequestStatus.Paid, Outcome = new BudgetOutcome(app.Clock.GetUtcNow(), app.Store.Identity.WorkerId, reference) };
        return BudgetRules.CheckChange(budget.Me, request, paid, budget.Today);
    }
}
