using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Forms;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Patterns;

/// <summary>
/// A team leader's step on a pattern: a reason (required to dismiss), and for an agreed fix what changes, who sees to
/// it and by when. Checked as typed by the rules the server applies; confirmed first (default Nee), since a step never
/// moves back.
/// </summary>
public sealed class PatternStepFormScreen : FormScreen
{
    private readonly PatternView _view;
    private readonly PatternState _to;
    private readonly TextArea _reason;
    private readonly TextField? _what;
    private readonly TextField? _who;
    private readonly DateField? _by;

    private PatternStepFormScreen(WijkwerkApp app, PatternView view, PatternState to)
        : base(app, PatternDrafts.Key(to, view.Pattern.Id))
    {
        _view = view;
        _to = to;
        if (to == PatternState.FixAgreed)
        {
            _what = Text("wat", TextId.FieldPatternFixWhat, PatternRules.MaxTextLength);
            _who = Text("wie", TextId.FieldPatternFixWho, PatternRules.MaxShortLength);
            _by = Date("uiterlijk", TextId.FieldPatternFixBy);
        }

        _reason = Area("reden", TextId.FieldPatternReason, 3, PatternRules.MaxTextLength);
        Ready();
    }

    public override string Title => T(TextId.UiPatternStepTitle, _view.Pattern.TagKey, EnumTexts.Name(_to, App.Lang));

    protected override TextId SavedMessage => TextId.UiPatternStepSaved;

    protected override string? ConfirmBeforeSave => T(TextId.UiPatternStepConfirm, _view.Pattern.TagKey, EnumTexts.Name(_to, App.Lang));

    protected override IReadOnlyList<string> InfoLines =>
    [
        T(TextId.UiPatternDetailState, EnumTexts.Name(_view.Pattern.State, App.Lang), _view.Pattern.Cases, _view.Pattern.Clients, _view.Pattern.Spent),
        T(TextId.UiPatternStepInfo, EnumTexts.Name(_to, App.Lang)),
    ];

    public static PatternStepFormScreen For(WijkwerkApp app, PatternView view, PatternState to)
    {
        var screen = new PatternStepFormScreen(app, view, to);
        screen.RestoreDraft();
        return screen;
    }

    private StructuralFix? Fix => _what is null ? null : new StructuralFix(_what.Text, _who!.Text, _by!.Value ?? default);

    protected override IReadOnlyList<Problem> Check() => App.Store.Patterns.Check(_view, _to, _reason.Text, Fix);

    protected override void Store() => App.Store.Patterns.Move(_view.Pattern.Id, _to, _reason.Text, Fix);
}
