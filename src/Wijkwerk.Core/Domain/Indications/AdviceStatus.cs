using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Indications;

public enum AdviceStatus
{
    Concept,
    Submitted,
    QuestionAsked,
    Answered,
    Granted,
    Adjusted,
    Rejected,
    Withdrawn,
}

/// <summary>Who takes a step: the professional who wrote the advice, or the municipality's Wmo consultant.</summary>
public enum AdviceActor
{
    Author,
    Consultant,
}

/// <summary>
/// concept → ingediend → (vraag gesteld ↔ beantwoord)* → toegekend | aangepast | afgewezen, and withdrawn
/// by the author before a decision. Each step belongs to one side: the nurse has no mandate to decide,
/// the consultant does not write the advice.
/// </summary>
public static class AdviceWorkflow
{
    private static readonly Dictionary<AdviceStatus, (AdviceStatus To, AdviceActor By)[]> Steps = new()
    {
        [AdviceStatus.Concept] = [(AdviceStatus.Submitted, AdviceActor.Author), (AdviceStatus.Withdrawn, AdviceActor.Author)],
        [AdviceStatus.Submitted] =
        [
            (AdviceStatus.QuestionAsked, AdviceActor.Consultant), (AdviceStatus.Granted, AdviceActor.Consultant),
            (AdviceStatus.Adjusted, AdviceActor.Consultant), (AdviceStatus.Rejected, AdviceActor.Consultant),
            (AdviceStatus.Withdrawn, AdviceActor.Author),
        ],
        [AdviceStatus.QuestionAsked] = [(AdviceStatus.Answered, AdviceActor.Author), (AdviceStatus.Withdrawn, AdviceActor.Author)],
        [AdviceStatus.Answered] =
        [
            (AdviceStatus.QuestionAsked, AdviceActor.Consultant), (AdviceStatus.Granted, AdviceActor.Consultant),
            (AdviceStatus.Adjusted, AdviceActor.Consultant), (AdviceStatus.Rejected, AdviceActor.Consultant),
            (AdviceStatus.Withdrawn, AdviceActor.Author),
        ],
        [AdviceStatus.Granted] = [],
        [AdviceStatus.Adjusted] = [],
        [AdviceStatus.Rejected] = [],
        [AdviceStatus.Withdrawn] = [],
    };

    /// <summary>The side a role works on, or null for roles that do not handle advice (fund secretary, admin).</summary>
    public static AdviceActor? ActorFor(Role role) => role switch
    {
        Role.Nurse or Role.TeamLeader => AdviceActor.Author,
        Role.WmoConsultant => AdviceActor.Consultant,
        _ => null,
    };

    public static bool IsAllowed(AdviceStatus from, AdviceStatus to, Role role) =>
        ActorFor(role) is { } actor && Steps[from].Contains((to, actor));

    /// <summary>The steps this role may take from a status, for menus and help.</summary>
    public static IReadOnlyList<AdviceStatus> From(AdviceStatus status, Role role) =>
        ActorFor(role) is { } actor ? Steps[status].Where(s => s.By == actor).Select(s => s.To).ToList() : [];

    public static bool IsDecision(this AdviceStatus status) => status is AdviceStatus.Granted or AdviceStatus.Adjusted or AdviceStatus.Rejected;

    public static bool IsFinal(this AdviceStatus status) => Steps[status].Length == 0;

    /// <summary>With the municipality: submitted and not yet decided. The consultant's own changes (aanvraag date, extension) and the thread belong here.</summary>
    public static bool IsUnderReview(this AdviceStatus status) => status is AdviceStatus.Submitted or AdviceStatus.QuestionAsked or AdviceStatus.Answered;

    /// <summary>Waiting for the consultant: what the review queue holds.</summary>
    public static bool AwaitsConsultant(this AdviceStatus status) => status is AdviceStatus.Submitted or AdviceStatus.Answered;

    /// <summary>The author may change the advice itself while drafting it, and while answering a question about it.</summary>
    public static bool AuthorMayEdit(this AdviceStatus status) => status is AdviceStatus.Concept or AdviceStatus.QuestionAsked;
}
