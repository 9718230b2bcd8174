using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// Escalating a case one level up (the level is the rules' to say: the client's next step): why, what was tried, with
/// which parties, the bottleneck, and when to look again. Checked as typed by <see cref="EscalationRules.CheckNew"/>,
/// the rule the server applies; confirmed before it is stored.
/// </summary>
public sealed class EscalationFormScreen : FormScreen
{
    private readonly Id<Client> _clientId;
    private readonly string _clientName;
    private readonly EscalationLevel _level;
    private readonly Id<Escalation> _id = new(Guid.CreateVersion7());
    private readonly TextArea _reason;
    private readonly TextArea _tried;
    private readonly TextField _parties;
    private readonly TagField _bottleneck;
    private readonly DateField _followUp;

    private EscalationFormScreen(WijkwerkApp app, Id<Client> clientId, string clientName, EscalationLevel level)
        : base(app, DraftKeys.ForEscalation(clientId))
    {
        _clientId = clientId;
        _clientName = clientName;
        _level = level;
        _reason = Area("reden", TextId.FieldEscalationReason, 2, Escalation.MaxTextLength);
        _tried = Area("wat is geprobeerd", TextId.FieldEscalationTried, 2, Escalation.MaxTextLength);
        _parties = Text("partijen", TextId.FieldEscalationParties, Escalation.MaxShortLength);
        _bottleneck = Tag("knelpunt", TextId.FieldBottleneckTag, Escalation.MaxShortLength);
        _followUp = Date("opvolgdatum", TextId.FieldEscalationFollowUp, DateText.Show(app.Store.Escalations.Today.AddDays(14)));
        Ready();
    }

    public override string Title => T(TextId.UiEscalationFormTitle, EnumTexts.Name(_level, App.Lang), _clientName);

    protected override TextId SavedMessage => TextId.UiEscalationFormSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiEscalationFormConfirm, EnumTexts.Name(_level, App.Lang), _clientName);

    protected override IReadOnlyList<string> InfoLines => [T(TextId.UiEscalationFormInfo, EnumTexts.Name(_level, App.Lang))];

    /// <summary>The form at the client's next level, or why the client cannot be escalated further.</summary>
    public static Parsed<EscalationFormScreen> For(WijkwerkApp app, Id<Client> clientId, string clientName)
    {
        if (app.Store.Escalations.NextLevel(clientId) is not { } level)
            return new Problem("niveau", TextId.EscalationAtTop);
        var screen = new EscalationFormScreen(app, clientId, clientName, level);
        screen.RestoreDraft();
        return Parsed<EscalationFormScreen>.Ok(screen);
    }

    private DateOnly Today => App.Store.Escalations.Today;

    protected override IReadOnlyList<Problem> Check() =>
        EscalationRules.CheckNew(Typed(), App.Store.Escalations.ForClient(_clientId), Today);

    protected override void Store() => App.Store.Escalations.Raise(Typed());

    private Escalation Typed() => new(
        _id, _clientId, _level, _reason.Text.Trim(), _tried.Text.Trim(), _parties.Text.Trim(), Today, _followUp.Value ?? Today,
        App.Store.Identity.WorkerId, _bottleneck.Text.Trim());
}
