using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// One step of the secretariat that takes a line of text: grant (an optional note), refuse (the reason, required) or
/// pay out (the payment's reference; over the balance it is refused with the balance named, and the request waits).
/// Checked as typed by the rule the server applies; confirmed first (default Nee), since a step never moves back.
/// </summary>
public sealed class FundStepFormScreen : FormScreen
{
    private readonly FundRequest _request;
    private readonly FundStepKind _kind;
    private readonly TextField _note;

    private FundStepFormScreen(WijkwerkApp app, FundRequest request, FundStepKind kind)
        : base(app, FundDrafts.Key(kind, request.Id))
    {
        _request = request;
        _kind = kind;
        var (key, label) = kind switch
        {
            FundStepKind.Refuse => ("reden van weigering", TextId.FieldFundReason),
            FundStepKind.PayOut => ("betalingskenmerk", TextId.FieldFundPaymentReference),
            _ => ("notitie", TextId.FieldFundNote),
        };
        _note = Text(key, label, FundRequest.MaxShortLength);
        Ready();
    }

    public override string Title => T(_kind switch
    {
        FundStepKind.Refuse => TextId.UiFundRefuseTitle,
        FundStepKind.PayOut => TextId.UiFundPayoutTitle,
        _ => TextId.UiFundApproveTitle,
    }, _request.Purpose.ReplaceLineEndings(" "));

    protected override TextId SavedMessage => _kind switch
    {
        FundStepKind.Refuse => TextId.UiFundRefused,
        FundStepKind.PayOut => TextId.UiFundPaidOut,
        _ => TextId.UiFundApproved,
    };

    protected override string? ConfirmBeforeSave => _kind switch
    {
        FundStepKind.Refuse => T(TextId.UiFundRefuseConfirm, _request.Team, _request.Purpose.ReplaceLineEndings(" ")),
        FundStepKind.PayOut => T(TextId.UiFundPayoutConfirm, _request.Amount, _request.Payee),
        _ => T(TextId.UiFundApproveConfirm, _request.Amount, _request.Purpose.ReplaceLineEndings(" ")),
    };

    protected override IReadOnlyList<string> InfoLines =>
    [
        T(TextId.UiFundStepInfo, _request.Purpose.ReplaceLineEndings(" "), _request.Amount, _request.Payee, DateText.Show(App.Store.Fund.Today)),
        T(TextId.UiFundBalanceShort, App.Store.Fund.Balance().Available),
    ];

    public static FundStepFormScreen For(WijkwerkApp app, FundRequest request, FundStepKind kind)
    {
        var screen = new FundStepFormScreen(app, request, kind);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check() => FundSteps.Check(App, _request, _kind, _note.Text) is { } problem ? [problem] : [];

    protected override void Store()
    {
        var fund = App.Store.Fund;
        var note = _note.Text.Trim();
        switch (_kind)
        {
            case FundStepKind.Refuse:
                fund.Refuse(_request.Id, note);
                break;
            case FundStepKind.PayOut:
                fund.PayOut(_request.Id, note);
                break;
            default:
                fund.Approve(_request.Id, note);
                break;
        }
    }
}
