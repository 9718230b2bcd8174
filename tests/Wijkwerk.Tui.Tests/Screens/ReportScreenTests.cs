using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Tui.Screens.Home;
using Wijkwerk.Tui.Screens.Reports;
using Wijkwerk.Tui.Terminal;
using Wijkwerk.Tui.Tests.Support;

namespace Wijkwerk.Tui.Tests.Screens;

/// <summary>The advice and decision report on the demo store: what it counts, and its keys.</summary>
public class ReportScreenTests
{
    [Theory]
    [MemberData(nameof(ScreenSnapshotTests.Sizes), MemberType = typeof(ScreenSnapshotTests))]
    public void Snapshot_AllTeamsPerMonth(int width, int height)
    {
        using var app = new AppHarness(width, height);
        app.Press('6');

        Assert.NotEmpty(app.TopAs<AgreementReportScreen>().Rows);
        Snapshot.Match($"report-{width}x{height}", app.Terminal);
    }

    [Fact]
    public void Keys_SwitchPeriodAndTeam_CountsAreTheDecisionsInTheStore()
    {
        using var app = new AppHarness(160, 50);
        var decided = app.Store.Advices.All().Where(a => a.Decision is not null).ToList();
        app.Press('6');
        var screen = app.TopAs<AgreementReportScreen>();

        var months = screen.Rows;
        var monthText = app.Screen();
        app.Press('p');
        var quarters = screen.Rows;
        var quarterText = app.Screen();
        app.Press('t');
        var firstTeam = screen.Team;
        var teamRows = screen.Rows;
        var teamText = app.Screen();

        // Counted here straight from the decisions, by the month of the decision day in Amsterdam.
        var byMonth = decided.GroupBy(a => AmsterdamTime.ToLocal(a.Decision!.At).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Assert.True(byMonth.Count >= 5, "the demo spreads decisions over several months");
        Assert.Equal(byMonth, months.Select(r => (r.Period.Code, r.Decided)));
        Assert.All(months, r => Assert.Contains(" " + r.Period.Code + "  ", monthText, StringComparison.Ordinal));
        Assert.Contains("per maand", monthText, StringComparison.Ordinal);

        Assert.Equal(PeriodKind.Quarter, screen.Kind);
        Assert.Equal(decided.Count, quarters.Sum(r => r.Decided));
        Assert.True(quarters.Count < months.Count);
        Assert.Contains("per kwartaal", quarterText, StringComparison.Ordinal);
        Assert.Contains(" 2026-Q1  ", quarterText, StringComparison.Ordinal);
        Assert.DoesNotContain(" 2026-03  ", quarterText, StringComparison.Ordinal);

        Assert.NotNull(firstTeam);
        Assert.Contains("Team: " + firstTeam, teamText, StringComparison.Ordinal);
        Assert.Equal(decided.Count(a => a.Team == firstTeam), teamRows.Sum(r => r.Decided));
        Assert.True(teamRows.Sum(r => r.Decided) < decided.Count);
        Assert.Equal(decided.Count(a => a.Team == firstTeam && a.Status == Core.Domain.Indications.AdviceStatus.Rejected), teamRows.Sum(r => r.Rejected));

        app.Press('t').Press('t');
        Assert.Null(screen.Team);
        app.Press(KeyInput.Escape);
        app.TopAs<HomeScreen>();
    }

    [Fact]
    public void Bars_PaintAsAdvisedAdjustedAndRejectedInTheirOwnColours()
    {
        using var app = new AppHarness(160, 50);
        app.Press('6');
        var rows = app.TopAs<AgreementReportScreen>().Rows;
        var lines = app.Screen().Split('\n');

        var row = rows.First(r => r.AsAdvised > 0 && r.Adjusted > 0 && r.Rejected > 0);
        var y = Array.FindIndex(lines, l => l.StartsWith(" " + row.Period.Code + "  ", StringComparison.Ordinal));
        var colours = Enumerable.Range(0, app.Terminal.Width).Select(x => app.Terminal[x, y])
            .Where(c => c.Char == '█').Select(c => c.Style.Foreground).Distinct().ToList();

        Assert.Equal(
            [SpectreStyleMapper.Map(AgreementChart.AsAdvisedColour), SpectreStyleMapper.Map(AgreementChart.AdjustedColour), SpectreStyleMapper.Map(AgreementChart.RejectedColour)],
            colours);
        Assert.Equal(3, colours.Distinct().Count());
    }
}
