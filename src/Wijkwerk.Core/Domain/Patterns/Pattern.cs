using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>Where a pattern stands at the werktafel. Closed and dismissed are the ends; a tag then may raise a new pattern.</summary>
public enum PatternState
{
    Raised,
    Discussed,
    FixAgreed,
    Closed,
    Dismissed,
}

/// <summary>The structural fix the werktafel agreed: what changes, who sees to it, and by when.</summary>
public sealed record StructuralFix(string What, string Who, DateOnly By);

/// <summary>
/// One move of a pattern, kept for good with who made it and when. <see cref="Reason"/> says why (required when
/// dismissed); <see cref="Fix"/> is set only on the move to <see cref="PatternState.FixAgreed"/>.
/// </summary>
public sealed record PatternStep(Guid Id, Guid PatternId, PatternState To, DateTimeOffset At, Id<Worker> By, string Reason, StructuralFix? Fix);

/// <summary>A share of a pattern's cases: per source (budget) or per department, with its money.</summary>
public sealed record PatternShare(string Name, int Cases, Money Spent);

/// <summary>
/// A pattern as the werktafel works on it: the figures of its tag's cases in the window (counts and money, never
/// who), the teams whose caseload holds those cases (which team leaders see it), and every step so far.
/// </summary>
public sealed record Pattern(
    Guid Id,
    string TagKey,
    PatternState State,
    int Cases,
    int Clients,
    Money Spent,
    IReadOnlyList<PatternShare> BySource,
    IReadOnlyList<PatternShare> ByDepartment,
    IReadOnlyList<string> Teams,
    DateOnly FirstCase,
    DateOnly LastCase,
    DateTimeOffset RaisedAt,
    IReadOnlyList<PatternStep> Steps)
{
    public bool IsOpen => PatternRules.IsOpen(State);

    /// <summary>The agreed fix, from the step that agreed it; null before.</summary>
    public StructuralFix? Fix => Steps.LastOrDefault(s => s.Fix is not null)?.Fix;
}
