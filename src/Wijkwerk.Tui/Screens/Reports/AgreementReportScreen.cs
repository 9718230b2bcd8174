using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Localization;
using Wijkwerk.Tui.App;
using Wijkwerk.Tui.Terminal;

namespace Wijkwerk.Tui.Screens.Reports;

/// <summary>
/// How often the consultant decided as the team advised, adjusted or rejected, per month or quarter,
/// for all teams or one: the figures a team and the municipality talk about. Newest period first.
/// </summary>
public sealed class AgreementReportScreen : AppScreen
{
    private readonly AgreementChart _chart;
    private IReadOnlyList<IndicationAdvice> _advices = [];
    private AgreementReport _report = new(PeriodKind.Month, [], []);
    private int _teamIndex;
    private int _scroll;
    private int _visibleRows = 1;

    public AgreementReportScreen(WijkwerkApp app)
        : base(app)
    {
        _chart = new AgreementChart(app.Lang);
        Command("period", TextId.CmdReportPeriod, [KeyInput.Character('p')], TogglePeriod);
        Command("team", TextId.CmdReportTeam, [KeyInput.Character('t')], NextTeam);
        Command("back", TextId.CmdBack, [KeyInput.Escape], App.Back);
        Command("up", TextId.CmdUp, [KeyInput.Up, KeyInput.Character('k')], () => Scroll(-1), inStatusBar: false);
        Command("down", TextId.CmdDown, [KeyInput.Down, KeyInput.Character('j')], () => Scroll(1), inStatusBar: false);
        Reload(PeriodKind.Month);
    }

    public override string Title => T(TextId.UiReportTitle);

    public PeriodKind Kind => _report.Kind;

    /// <summary>The team shown, or null for all teams together.</summary>
    public string? Team => _teamIndex == 0 ? null : _report.Teams[_teamIndex - 1];

    /// <summary>The rows on screen, newest period first.</summary>
    public IReadOnlyList<AgreementRow> Rows => _report.For(Team).Reverse().ToList();

    public override void OnResumed() => Reload(Kind);

    protected override void RenderContent(ScreenBuffer buffer, Rect area)
    {
        var team = Team is null ? T(TextId.UiReportAllTeams) : Team.Length == 0 ? T(TextId.UiReportNoTeam) : Team;
        var per = T(Kind == PeriodKind.Month ? TextId.UiReportPerMonth : TextId.UiReportPerQuarter);
        var backlog = _report.BacklogFor(Team);
        var rows = Rows;
        var parts = area.SplitRows(LayoutSize.Fixed(3), LayoutSize.Fixed(1), LayoutSize.Fixed(2), LayoutSize.Fixed(1), LayoutSize.Fill());
        buffer.PutLine(parts[0], 0, CellText.Truncate(" " + T(TextId.UiReportSelection, team, per), area.Width), CellStyle.Bold);
        buffer.PutLine(parts[0], 1, CellText.Truncate(" " + T(TextId.UiReportBacklog, backlog.Open, backlog.Overdue, backlog.Withdrawn), area.Width), CellStyle.Default);
        if (rows.Count == 0)
        {
            buffer.PutLine(parts[1], 0, CellText.Truncate(" " + T(TextId.UiReportNone), area.Width), CellStyle.Default);
            return;
        }

        var total = rows.Aggregate((x, y) => x.Plus(y));
        var share = total.PercentAsAdvised is { } percent ? percent.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "-";
        buffer.PutLine(parts[1], 0, CellText.Truncate(" " + T(TextId.UiReportTotal, total.Decided, share, total.Late), area.Width), CellStyle.Default);
        _chart.RenderTotal(total, buffer, parts[2].Inset(1, 0));
        _visibleRows = Math.Max(1, parts[4].Height - 1);
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, rows.Count - _visibleRows));
        // The last column stays empty, as in every list, so no heading runs into the screen's edge.
        _chart.RenderRows(rows, _scroll, buffer, parts[4] with { Width = parts[4].Width - 1 });
    }

    protected override bool HandleContentKey(KeyInput key) => false;

    private void TogglePeriod() => Build(Kind == PeriodKind.Month ? PeriodKind.Quarter : PeriodKind.Month);

    private void NextTeam()
    {
        _teamIndex = (_teamIndex + 1) % (_report.Teams.Count + 1);
        _scroll = 0;
    }

    private void Scroll(int by) => _scroll = Math.Max(0, _scroll + by);

    /// <summary>Reads the advices (one logged search) when the screen opens or comes back; the keys only regroup them.</summary>
    private void Reload(PeriodKind kind)
    {
        _advices = App.Store.Advices.All();
        Build(kind);
    }

    private void Build(PeriodKind kind)
    {
        var team = Team;
        _report = AgreementReport.Build(_advices, kind, AmsterdamTime.Today(App.Clock));
        _teamIndex = team is null ? 0 : _report.Teams.ToList().IndexOf(team) + 1;
        _scroll = 0;
    }
}
