using System.Globalization;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Domain.Indications;

/// <summary>The agreement report against counts worked out by hand, with periods taken in Amsterdam time.</summary>
public class AgreementReportTests
{
    /// <summary>Before the samples' investigation term ends (15 April), so only an older melding is overdue.</summary>
    private static readonly DateOnly Today = new(2026, 4, 10);

    [Fact]
    public void Build_CountsEachOutcomePerTeamAndMonth()
    {
        var advices = new[]
        {
            Decided("Noord", AdviceStatus.Granted, "2026-03-05T10:00:00Z"),
            Decided("Noord", AdviceStatus.Granted, "2026-03-06T10:00:00Z"),
            Decided("Noord", AdviceStatus.Adjusted, "2026-03-10T10:00:00Z"),
            Decided("Noord", AdviceStatus.Rejected, "2026-03-12T10:00:00Z"),
            Decided("Zuid", AdviceStatus.Adjusted, "2026-04-01T10:00:00Z"),
        };

        var report = AgreementReport.Build(advices, PeriodKind.Month, Today);

        Assert.Equal(
            [
                new AgreementRow("Noord", new ReportPeriod(PeriodKind.Month, 2026, 3), 2, 1, 1, 4, 0),
                new AgreementRow("Zuid", new ReportPeriod(PeriodKind.Month, 2026, 4), 0, 1, 0, 1, 0),
            ],
            report.Rows);
        Assert.Equal(4, report.Rows[0].Decided);
        Assert.Equal(50.0m, report.Rows[0].PercentAsAdvised);
        Assert.Equal(0.0m, report.Rows[1].PercentAsAdvised);
        Assert.Equal(["Noord", "Zuid"], report.Teams);
    }

    [Fact]
    public void Build_PerQuarter_AddsTheMonthsOfTheQuarterUp()
    {
        var advices = new[]
        {
            Decided("Noord", AdviceStatus.Granted, "2026-01-15T10:00:00Z"),
            Decided("Noord", AdviceStatus.Adjusted, "2026-02-15T10:00:00Z"),
            Decided("Noord", AdviceStatus.Granted, "2026-03-15T10:00:00Z"),
            Decided("Noord", AdviceStatus.Granted, "2026-04-15T10:00:00Z"),
        };

        var rows = AgreementReport.Build(advices, PeriodKind.Quarter, Today).Rows;

        Assert.Equal(["2026-Q1", "2026-Q2"], rows.Select(r => r.Period.Code));
        Assert.Equal((2, 1, 0), (rows[0].AsAdvised, rows[0].Adjusted, rows[0].Rejected));
        Assert.Equal(66.7m, rows[0].PercentAsAdvised);
        Assert.Equal((1, 0, 0), (rows[1].AsAdvised, rows[1].Adjusted, rows[1].Rejected));
    }

    [Fact]
    public void Build_OpenWithdrawnAndConcept_AreNotDecided_OpenAndWithdrawnCountedApart()
    {
        var draft = AdviceSamples.Draft() with { Team = "Noord" };
        var longAgo = AdviceSamples.Content() with { MeldingDate = new DateOnly(2026, 1, 2) };
        var advices = new[]
        {
            draft,
            draft with { Status = AdviceStatus.Submitted },
            draft with { Status = AdviceStatus.QuestionAsked, Content = longAgo },
            draft with { Status = AdviceStatus.Answered },
            draft with { Status = AdviceStatus.Withdrawn, Content = longAgo },
            Decided("Zuid", AdviceStatus.Granted, "2026-03-20T10:00:00Z"),
        };

        var report = AgreementReport.Build(advices, PeriodKind.Month, Today);

        // Melding 2 January: the investigation was due 13 February, so the open question is overdue;
        // the withdrawn one stopped its clock and is not counted as overdue.
        Assert.Equal([new TeamBacklog("Noord", 3, 1, 1)], report.Backlog);
        var row = Assert.Single(report.Rows);
        Assert.Equal("Zuid", row.Team);
        Assert.Equal(1, row.Decided);
        Assert.Equal(["Noord", "Zuid"], report.Teams);
    }

    [Theory]
    [InlineData("2026-03-31T21:59:00Z", "2026-03", "2026-Q1")] // 23:59 summer time: still March
    [InlineData("2026-03-31T22:00:00Z", "2026-04", "2026-Q2")] // midnight summer time: April
    [InlineData("2026-03-31T23:30:00Z", "2026-04", "2026-Q2")]
    [InlineData("2026-01-31T23:30:00Z", "2026-02", "2026-Q1")] // 00:30 winter time on 1 February
    [InlineData("2026-10-31T22:30:00Z", "2026-10", "2026-Q4")] // 23:30 winter time: the clocks went back on 25 October
    [InlineData("2026-10-31T23:30:00Z", "2026-11", "2026-Q4")]
    [InlineData("2026-06-30T21:30:00Z", "2026-06", "2026-Q2")]
    [InlineData("2026-06-30T22:30:00Z", "2026-07", "2026-Q3")]
    [InlineData("2025-12-31T23:30:00Z", "2026-01", "2026-Q1")] // new year in Amsterdam an hour before London
    public void Period_TakesTheDayInAmsterdam(string instant, string month, string quarter)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        Assert.Equal(month, ReportPeriod.Of(at, PeriodKind.Month).Code);
        Assert.Equal(quarter, ReportPeriod.Of(at, PeriodKind.Quarter).Code);
    }

    [Fact]
    public void Build_DecisionAt2330UtcOnMonthEnd_CountsInTheNextMonth()
    {
        var advices = new[]
        {
            Decided("Noord", AdviceStatus.Granted, "2026-03-31T21:30:00Z"),
            Decided("Noord", AdviceStatus.Rejected, "2026-03-31T23:30:00Z"),
        };

        var rows = AgreementReport.Build(advices, PeriodKind.Month, Today).Rows;

        Assert.Equal(["2026-03", "2026-04"], rows.Select(r => r.Period.Code));
        Assert.Equal(1, rows[0].AsAdvised);
        Assert.Equal(1, rows[1].Rejected);
    }

    [Theory]
    [InlineData(PeriodKind.Quarter, 2026, 1, "2026-01-01", "2026-03-31")]
    [InlineData(PeriodKind.Quarter, 2026, 4, "2026-10-01", "2026-12-31")]
    [InlineData(PeriodKind.Month, 2028, 2, "2028-02-01", "2028-02-29")]
    [InlineData(PeriodKind.Month, 2026, 12, "2026-12-01", "2026-12-31")]
    public void Period_FirstAndLastDay(PeriodKind kind, int year, int number, string first, string last)
    {
        var period = new ReportPeriod(kind, year, number);

        Assert.Equal(DateOnly.Parse(first, CultureInfo.InvariantCulture), period.First);
        Assert.Equal(DateOnly.Parse(last, CultureInfo.InvariantCulture), period.Last);
        Assert.Equal(period, ReportPeriod.Of(period.First, kind));
        Assert.Equal(period, ReportPeriod.Of(period.Last, kind));
    }

    /// <summary>Aanvraag 20 March: the decision is due 3 April; that evening Amsterdam is two hours ahead of UTC.</summary>
    [Theory]
    [InlineData("2026-04-03T21:59:00Z", 1, 0)]
    [InlineData("2026-04-03T22:00:00Z", 0, 1)]
    public void Build_InTimeOrLate_ByTheDecisionDayInAmsterdam(string instant, int inTime, int late)
    {
        var advice = Decided("Noord", AdviceStatus.Granted, instant, aanvraag: new DateOnly(2026, 3, 20));

        var row = Assert.Single(AgreementReport.Build([advice], PeriodKind.Month, Today).Rows);

        Assert.Equal((inTime, late), (row.InTime, row.Late));
    }

    [Fact]
    public void Build_ExtendedTerm_DecisionBeforeTheExtensionIsInTime()
    {
        // Aanvraag 1 March: due by law 15 March, extended to 29 March, decided 20 March.
        var extended = Decided("Noord", AdviceStatus.Adjusted, "2026-03-20T10:00:00Z", aanvraag: new DateOnly(2026, 3, 1))
            with { Extension = new DecisionExtension(new DateOnly(2026, 3, 29), "Advies huisarts afwachten") };
        var notExtended = extended with { Extension = null };

        var withExtension = Assert.Single(AgreementReport.Build([extended], PeriodKind.Month, Today).Rows);
        var withoutExtension = Assert.Single(AgreementReport.Build([notExtended], PeriodKind.Month, Today).Rows);

        Assert.Equal((1, 0), (withExtension.InTime, withExtension.Late));
        Assert.Equal((0, 1), (withoutExtension.InTime, withoutExtension.Late));
    }

    [Fact]
    public void For_AllTeams_AddsTheTeamsUpPerPeriod_OneTeamKeepsItsOwn()
    {
        var advices = new[]
        {
            Decided("Noord", AdviceStatus.Granted, "2026-03-05T10:00:00Z"),
            Decided("Zuid", AdviceStatus.Rejected, "2026-03-06T10:00:00Z"),
            Decided("Zuid", AdviceStatus.Granted, "2026-04-06T10:00:00Z", aanvraag: new DateOnly(2026, 3, 6)),
            AdviceSamples.Draft() with { Team = "Zuid", Status = AdviceStatus.Submitted },
            AdviceSamples.Draft() with { Team = "Noord", Status = AdviceStatus.Withdrawn },
        };
        var report = AgreementReport.Build(advices, PeriodKind.Month, Today);

        var all = report.For(null);
        var zuid = report.For("Zuid");

        Assert.Equal(
            [
                new AgreementRow(null, new ReportPeriod(PeriodKind.Month, 2026, 3), 1, 0, 1, 2, 0),
                new AgreementRow(null, new ReportPeriod(PeriodKind.Month, 2026, 4), 1, 0, 0, 0, 1),
            ],
            all);
        Assert.Equal(["2026-03", "2026-04"], zuid.Select(r => r.Period.Code));
        Assert.All(zuid, r => Assert.Equal("Zuid", r.Team));
        Assert.Equal(new TeamBacklog("", 1, 0, 1), report.BacklogFor(null));
        Assert.Equal(new TeamBacklog("Zuid", 1, 0, 0), report.BacklogFor("Zuid"));
    }

    [Theory]
    [InlineData(1, 2, 0, 33.3)]
    [InlineData(2, 1, 0, 66.7)]
    [InlineData(1, 0, 7, 12.5)]
    [InlineData(1, 7, 0, 12.5)]
    public void PercentAsAdvised_RoundsToOneDecimal(int asAdvised, int adjusted, int rejected, double expected)
    {
        var row = new AgreementRow("Noord", new ReportPeriod(PeriodKind.Month, 2026, 3), asAdvised, adjusted, rejected, 0, 0);

        Assert.Equal((decimal)expected, row.PercentAsAdvised);
    }

    [Fact]
    public void PercentAsAdvised_NothingDecided_IsNull() =>
        Assert.Null(new AgreementRow("Noord", new ReportPeriod(PeriodKind.Month, 2026, 3), 0, 0, 0, 0, 0).PercentAsAdvised);

    /// <summary>
    /// Melding 4 March 2026 (the samples'); without an aanvraag the investigation term counts, due 15 April.
    /// </summary>
    private static IndicationAdvice Decided(string team, AdviceStatus outcome, string at, DateOnly? aanvraag = null)
    {
        var draft = AdviceSamples.Draft() with { Team = team, Content = AdviceSamples.Content(aanvraag: aanvraag) };
        var decided = outcome switch
        {
            AdviceStatus.Rejected => null,
            AdviceStatus.Adjusted => AdviceSamples.Provision(2),
            _ => draft.Content.Provision,
        };
        var instant = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
        return draft with
        {
            Status = outcome,
            SubmittedAt = instant.AddDays(-1),
            Decision = new AdviceDecision(decided, outcome == AdviceStatus.Granted ? "" : "Afgestemd met de cliënt", instant, AdviceSamples.Consultant.Id),
        };
    }
}
