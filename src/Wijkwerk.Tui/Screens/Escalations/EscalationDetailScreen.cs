using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// One escalation in full: level, where it stands, why, what was tried, the parties, the bottleneck and its outcome.
/// From here the case goes one level up, or the outcome is recorded; where the rules do not allow it, the key says why.
/// </summary>
public sealed class EscalationDetailScreen : DetailScreen
{
    private readonly Id<Escalation> _id;
    private readonly string _clientName;
    private Escalation _escalation;

    public EscalationDetailScreen(WijkwerkApp app, Escalation escalation)
        : base(app)
    {
        _id = escalation.Id;
        _escalation = escalation;
        _clientName = app.Store.Clients.NameOf(escalation.ClientId)?.Full ?? "";
        var recordsDossier = App.Store.Identity.Role.RecordsSignalsAndVisits();
        Command("escalate", TextId.CmdEscalate, [KeyInput.Character('x')], Escalate, () => recordsDossier);
        Command("outcome", TextId.CmdEscalationClose, [KeyInput.Character('u')], Close, () => recordsDossier);
    }

    public override string Title => T(TextId.UiEscalationDetailTitle, _clientName);

    public Escalation Escalation => _escalation;

    public override void OnResumed()
    {
        _escalation = App.Store.Escalations.Get(_id) ?? _escalation;
        base.OnResumed();
    }

    protected override IReadOnlyList<TextLine> Lines()
    {
        var today = App.Store.Escalations.Today;
        var e = _escalation;
        var lines = new List<TextLine>
        {
            new(T(TextId.UiEscalationDetailState, EnumTexts.Name(e.Level, App.Lang), EscalationText.State(App, e, today)), CellStyle.Bold),
            TextLine.Plain(T(TextId.UiEscalationDetailRaised, DateText.Show(e.RaisedOn), Who(e.RaisedBy), DateText.Show(e.FollowUpOn))),
            TextLine.Plain(T(TextId.UiEscalationDetailParties, e.Parties)),
            TextLine.Plain(T(TextId.UiEscalationDetailBottleneck, e.BottleneckTag)),
        };
        if (e.IsOpen && App.Store.Escalations.NextLevel(e.ClientId) is { } next)
            lines.Add(TextLine.Plain(T(TextId.UiEscalationDetailNext, EnumTexts.Name(next, App.Lang))));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.FieldEscalationReason)));
        lines.Add(TextLine.Plain(e.Reason));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.FieldEscalationTried)));
        lines.Add(TextLine.Plain(e.Tried));
        if (e.ClosedOn is not null)
        {
            lines.Add(TextLine.Blank);
            lines.Add(TextLine.Heading(T(TextId.FieldEscalationOutcome)));
            lines.Add(TextLine.Plain(e.Outcome));
        }

        return lines;
    }

    private void Escalate()
    {
        var form = EscalationFormScreen.For(App, _escalation.ClientId, _clientName);
        if (form.IsValid)
            App.Push(form.Value);
        else
            App.Notify(T(TextId.UiEscalationCannot, form.Problem.Describe(App.Lang)));
    }

    private void Close()
    {
        if (EscalationRules.CheckClose(_escalation, "-").FirstOrDefault() is { } problem)
            App.Notify(T(TextId.UiEscalationCannotClose, problem.Describe(App.Lang)));
        else
            App.Push(EscalationCloseFormScreen.For(App, _escalation, _clientName));
    }
}
