using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>
/// The team's mandate decisions: follow-ups that are due come first (oldest follow-up date first, "te laat" in
/// words and red), then the rest newest first. "/" filters on client, department, rule and bottleneck; Enter opens
/// the decision in full.
/// </summary>
public sealed class DecisionsScreen : TableListScreen<MandateDecision>
{
    public DecisionsScreen(WijkwerkApp app)
        : base(app,
        [
            new TableColumn(app.T(TextId.UiDecisionsColumnDecided), MinWidth: 10, Keep: 3),
            new TableColumn(app.T(TextId.UiQueueColumnClient), MinWidth: 14, Weight: 2, MaxWidth: 36, Keep: 3),
            new TableColumn(app.T(TextId.FieldMandateDepartment), MinWidth: 10, Weight: 1, MaxWidth: 24, Keep: 2),
            new TableColumn(app.T(TextId.UiDecisionsColumnFollowUp), MinWidth: 26, MaxWidth: 28, Keep: 3),
            new TableColumn(app.T(TextId.FieldRuleOverridden), MinWidth: 12, Weight: 2, MaxWidth: 60),
        ], TextId.UiDecisionsEmpty) =>
        Reload();

    public override string Title => T(TextId.UiDecisionsTitle);

    private DateOnly Today => AmsterdamTime.Today(App.Clock);

    protected override IReadOnlyList<MandateDecision> Load()
    {
        var today = Today;
        var all = App.Store.MandateDecisions.All();
        var due = all.Where(d => DecisionText.IsDue(d, today)).OrderBy(d => d.FollowUpOn).ThenBy(d => d.DecidedAt);
        var rest = all.Where(d => !DecisionText.IsDue(d, today)).OrderByDescending(d => d.DecidedAt);
        return [.. due, .. rest];
    }

    protected override IReadOnlyList<string> Cells(MandateDecision d) =>
        [DateText.Show(AmsterdamTime.DayOf(d.DecidedAt)), ClientName(d.ClientId), d.Department, DecisionText.FollowUpState(App, d, Today), d.RuleOverridden];

    protected override IEnumerable<string> Searched(MandateDecision d) => [ClientName(d.ClientId), d.Department, d.RuleOverridden, d.BottleneckTag];

    protected override CellStyle? RowStyle(MandateDecision d) => DecisionText.Style(d, Today);

    protected override void Open(MandateDecision d) => App.Push(new DecisionDetailScreen(App, d));
}
