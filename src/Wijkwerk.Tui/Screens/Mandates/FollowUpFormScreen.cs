using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>
/// The look back at a mandate decision: was it carried out, partly or not, and how did it end. Recorded once and
/// never changed, so it is confirmed first; the rules are the server's own (<see cref="MandateRules.CheckChange"/>).
/// </summary>
public sealed class FollowUpFormScreen : FormScreen
{
    private static readonly FollowUpResult[] Results = [FollowUpResult.CarriedOut, FollowUpResult.Partly, FollowUpResult.NotCarriedOut];
    private readonly MandateDecision _decision;
    private readonly string _clientName;
    private readonly SelectField<FollowUpResult> _result;
    private readonly TextArea _howItEnded;

    private FollowUpFormScreen(WijkwerkApp app, MandateDecision decision, string clientName)
        : base(app, DraftKeys.ForMandateFollowUp(decision.Id))
    {
        _decision = decision;
        _clientName = clientName;
        _result = Select("uitkomst", TextId.FieldFollowUpResult, Results, r => EnumTexts.Name(r, app.Lang));
        _howItEnded = Area("hoe het afliep", TextId.FieldHowItEnded, 4, MandateDecision.MaxTextLength);
        Ready();
    }

    public override string Title => T(TextId.UiFollowUpFormTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiFollowUpSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiFollowUpConfirm, EnumTexts.Name(_result.SelectedValue, App.Lang));

    protected override IReadOnlyList<string> InfoLines => [DecisionText.Summary(_decision), DecisionText.FollowUpState(App, _decision, AmsterdamTime.Today(App.Clock))];

    public static FollowUpFormScreen For(WijkwerkApp app, MandateDecision decision, string clientName)
    {
        var screen = new FollowUpFormScreen(app, decision, clientName);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var identity = App.Store.Identity;
        var problem = MandateRules.CheckChange(identity.Role, identity.WorkerId, _decision, _decision with { FollowUp = FollowUp() }, AmsterdamTime.Today(App.Clock));
        return problem is null ? [] : [problem];
    }

    protected override void Store() => App.Store.MandateDecisions.RecordFollowUp(_decision.Id, FollowUp());

    private DecisionFollowUp FollowUp() => new(_result.SelectedValue, _howItEnded.Text.Trim(), App.Clock.GetUtcNow(), App.Store.Identity.WorkerId);
}
