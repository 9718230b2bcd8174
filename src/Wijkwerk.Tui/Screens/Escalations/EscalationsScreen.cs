using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Escalations;

/// <summary>
/// The open escalations and the pauses not lifted, what needs action first: follow-ups due and pauses that ended or
/// end this week, then by date. "/" filters on kind, client, state and what; Enter opens the escalation or pause.
/// </summary>
public sealed class EscalationsScreen : TableListScreen<EscalationsScreen.Row>
{
    public EscalationsScreen(WijkwerkApp app)
        : base(app,
        [
            new TableColumn(app.T(TextId.UiEscalationsColumnKind), MinWidth: 10, Keep: 3),
            new TableColumn(app.T(TextId.UiQueueColumnClient), MinWidth: 14, Weight: 2, MaxWidth: 30, Keep: 3),
            new TableColumn(app.T(TextId.UiEscalationsColumnState), MinWidth: 22, Keep: 3),
            new TableColumn(app.T(TextId.UiEscalationsColumnWhat), MinWidth: 12, Weight: 3, MaxWidth: 70, Keep: 1),
        ], TextId.UiEscalationsEmpty) =>
        Reload();

    public override string Title => T(TextId.UiEscalationsTitle);

    protected override IReadOnlyList<Row> Load()
    {
        var today = AmsterdamTime.Today(App.Clock);
        var escalations = App.Store.Escalations.All().Where(e => e.IsOpen)
            .Select(e => new Row(e, null, e.FollowUpDue(today), e.FollowUpOn, EscalationText.Style(e, today)));
        var pauses = App.Store.Pauses.All().Where(p => p.Current.StateOn(today) != PauseState.Lifted)
            .Select(p => new Row(null, p, p.Current.StateOn(today) is PauseState.Ended or PauseState.EndingSoon, p.Current.EndsOn, EscalationText.Style(p.Current, today)));
        return escalations.Concat(pauses).OrderByDescending(r => r.NeedsAction).ThenBy(r => r.Date).ToList();
    }

    protected override void Open(Row row)
    {
        if (row.Escalation is { } escalation)
            App.Push(new EscalationDetailScreen(App, escalation));
        else
            App.Push(new PauseDetailScreen(App, row.Pause!));
    }

    protected override IEnumerable<string> Searched(Row r) => Cells(r);

    protected override CellStyle? RowStyle(Row r) => r.Style;

    protected override IReadOnlyList<string> Cells(Row r)
    {
        var today = AmsterdamTime.Today(App.Clock);
        if (r.Escalation is { } e)
        {
            var followUp = T(e.FollowUpDue(today) ? TextId.UiEscalationsFollowUpDue : TextId.UiEscalationsFollowUp, DateText.Show(e.FollowUpOn));
            return [T(TextId.UiEscalationsKindEscalation), ClientName(e.ClientId), followUp, $"{EnumTexts.Name(e.Level, App.Lang)}: {e.Reason.ReplaceLineEndings(" ")}"];
        }

        var p = r.Pause!.Current;
        var state = p.StateOn(today) switch
        {
            PauseState.Ended => TextId.UiEscalationsPauseEnded,
            PauseState.EndingSoon => TextId.UiEscalationsPauseEnding,
            _ => TextId.UiEscalationsPauseHolding,
        };
        return [T(TextId.UiEscalationsKindPause), ClientName(p.ClientId), T(state, DateText.Show(p.EndsOn)), $"{p.Department}: {p.Action}"];
    }

    /// <summary>One row: an open escalation or a pause not lifted, whether it asks for action now, and the date it is ordered by.</summary>
    public sealed record Row(Escalation? Escalation, PauseRecord? Pause, bool NeedsAction, DateOnly Date, CellStyle Style);
}
