using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// Lifting a pause, or extending it to a later end, always with a reason; kept as a step beside the pause. Checked as
/// typed by the rule the server applies (<see cref="PauseRules.CheckStep"/>) and confirmed before it is stored.
/// </summary>
public sealed class PauseStepFormScreen : FormScreen
{
    private readonly PauseRecord _pause;
    private readonly PauseStepKind _kind;
    private readonly string _clientName;
    private readonly TextArea _reason;
    private readonly DateField? _newEnd;

    private PauseStepFormScreen(WijkwerkApp app, PauseRecord pause, PauseStepKind kind, string clientName)
        : base(app, DraftKeys.ForPauseStep(pause.Recorded.Id, kind))
    {
        _pause = pause;
        _kind = kind;
        _clientName = clientName;
        if (kind == PauseStepKind.Extend)
            _newEnd = Date("nieuwe einddatum", TextId.FieldPauseNewEnd);
        _reason = Area("reden", TextId.FieldPauseReason, 2, Pause.MaxTextLength);
        Ready();
    }

    public override string Title => T(_kind == PauseStepKind.Lift ? TextId.UiPauseLiftTitle : TextId.UiPauseExtendTitle, _clientName);

    protected override TextId SavedMessage => _kind == PauseStepKind.Lift ? TextId.UiPauseLifted : TextId.UiPauseExtended;

    protected override string? ConfirmBeforeSave => _kind == PauseStepKind.Lift
        ? T(TextId.UiPauseLiftConfirm, Current.Action, Current.Department)
        : T(TextId.UiPauseExtendConfirm, Current.Action, _newEnd!.Value is { } end ? DateText.Show(end) : _newEnd.Text);

    protected override IReadOnlyList<string> InfoLines =>
    [
        T(TextId.UiPauseStepInfo, Current.Action, Current.Department, DateText.Show(Current.EndsOn)),
        .. _kind == PauseStepKind.Extend ? [T(TextId.UiPauseFormInfo, Settings.MaximumWeeks, DateText.Show(Settings.LatestEnd(Today)))] : Array.Empty<string>(),
    ];

    public static PauseStepFormScreen For(WijkwerkApp app, PauseRecord pause, PauseStepKind kind, string clientName)
    {
        var screen = new PauseStepFormScreen(app, pause, kind, clientName);
        screen.RestoreDraft();
        return screen;
    }

    /// <summary>Why this step cannot be taken on the pause at all (it was lifted, or has ended); null when it can.</summary>
    public static Problem? WhyNot(WijkwerkApp app, PauseRecord pause) =>
        PauseRules.CheckLift(pause.Current, "-", app.Store.Pauses.Today).FirstOrDefault();

    private Pause Current => _pause.Current;

    private DateOnly Today => App.Store.Pauses.Today;

    private PauseSettings Settings => App.Store.Pauses.Settings;

    protected override IReadOnlyList<Problem> Check() =>
        PauseRules.CheckStep(Current, new PauseStep(default, _pause.Recorded.Id, _kind, _newEnd is null ? null : _newEnd.Value ?? default, _reason.Text.Trim(), Today,
            App.Store.Identity.WorkerId, App.Clock.GetUtcNow()), Settings, Today);

    protected override void Store()
    {
        if (_kind == PauseStepKind.Lift)
            App.Store.Pauses.Lift(_pause.Recorded.Id, _reason.Text);
        else
            App.Store.Pauses.Extend(_pause.Recorded.Id, _newEnd!.Value!.Value, _reason.Text);
    }
}
