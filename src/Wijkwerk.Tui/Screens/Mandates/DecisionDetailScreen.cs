using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Screens.Details;
using Wijkwerk.Tui.Screens.Maatwerk;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Widgets;

namespace Wijkwerk.Tui.Screens.Mandates;

/// <summary>
/// One mandate decision in full, read-only: what was overridden and why, the value triangle with the
/// calculator's figures and the cost-table version they came from, the follow-up and every addendum. A team
/// leader records the follow-up (once) and addenda from here; a team member only reads.
/// </summary>
public sealed class DecisionDetailScreen : DetailScreen
{
    private readonly Id<MandateDecision> _id;
    private readonly string _clientName;
    private MandateDecision _decision;
    private IReadOnlyList<DecisionAddendum> _addenda = [];

    public DecisionDetailScreen(WijkwerkApp app, MandateDecision decision)
        : base(app)
    {
        _id = decision.Id;
        _decision = decision;
        _clientName = app.Store.Clients.NameOf(decision.ClientId)?.Full ?? "";
        var leader = app.Store.Identity.Role == Role.TeamLeader;
        Command("follow-up", TextId.CmdRecordDecisionFollowUp, [KeyInput.Character('v')],
            () => App.Push(FollowUpFormScreen.For(App, _decision, _clientName)), () => leader && _decision.FollowUp is null);
        Command("addendum", TextId.CmdAddDecisionAddendum, [KeyInput.Character('a')], () => App.Push(AddendumFormScreen.For(App, _decision, _clientName)), () => leader);
        Load();
    }

    public override string Title => T(TextId.UiMandateDetailTitle, _clientName);

    public MandateDecision Decision => _decision;

    public override void OnResumed()
    {
        Load();
        base.OnResumed();
    }

    protected override IReadOnlyList<TextLine> Lines()
    {
        var d = _decision;
        var today = AmsterdamTime.Today(App.Clock);
        var lines = new List<TextLine>
        {
            new(T(TextId.UiMandateDetailState, _clientName, DecisionText.FollowUpState(App, d, today)), CellStyle.Bold),
            TextLine.Plain(T(TextId.UiMandateDetailDecided, AmsterdamTime.ShowDateTime(d.DecidedAt), Who(d.DecidedBy))),
            TextLine.Plain(T(TextId.UiMandateDetailDepartment, d.Department, d.RuleOverridden)),
            TextLine.Plain(T(TextId.UiMandateDetailExecutor, d.CarriedOutBy.Department, d.CarriedOutBy.Contact)),
            TextLine.Plain(T(TextId.UiMandateDetailBottleneck, d.BottleneckTag)),
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiMandateDetailRefusedBefore)),
            TextLine.Plain(d.RefusedBefore),
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiMandateDetailDecision)),
            TextLine.Plain(d.Decision),
            TextLine.Blank,
            TextLine.Heading(T(TextId.UiMandateDetailTriangle)),
            TextLine.Plain(T(TextId.UiMandateDetailLegitimacy)),
            TextLine.Plain(d.Triangle.Legitimacy, indent: 2),
        };
        lines.AddRange(SocialReturnText.Lines(App, d.Triangle.SocialReturn));
        lines.Add(TextLine.Plain(T(TextId.UiMandateDetailEngagement)));
        lines.Add(TextLine.Plain(d.Triangle.Engagement, indent: 2));
        lines.Add(TextLine.Plain(T(d.Triangle.ResidentHeard ? TextId.UiMandateDetailHeard : TextId.UiMandateDetailNotHeard), indent: 2));
        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiMandateDetailFollowUp)));
        if (d.FollowUp is { } followUp)
        {
            lines.Add(TextLine.Plain(T(TextId.UiMandateDetailFollowUpBy, AmsterdamTime.ShowDateTime(followUp.At), EnumTexts.Name(followUp.Result, App.Lang), Who(followUp.By))));
            lines.Add(TextLine.Plain(followUp.HowItEnded, indent: 2));
        }
        else
        {
            lines.Add(new TextLine(DecisionText.FollowUpState(App, d, today), DecisionText.Style(d, today)));
        }

        lines.Add(TextLine.Blank);
        lines.Add(TextLine.Heading(T(TextId.UiMandateDetailAddenda)));
        if (_addenda.Count == 0)
            lines.Add(TextLine.Plain(T(TextId.UiMandateDetailNoAddenda)));
        foreach (var addendum in _addenda)
        {
            lines.Add(TextLine.Plain(T(TextId.UiMandateDetailAddendum, AmsterdamTime.ShowDateTime(addendum.At), Who(addendum.By))));
            lines.Add(TextLine.Plain(addendum.Text, indent: 2));
        }

        return lines;
    }

    private void Load()
    {
        _decision = App.Store.MandateDecisions.Get(_id) ?? _decision;
        _addenda = App.Store.MandateDecisions.Addenda(_id);
    }
}
