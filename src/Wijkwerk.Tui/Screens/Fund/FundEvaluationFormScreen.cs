using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>
/// The secretariat's look back at a paid request: did it work, is it durable, and a note; checked as typed by the rule
/// the server applies and confirmed first (default Nee), since the settlement builds on it.
/// </summary>
public sealed class FundEvaluationFormScreen : FormScreen
{
    private readonly FundRequest _request;
    private readonly Checkbox _worked;
    private readonly Checkbox _durable;
    private readonly TextArea _note;

    private FundEvaluationFormScreen(WijkwerkApp app, FundRequest request)
        : base(app, FundDrafts.Key(FundStepKind.Evaluate, request.Id))
    {
        _request = request;
        _worked = Check("werkte", TextId.FieldFundWorked, false);
        _durable = Check("duurzaam", TextId.FieldFundDurable, false);
        _note = Area("toelichting evaluatie", TextId.FieldFundEvaluationNote, 3, FundRequest.MaxTextLength);
        Ready();
    }

    public override string Title => T(TextId.UiFundEvaluationTitle, _request.Purpose.ReplaceLineEndings(" "));

    protected override TextId SavedMessage => TextId.UiFundEvaluated;

    protected override string? ConfirmBeforeSave => T(TextId.UiFundEvaluationConfirm);

    protected override IReadOnlyList<string> InfoLines =>
        [T(TextId.UiFundStepInfo, _request.Purpose.ReplaceLineEndings(" "), _request.Amount, _request.Payee, DateText.Show(App.Store.Fund.Today))];

    public static FundEvaluationFormScreen For(WijkwerkApp app, FundRequest request)
    {
        var screen = new FundEvaluationFormScreen(app, request);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check() =>
        FundSteps.Check(App, _request, FundStepKind.Evaluate, _note.Text, _worked.Checked, _durable.Checked) is { } problem ? [problem] : [];

    protected override void Store() => App.Store.Fund.Evaluate(_request.Id, _worked.Checked, _durable.Checked, _note.Text);
}
