using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Rules;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// The lists the administrator keeps on the server that a laptop needs to work offline, as one versioned set:
/// the server sends it with a pull only when the laptop holds another version, and the laptop keeps it whole.
/// Every list is optional, so a later issue adds its own (team budgets, bottleneck tags, fund partners) and an
/// older laptop ignores what it does not know. <see cref="Mandates"/> holds only the pulling worker's own.
/// </summary>
public sealed record ReferenceData(long Version)
{
    public IReadOnlyList<string>? Departments { get; init; }

    public IReadOnlyList<MandateInfo>? Mandates { get; init; }

    public IReadOnlyList<CostTableInfo>? CostTables { get; init; }

    /// <summary>Issue 12: the names of the pulling worker's teams, whose budget requests they make and vote on.</summary>
    public IReadOnlyList<string>? MyTeams { get; init; }

    /// <summary>Issue 12: the minimaatwerk budgets of the pulling worker's own teams, every year set.</summary>
    public IReadOnlyList<TeamBudgetInfo>? TeamBudgets { get; init; }

    public IReadOnlyList<Department> DepartmentList() => (Departments ?? []).Select(name => new Department(name)).ToList();

    public IReadOnlyList<Mandate> MandateList() => (Mandates ?? []).Select(m => m.ToMandate()).ToList();

    /// <summary>Every version of the cost table; an entry with a period this version does not know is left out.</summary>
    public CostTable CostTable() => new((CostTables ?? []).Select(t => t.ToVersion()));

    public IReadOnlyList<TeamBudget> TeamBudgetList() => (TeamBudgets ?? []).Select(b => b.ToBudget()).ToList();

    /// <summary>Issue 13: the revolving fund's partners with their deposits, its members, and its balance on the server.</summary>
    public FundInfo? Fund { get; init; }

    public Fund FundOf() => Fund?.ToFund() ?? Domain.Fund.Fund.Empty;

    /// <summary>Issue 14: the administrator's maximum length of a pause in weeks; absent from an older server (then the default).</summary>
    public int? PauseMaxWeeks { get; init; }

    public PauseSettings PauseSettingsOf() => PauseMaxWeeks is { } weeks ? new PauseSettings(weeks) : PauseSettings.Default;

    /// <summary>Issue 14: the admin's accepted bottleneck tags and merges (proposals stay on the server until accepted).</summary>
    public BottleneckInfo? Bottlenecks { get; init; }

    public BottleneckTagList TagList() => Bottlenecks?.ToList() ?? BottleneckTagList.Empty;

    /// <summary>
    /// Issue 14: the werktafel's patterns this worker sees: for a team leader those of their teams' cases, for every
    /// other role none. Counts and money only, never a client.
    /// </summary>
    public IReadOnlyList<PatternInfo>? Patterns { get; init; }

    public IReadOnlyList<Pattern> PatternList() => (Patterns ?? []).Select(p => p.ToPattern()).OfType<Pattern>().ToList();
}

/// <summary>A pattern on the wire: figures, teams and steps; money in cents, states by name.</summary>
public sealed record PatternInfo(
    Guid Id, string Tag, string State, int Cases, int Clients, long SpentCents, IReadOnlyList<PatternShareInfo> BySource,
    IReadOnlyList<PatternShareInfo> ByDepartment, IReadOnlyList<string> Teams, DateOnly FirstCase, DateOnly LastCase, DateTimeOffset RaisedAt,
    IReadOnlyList<PatternStepInfo> Steps)
{
    /// <param name="nameOf">The name of the worker who made a step.</param>
    public static PatternInfo From(Pattern p, Func<Guid, string> nameOf) => new(
        p.Id, p.TagKey, p.State.ToString(), p.Cases, p.Clients, p.Spent.Cents, p.BySource.Select(PatternShareInfo.From).ToList(),
        p.ByDepartment.Select(PatternShareInfo.From).ToList(), p.Teams, p.FirstCase, p.LastCase, p.RaisedAt,
        p.Steps.Select(s => PatternStepInfo.From(s, nameOf(s.By.Value))).ToList());

    /// <summary>Null when this laptop does not know the state (a newer server).</summary>
    public Pattern? ToPattern() => RowRules.TryEnum<PatternState>(State, out var state)
        ? new Pattern(Id, Tag, state, Cases, Clients, new Money(SpentCents), BySource.Select(s => s.ToShare()).ToList(), ByDepartment.Select(s => s.ToShare()).ToList(),
            Teams, FirstCase, LastCase, RaisedAt, Steps.Select(s => s.ToStep(Id)).OfType<PatternStep>().ToList())
        : null;
}

public sealed record PatternShareInfo(string Name, int Cases, long SpentCents)
{
    public static PatternShareInfo From(PatternShare s) => new(s.Name, s.Cases, s.Spent.Cents);

    public PatternShare ToShare() => new(Name, Cases, new Money(SpentCents));
}

/// <summary>One step on the wire, with the name of who made it (a team leader, named as on their own laptop).</summary>
public sealed record PatternStepInfo(Guid Id, string To, DateTimeOffset At, Guid By, string ByName, string Reason, string? FixWhat, string? FixWho, DateOnly? FixBy)
{
    public static PatternStepInfo From(PatternStep s, string byName) =>
        new(s.Id, s.To.ToString(), s.At, s.By.Value, byName, s.Reason, s.Fix?.What, s.Fix?.Who, s.Fix?.By);

    public PatternStep? ToStep(Guid patternId) => RowRules.TryEnum<PatternState>(To, out var to)
        ? new PatternStep(Id, patternId, to, At, new Id<Worker>(By), Reason, FixWhat is null || FixWho is null || FixBy is null ? null : new StructuralFix(FixWhat, FixWho, FixBy.Value))
        : null;
}

/// <summary>
/// The bottleneck tags on the wire: the accepted labels, and every merge as the key of the merged tag and the key of the
/// tag it went into (the laptop follows chains itself).
/// </summary>
public sealed record BottleneckInfo(IReadOnlyList<string> Accepted, IReadOnlyList<TagMergeInfo> Merges)
{
    public BottleneckTagList ToList() =>
        new(Accepted, Merges.Aggregate(TagMerges.None, (merges, m) => merges.With(m.From, m.Into) ?? merges));
}

public sealed record TagMergeInfo(string From, string Into);

/// <summary>
/// The revolving fund on the wire: every partner (the "who should have paid" list) with its deposits in cents, the
/// worker ids of its members (who may request), and the balance as the server counts it from every team's requests,
/// for a laptop that holds only its own team's.
/// </summary>
public sealed record FundInfo(IReadOnlyList<FundPartnerInfo> Partners, IReadOnlyList<Guid> Members, FundBalanceInfo Balance)
{
    public static FundInfo From(Fund fund, FundBalance balance) => new(
        fund.Partners.Select(p => new FundPartnerInfo(p, fund.Deposits.Where(d => string.Equals(d.Partner, p, StringComparison.OrdinalIgnoreCase))
            .Select(d => new FundDepositInfo(d.Amount.Cents, d.Date)).ToList())).ToList(),
        fund.Members.Select(m => m.Value).ToList(),
        new FundBalanceInfo(balance.Deposited.Cents, balance.PaidOut.Cents, balance.Repaid.Cents));

    public Fund ToFund() => new(
        Partners.Select(p => p.Name).ToList(),
        Partners.SelectMany(p => p.Deposits.Select(d => new FundDeposit(p.Name, new Money(d.AmountCents), d.Date))).ToList(),
        Members.Select(m => new Id<Worker>(m)).ToList());

    public FundBalance ToBalance() => new(new Money(Balance.DepositedCents), new Money(Balance.PaidOutCents), new Money(Balance.RepaidCents));
}

public sealed record FundPartnerInfo(string Name, IReadOnlyList<FundDepositInfo> Deposits);

public sealed record FundDepositInfo(long AmountCents, DateOnly Date);

public sealed record FundBalanceInfo(long DepositedCents, long PaidOutCents, long RepaidCents);

/// <summary>A team's budget on the wire, amounts in cents.</summary>
public sealed record TeamBudgetInfo(string Team, int Year, long AmountCents, long LimitCents)
{
    public static TeamBudgetInfo From(TeamBudget b) => new(b.Team, b.Year, b.Amount.Cents, b.PerRequestLimit.Cents);

    public TeamBudget ToBudget() => new(Team, Year, new Money(AmountCents), new Money(LimitCents));
}

public sealed record MandateInfo(Guid Id, Guid WorkerId, IReadOnlyList<string> Departments, DateOnly ValidFrom, DateOnly ValidUntil, DateTimeOffset? RevokedAt)
{
    public static MandateInfo From(Mandate m) => new(m.Id.Value, m.Worker.Value, m.Departments, m.ValidFrom, m.ValidUntil, m.RevokedAt);

    public Mandate ToMandate() => new(new Id<Mandate>(Id), new Id<Worker>(WorkerId), Departments, ValidFrom, ValidUntil, RevokedAt);
}

public sealed record CostTableInfo(int Version, DateTimeOffset ImportedAt, IReadOnlyList<CostEntryInfo> Entries)
{
    public static CostTableInfo From(CostTableVersion v) => new(v.Version, v.ImportedAt, v.Entries.Select(CostEntryInfo.From).ToList());

    public CostTableVersion ToVersion() =>
        new(Version, ImportedAt, Entries.Select(e => e.ToEntry()).OfType<CostEntry>().ToList());
}

/// <summary>One cost entry on the wire; the period travels by its name.</summary>
public sealed record CostEntryInfo(string RouteCode, string Name, long AmountCents, string Period, DateOnly ValidFrom, string Source)
{
    public static CostEntryInfo From(CostEntry e) => new(e.RouteCode, e.Name, e.Amount.Cents, e.Period.ToString(), e.ValidFrom, e.Source);

    public CostEntry? ToEntry() =>
        RowRules.TryEnum<CostPeriod>(Period, out var period) ? new CostEntry(RouteCode, Name, new Money(AmountCents), period, ValidFrom, Source) : null;
}
