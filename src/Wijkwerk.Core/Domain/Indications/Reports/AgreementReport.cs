namespace Wijkwerk.Core.Domain.Indications.Reports;

/// <summary>
/// How the decisions of one team (or of all teams, when <see cref="Team"/> is null) in one period
/// relate to the advice: granted as advised, adjusted, rejected; and whether they came within the
/// legal term.
/// </summary>
public sealed record AgreementRow(string? Team, ReportPeriod Period, int AsAdvised, int Adjusted, int Rejected, int InTime, int Late)
{
    public int Decided => AsAdvised + Adjusted + Rejected;

    /// <summary>Percentage granted as advised, one decimal; null when nothing was decided.</summary>
    public decimal? PercentAsAdvised => Decided == 0 ? null : Math.Round(100m * AsAdvised / Decided, 1, MidpointRounding.AwayFromZero);

    public AgreementRow Plus(AgreementRow other) => this with
    {
        AsAdvised = AsAdvised + other.AsAdvised,
        Adjusted = Adjusted + other.Adjusted,
        Rejected = Rejected + other.Rejected,
        InTime = InTime + other.InTime,
        Late = Late + other.Late,
    };
}

/// <summary>What is not decided in a team: waiting for the consultant (and how many of those past their term), and withdrawn.</summary>
public sealed record TeamBacklog(string Team, int Open, int Overdue, int Withdrawn);

/// <summary>
/// Agreement between advice and decision per team and period. Only decided advices count towards
/// agreement; a concept has not reached the consultant, a withdrawn or still open advice has no
/// decision, so those are counted apart in <see cref="Backlog"/>.
/// </summary>
public sealed record AgreementReport(PeriodKind Kind, IReadOnlyList<AgreementRow> Rows, IReadOnlyList<TeamBacklog> Backlog)
{
    public static AgreementReport Build(IEnumerable<IndicationAdvice> advices, PeriodKind kind, DateOnly today)
    {
        var list = advices.ToList();
        var rows = list
            .Where(a => a.Status.IsDecision() && a.Decision is not null)
            .GroupBy(a => (a.Team, Period: ReportPeriod.Of(a.Decision!.At, kind)))
            .Select(g => g.Select(a => Count(g.Key.Team, g.Key.Period, a)).Aggregate((x, y) => x.Plus(y)))
            .OrderBy(r => r.Team, StringComparer.Ordinal).ThenBy(r => r.Period)
            .ToList();
        var backlog = list
            .GroupBy(a => a.Team)
            .Select(g => new TeamBacklog(
                g.Key,
                g.Count(a => IsOpen(a.Status)),
                g.Count(a => IsOpen(a.Status) && a.Clocks.Current(today).IsFlagged),
                g.Count(a => a.Status == AdviceStatus.Withdrawn)))
            .Where(b => b.Open + b.Withdrawn > 0)
            .OrderBy(b => b.Team, StringComparer.Ordinal)
            .ToList();
        return new AgreementReport(kind, rows, backlog);
    }

    /// <summary>Every team that has a decision or a backlog, in a fixed order.</summary>
    public IReadOnlyList<string> Teams =>
        Rows.Select(r => r.Team!).Concat(Backlog.Select(b => b.Team)).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>One team's rows, or with null the teams added up per period.</summary>
    public IReadOnlyList<AgreementRow> For(string? team) =>
        team is not null
            ? Rows.Where(r => r.Team == team).ToList()
            : Rows.GroupBy(r => r.Period).Select(g => g.Aggregate((x, y) => x.Plus(y)) with { Team = null }).OrderBy(r => r.Period).ToList();

    /// <summary>One team's backlog, or with null all teams together.</summary>
    public TeamBacklog BacklogFor(string? team) =>
        Backlog.Where(b => team is null || b.Team == team)
            .Aggregate(new TeamBacklog(team ?? "", 0, 0, 0), (sum, b) => sum with { Open = sum.Open + b.Open, Overdue = sum.Overdue + b.Overdue, Withdrawn = sum.Withdrawn + b.Withdrawn });

    /// <summary>Waiting for the consultant or for the author's answer: submitted and not yet decided.</summary>
    private static bool IsOpen(AdviceStatus status) => status is AdviceStatus.Submitted or AdviceStatus.QuestionAsked or AdviceStatus.Answered;

    private static AgreementRow Count(string team, ReportPeriod period, IndicationAdvice advice)
    {
        // The clock that counted last, read on the decision day: was the decision within its term?
        var late = advice.Clocks.Current(advice.Clocks.DecidedOn!.Value).State == ClockState.MetLate;
        return new AgreementRow(
            team,
            period,
            advice.Status == AdviceStatus.Granted ? 1 : 0,
            advice.Status == AdviceStatus.Adjusted ? 1 : 0,
            advice.Status == AdviceStatus.Rejected ? 1 : 0,
            late ? 0 : 1,
            late ? 1 : 0);
    }
}
