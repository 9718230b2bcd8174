using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>
/// The workflow written out once more by hand, so tests never check the code against itself. The
/// server tests compile this same file (linked), so both judge the same table.
/// </summary>
public static class AdviceWorkflowOracle
{
    /// <summary>The workflow: (from, to) → who takes the step. Anything else is forbidden to everyone.</summary>
    private static readonly Dictionary<(AdviceStatus, AdviceStatus), AdviceActor> Workflow = new()
    {
        [(AdviceStatus.Concept, AdviceStatus.Submitted)] = AdviceActor.Author,
        [(AdviceStatus.Concept, AdviceStatus.Withdrawn)] = AdviceActor.Author,
        [(AdviceStatus.Submitted, AdviceStatus.QuestionAsked)] = AdviceActor.Consultant,
        [(AdviceStatus.Submitted, AdviceStatus.Granted)] = AdviceActor.Consultant,
        [(AdviceStatus.Submitted, AdviceStatus.Adjusted)] = AdviceActor.Consultant,
        [(AdviceStatus.Submitted, AdviceStatus.Rejected)] = AdviceActor.Consultant,
        [(AdviceStatus.Submitted, AdviceStatus.Withdrawn)] = AdviceActor.Author,
        [(AdviceStatus.QuestionAsked, AdviceStatus.Answered)] = AdviceActor.Author,
        [(AdviceStatus.QuestionAsked, AdviceStatus.Withdrawn)] = AdviceActor.Author,
        [(AdviceStatus.Answered, AdviceStatus.QuestionAsked)] = AdviceActor.Consultant,
        [(AdviceStatus.Answered, AdviceStatus.Granted)] = AdviceActor.Consultant,
        [(AdviceStatus.Answered, AdviceStatus.Adjusted)] = AdviceActor.Consultant,
        [(AdviceStatus.Answered, AdviceStatus.Rejected)] = AdviceActor.Consultant,
        [(AdviceStatus.Answered, AdviceStatus.Withdrawn)] = AdviceActor.Author,
    };

    public static AdviceActor? Side(Role role) => role switch
    {
        Role.Nurse or Role.TeamLeader => AdviceActor.Author,
        Role.WmoConsultant => AdviceActor.Consultant,
        _ => null,
    };

    /// <summary>
    /// Whether a move from one status to another is allowed for the role. Moving to the same
    /// status repeats nothing (a save without change) except for a submission or decision, which
    /// carries a new moment and is refused: the first submission and decision stand.
    /// </summary>
    public static bool Allowed(AdviceStatus from, AdviceStatus to, Role role)
    {
        if (Side(role) is not { } side)
            return false;
        if (from == to)
            return to is not (AdviceStatus.Submitted or AdviceStatus.Granted or AdviceStatus.Adjusted or AdviceStatus.Rejected);
        return Workflow.TryGetValue((from, to), out var by) && by == side;
    }
}
