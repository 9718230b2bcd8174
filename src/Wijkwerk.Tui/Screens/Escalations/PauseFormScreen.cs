using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// The pause button from the dossier: which action of which department is held, who asked, why, and until when (the
/// administrator's maximum said above the fields). Checked as typed by the rules the server applies
/// (<see cref="PauseRules.CheckNew"/>); confirmed before it is stored.
/// </summary>
public sealed class PauseFormScreen : FormScreen
{
    private readonly Id<Client> _clientId;
    private readonly string _clientName;
    private readonly Id<Pause> _id = new(Guid.CreateVersion7());
    private readonly TextField _action;
    private readonly TextField _department;
    private readonly TextField _requestedBy;
    private readonly TextArea _reason;
    private readonly DateField _endsOn;

    private PauseFormScreen(WijkwerkApp app, Id<Client> clientId, string clientName)
        : base(app, DraftKeys.ForPause(clientId))
    {
        _clientId = clientId;
        _clientName = clientName;
        _action = Text("actie", TextId.FieldPauseAction, Pause.MaxShortLength);
        _department = Text("afdeling", TextId.FieldPauseDepartment, Pause.MaxShortLength);
        _requestedBy = Text("aangevraagd door", TextId.FieldPauseRequestedBy, Pause.MaxShortLength);
        _reason = Area("reden", TextId.FieldPauseReason, 2, Pause.MaxTextLength);
        _endsOn = Date("einddatum", TextId.FieldPauseEndsOn);
        Ready();
    }

    public override string Title => T(TextId.UiPauseFormTitle, _clientName);

    protected override TextId SavedMessage => TextId.UiPauseFormSaved;

    protected override string? ConfirmBeforeSave =>
        T(TextId.UiPauseFormConfirm, _action.Text.Trim(), _department.Text.Trim(), _endsOn.Value is { } end ? DateText.Show(end) : _endsOn.Text, _clientName);

    protected override IReadOnlyList<string> InfoLines =>
        [T(TextId.UiPauseFormInfo, Settings.MaximumWeeks, DateText.Show(Settings.LatestEnd(Today)))];

    public static PauseFormScreen For(WijkwerkApp app, Client client)
    {
        var screen = new PauseFormScreen(app, client.Id, client.Name.Full);
        screen.RestoreDraft();
        return screen;
    }

    private DateOnly Today => App.Store.Pauses.Today;

    private PauseSettings Settings => App.Store.Pauses.Settings;

    protected override IReadOnlyList<Problem> Check() => PauseRules.CheckNew(Typed(), Settings, Today);

    protected override void Store() => App.Store.Pauses.Record(Typed());

    // An end date not (yet) readable counts as none: the rule then says it is required and what the maximum is.
    private Pause Typed() => new(
        _id, _clientId, _action.Text.Trim(), _department.Text.Trim(), _requestedBy.Text.Trim(), _reason.Text.Trim(), Today, _endsOn.Value ?? default,
        App.Store.Identity.WorkerId);
}
