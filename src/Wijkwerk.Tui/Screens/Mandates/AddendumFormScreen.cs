using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>A correction or later note to a recorded mandate decision: the decision itself never changes, so this is added beside it, after a confirm.</summary>
public sealed class AddendumFormScreen : FormScreen
{
    private readonly MandateDecision _decision;
    private readonly string _clientName;
    private readonly Id<DecisionAddendum> _id;
    private readonly TextArea _text;

    private AddendumFormScreen(WijkwerkApp app, MandateDecision decision, string clientName)
        : base(app, DraftKeys.ForMandateAddendum(decision.Id))
    {
        _decision = decision;
        _clientName = clientName;
        _id = Id<DecisionAddendum>.New(app.Clock);
        _text = Area("aanvulling", TextId.FieldAddendumText, 4, DecisionAddendum.MaxTextLength);
        Ready();
    }

    public override string Title => T(TextId.UiAddendumFormTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiAddendumSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiAddendumConfirm);

    protected override IReadOnlyList<string> InfoLines => [DecisionText.Summary(_decision)];

    public static AddendumFormScreen For(WijkwerkApp app, MandateDecision decision, string clientName)
    {
        var screen = new AddendumFormScreen(app, decision, clientName);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check()
    {
        var identity = App.Store.Identity;
        var problem = MandateRules.CheckAddendum(identity.Role, identity.WorkerId, Addendum(), _decision, AmsterdamTime.Today(App.Clock));
        return problem is null ? [] : [problem];
    }

    protected override void Store() => App.Store.MandateDecisions.AddAddendum(Addendum());

    private DecisionAddendum Addendum() => new(_id, _decision.Id, _text.Text.Trim(), App.Clock.GetUtcNow(), App.Store.Identity.WorkerId);
}
