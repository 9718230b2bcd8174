using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// One pause in full: the action held, the department, who asked and why, its period and where it stands, and every
/// lift or extension with its reason. Lifting and extending start here; on a pause that no longer holds the keys say why.
/// </summary>
public sealed class PauseDetailScreen : DetailScreen
{
    private readonly Id<Pause> _id;
    private readonly string _clientName;
    private PauseRecord _pause;

    public PauseDetailScreen(WijkwerkApp app, PauseRecord pause)
        : base(app)
    {
        _id = pause.Recorded.Id;
        _pause = pause;
        _clientName = app.Store.Clients.NameOf(pause.Recorded.ClientId)?.Full ?? "";
        var recordsDossier = App.Store.Identity.Role.RecordsSignalsAndVisits();
        Command("lift", TextId.CmdPauseLift, [KeyInput.Character('o')], () => Step(PauseStepKind.Lift), () => recordsDossier);
        Command("extend", TextId.CmdPauseExtend, [KeyInput.Character('v')], () => Step(PauseStepKind.Extend), () => recordsDossier);
    }

    public override string Title => T(TextId.UiPauseDetailTitle, _clientName);

    public PauseRecord Pause => _pause;

    public override void OnResumed()
    {
        _pause = App.Store.Pauses.Get(_id) ?? _pause;
        base.OnResumed();
    }

    protected override IReadOnlyList<TextLine> Lines()
    {
        var today = App.Store.Pauses.Today;
        var p = _pause.Current;
        var lines = new List<TextLine>
        {
            new(T(TextId.UiPauseDetailState, p.Action, EscalationText.State(App, p, today)), CellStyle.Bold),
            TextLine.Plain(T(TextId.UiPauseDetailDepartment, p.Department, p.RequestedBy)),
            TextLine.Plain(T(TextId.UiPauseDetailPeriod, DateText.Show(p.StartsOn), DateText.Show(p.EndsOn), Who(p.RecordedBy))),
        };
        if (_pause.Refusal is { } refusal)
            lines.Add(new TextLine(T(TextId.UiPauseRefused, refusal), WidgetStyles.Error));
        if (p.StateOn(today) == PauseState.EndingSoon)
            lines.Add(new TextLine(T(TextId.UiPauseEndingOn, DateText.Show(p.EndsOn)), CellStyle.Bold));
        else if (p.StateOn(today) == PauseState.Ended)
            lines.Add(new TextLine(T(TextId.UiPauseEndedOn, DateText.Show(p.EndsOn)), WidgetStyles.Error));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.FieldPauseReason)));
        lines.Add(TextLine.Plain(_pause.Recorded.Reason));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiPauseSteps)));
        if (_pause.Steps.Count == 0)
            lines.Add(TextLine.Plain(T(TextId.UiPauseNoSteps)));
        lines.AddRange(_pause.Steps.Select(StepLine));
        return lines;
    }

    private TextLine StepLine(PauseStep s)
    {
        var text = s.Kind == PauseStepKind.Lift
            ? T(TextId.UiPauseStepLiftLine, AmsterdamTime.ShowDateTime(s.At), Who(s.By), s.Reason.ReplaceLineEndings(" "))
            : T(TextId.UiPauseStepExtendLine, AmsterdamTime.ShowDateTime(s.At), DateText.Show(s.NewEnd!.Value), Who(s.By), s.Reason.ReplaceLineEndings(" "));
        return _pause.RefusedSteps.TryGetValue(s.Id, out var refusal)
            ? new TextLine($"{text} ({T(TextId.UiPauseStepRefused, refusal)})", WidgetStyles.Error)
            : TextLine.Plain(text);
    }

    private void Step(PauseStepKind kind)
    {
        if (PauseStepFormScreen.WhyNot(App, _pause) is { } problem)
            App.Notify(T(TextId.UiPauseCannotStep, problem.Describe(App.Lang)));
        else
            App.Push(PauseStepFormScreen.For(App, _pause, kind, _clientName));
    }
}
