using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// A partner's repayment of a settled request as it arrives: which partner (those that still owe on it), the amount
/// (what it still owes, to start with) and the day it arrived (today, to start with). Checked as typed by
/// <see cref="FundRules.CheckRepayment"/>; confirmed first (default Nee).
/// </summary>
public sealed class FundRepaymentFormScreen : FormScreen
{
    private readonly FundRequest _request;
    private readonly IReadOnlyList<(string Partner, Money Open)> _owing;
    private readonly SelectField<(string Partner, Money Open)> _partner;
    private readonly TextField _amount;
    private readonly DateField _receivedOn;

    private FundRepaymentFormScreen(WijkwerkApp app, FundRequest request)
        : base(app, FundDrafts.RepaymentKey(request.Id))
    {
        _request = request;
        var repayments = app.Store.Fund.Repayments(request.Id);
        _owing = (request.Settlement?.Shares ?? [])
            .Select(s => (s.Partner, Open: s.Amount - repayments.Where(p => string.Equals(p.Partner, s.Partner, StringComparison.OrdinalIgnoreCase)).Aggregate(Money.Zero, (sum, p) => sum + p.Amount)))
            .Where(s => s.Open.Cents > 0)
            .ToList();
        _partner = Select("partner", TextId.FieldFundPartner, _owing, s => $"{s.Partner} ({s.Open})");
        _amount = Text("bedrag", TextId.FieldFundAmount, 20, _owing.Count > 0 ? Plain(_owing[0].Open) : "");
        _receivedOn = Date("ontvangen op", TextId.FieldFundReceivedOn, DateText.Show(app.Store.Fund.Today));
        Ready();
    }

    public override string Title => T(TextId.UiFundRepaymentTitle, _request.Purpose.ReplaceLineEndings(" "));

    protected override TextId SavedMessage => TextId.UiFundRepaymentSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiFundRepaymentConfirm, Amount().Value, _partner.SelectedValue.Partner);

    protected override IReadOnlyList<string> InfoLines =>
        [T(TextId.UiFundStepInfo, _request.Purpose.ReplaceLineEndings(" "), _request.Amount, _request.Payee, DateText.Show(App.Store.Fund.Today))];

    public static FundRepaymentFormScreen For(WijkwerkApp app, FundRequest request)
    {
        var screen = new FundRepaymentFormScreen(app, request);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        if (_owing.Count == 0)
            return [new Problem("partner", TextId.FundRepaymentPartnerOwesNothing, "-", "-")];
        if (Amount() is { IsValid: false } bad)
            return [bad.Problem];
        if (_receivedOn.Value is not { } day)
            return [new Problem("ontvangen op", TextId.FieldRequired)];
        var fund = App.Store.Fund;
        var repayment = new FundRepayment(default, _request.Id, _partner.SelectedValue.Partner, Amount().Value, day, App.Store.Identity.WorkerId, App.Clock.GetUtcNow());
        return FundRules.CheckRepayment(fund.Me, _request, fund.Repayments(_request.Id), repayment, fund.Today) is { } problem ? [problem] : [];
    }

    protected override void Store() =>
        App.Store.Fund.RecordRepayment(_request.Id, _partner.SelectedValue.Partner, Amount().Value, _receivedOn.Value!.Value);

    private Parsed<Money> Amount() => Money.Parse(_amount.Text, "bedrag");

    // Typed back the way a person types an amount, so the parser reads what the field started with.
    private static string Plain(Money money) => (money.Cents / 100m).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
