using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>Recording how an escalation ended, dated today: an explicit step, confirmed, after which it is closed for good.</summary>
public sealed class EscalationCloseFormScreen : FormScreen
{
    private readonly Escalation _escalation;
    private readonly string _clientName;
    private readonly TextArea _outcome;

    private EscalationCloseFormScreen(WijkwerkApp app, Escalation escalation, string clientName)
        : base(app, DraftKeys.ForEscalationClose(escalation.Id))
    {
        _escalation = escalation;
        _clientName = clientName;
        _outcome = Area("uitkomst", TextId.FieldEscalationOutcome, 3, Escalation.MaxTextLength);
        Ready();
    }

    public override string Title => T(TextId.UiEscalationCloseTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiEscalationClosed;

    protected override string? ConfirmBeforeSave => T(TextId.UiEscalationCloseConfirm, EnumTexts.Name(_escalation.Level, App.Lang));

    protected override IReadOnlyList<string> InfoLines =>
        [T(TextId.UiEscalationCloseInfo, EnumTexts.Name(_escalation.Level, App.Lang), DateText.Show(_escalation.RaisedOn), _escalation.Reason.ReplaceLineEndings(" "))];

    public static EscalationCloseFormScreen For(WijkwerkApp app, Escalation escalation, string clientName)
    {
        var screen = new EscalationCloseFormScreen(app, escalation, clientName);
        screen.RestoreDraft();
        return screen;
    }

    protected override IReadOnlyList<Problem> Check() => EscalationRules.CheckClose(_escalation, _outcome.Text);

    protected override void Store() => App.Store.Escalations.Close(_escalation.Id, _outcome.Text);
}
