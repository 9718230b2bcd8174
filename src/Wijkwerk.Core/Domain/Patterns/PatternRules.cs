using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using static Wijkwerk.Core.Domain.Common.TextChecks;

namespace Wijkwerk.Core.Domain.Patterns;

/// <summary>
/// The pattern's state machine, the same on the laptop (which actions a form offers) and the server (which pushed
/// steps it keeps): raised → discussed at the werktafel → structural fix agreed → closed, or dismissed with a reason
/// before a fix is agreed. Only a team leader of a team whose cases make up the pattern moves it.
/// </summary>
public static class PatternRules
{
    public const int MaxShortLength = 200;
    public const int MaxTextLength = 2000;

    private static readonly IReadOnlyDictionary<PatternState, PatternState[]> Moves = new Dictionary<PatternState, PatternState[]>
    {
        [PatternState.Raised] = [PatternState.Discussed, PatternState.Dismissed],
        [PatternState.Discussed] = [PatternState.FixAgreed, PatternState.Dismissed],
        [PatternState.FixAgreed] = [PatternState.Closed],
        [PatternState.Closed] = [],
        [PatternState.Dismissed] = [],
    };

    public static bool IsOpen(PatternState state) => state is not (PatternState.Closed or PatternState.Dismissed);

    /// <summary>The states a pattern in <paramref name="from"/> may move to, in the order a screen offers them.</summary>
    public static IReadOnlyList<PatternState> AllowedFrom(PatternState from) => Moves[from];

    /// <summary>Who may move a pattern at all: a team leader of one of its teams.</summary>
    public static bool MayMove(Role role, IEnumerable<string> actorTeams, Pattern pattern) =>
        role == Role.TeamLeader && pattern.Teams.Intersect(actorTeams, StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>Every problem with a step onto the pattern as it stands, field by field, so a form can show them all at once.</summary>
    public static IReadOnlyList<Problem> Check(Role role, IReadOnlyList<string> actorTeams, Pattern pattern, PatternStep step, DateOnly today)
    {
        var problems = new List<Problem>();
        if (role != Role.TeamLeader)
            problems.Add(new Problem("rol", TextId.PatternRoleMayNotMove, role.Code()));
        else if (!MayMove(role, actorTeams, pattern))
            problems.Add(new Problem("patroon", TextId.PatternNotOfYourTeams, string.Join(", ", pattern.Teams)));
        if (!AllowedFrom(pattern.State).Contains(step.To))
        {
            problems.Add(AllowedFrom(pattern.State).Count == 0
                ? new Problem("stap", TextId.PatternAlreadyEnded, pattern.State)
                : new Problem("stap", TextId.PatternMoveNotAllowed, pattern.State, step.To));
        }

        if (step.Reason.Length > MaxTextLength)
            problems.Add(new Problem("reden", TextId.TooLong, MaxTextLength));
        if (step.To == PatternState.Dismissed)
            Required(problems, "reden", step.Reason, MaxTextLength);
        if (step.To == PatternState.FixAgreed)
            CheckFix(problems, step.Fix, today);
        else if (step.Fix is not null)
            problems.Add(new Problem("oplossing", TextId.PatternFixOnlyWhenAgreed));
        return problems;
    }

    private static void CheckFix(List<Problem> problems, StructuralFix? fix, DateOnly today)
    {
        Required(problems, "wat", fix?.What ?? "", MaxTextLength);
        Required(problems, "wie", fix?.Who ?? "", MaxShortLength);
        if (fix is null || fix.By == default)
            problems.Add(new Problem("uiterlijk", TextId.FieldRequired));
        else if (fix.By < today)
            problems.Add(new Problem("uiterlijk", TextId.PatternFixByInPast, DateText.Show(today)));
    }
}
