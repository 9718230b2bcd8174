using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Tests.Support;

/// <summary>
/// Advice brought into each status through the domain's own steps, the workflow as written out by hand in
/// <see cref="AdviceWorkflowOracle"/>, and the raw "after" of any status move.
/// </summary>
public static class AdviceStates
{
    public static readonly DateTimeOffset StepTime = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LaterTime = new(2026, 3, 14, 11, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<AdviceStatus> All { get; } = Enum.GetValues<AdviceStatus>();

    public static AdviceActor? Side(Role role) => AdviceWorkflowOracle.Side(role);

    public static bool Allowed(AdviceStatus from, AdviceStatus to, Role role) => AdviceWorkflowOracle.Allowed(from, to, role);

    /// <summary>An advice in the given status, written by <paramref name="author"/>, every step taken through the domain.</summary>
    public static IndicationAdvice In(AdviceStatus status, Worker? author = null, DateOnly? aanvraag = null)
    {
        var by = author ?? AdviceSamples.Nurse;
        var consultant = AdviceSamples.Consultant;
        var today = AdviceSamples.Today;
        var draft = AdviceSamples.Draft(by);
        if (aanvraag is not null)
            draft = ParsedAssert.Valid(draft.Edit(by, draft.Content with { AanvraagDate = aanvraag }, today));
        if (status == AdviceStatus.Concept)
            return draft;
        if (status == AdviceStatus.Withdrawn)
            return ParsedAssert.Valid(draft.Withdraw(by, today));
        var submitted = ParsedAssert.Valid(draft.Submit(by, StepTime, today));
        var asked = status is AdviceStatus.QuestionAsked or AdviceStatus.Answered ? ParsedAssert.Valid(submitted.AskQuestion(consultant, today)) : null;
        return status switch
        {
            AdviceStatus.Submitted => submitted,
            AdviceStatus.QuestionAsked => asked!,
            AdviceStatus.Answered => ParsedAssert.Valid(asked!.Answer(by, asked.Content with { ClientWishes = "Thuis blijven wonen, met hulp." }, today)),
            AdviceStatus.Granted => ParsedAssert.Valid(submitted.Grant(consultant, "", StepTime, today)),
            AdviceStatus.Adjusted => ParsedAssert.Valid(submitted.Adjust(consultant, AdviceSamples.Provision(hoursPerWeek: 2), "Twee uur volstaat.", StepTime, today)),
            _ => ParsedAssert.Valid(submitted.Reject(consultant, "Voorliggende voorziening volstaat.", StepTime, today)),
        };
    }

    /// <summary>
    /// The advice as the worker's step to <paramref name="to"/> would leave it, built without any check: a
    /// submission or decision in the worker's own name at a later moment, otherwise only the status.
    /// </summary>
    public static IndicationAdvice Move(IndicationAdvice before, AdviceStatus to, Worker by) => to switch
    {
        AdviceStatus.Submitted => before with { Status = to, SubmittedAt = LaterTime },
        AdviceStatus.Granted => before with { Status = to, Decision = new AdviceDecision(before.Content.Provision, "", LaterTime, by.Id) },
        AdviceStatus.Adjusted => before with
        {
            Status = to,
            Decision = new AdviceDecision(AdviceSamples.Provision(hoursPerWeek: 4), "Vier uur nodig door de trap.", LaterTime, by.Id),
        },
        AdviceStatus.Rejected => before with { Status = to, Decision = new AdviceDecision(null, "Geen Wmo-voorziening nodig.", LaterTime, by.Id) },
        _ => before with { Status = to },
    };

    /// <summary>The worker of each role who acts: authors act on their own advice, the others on the nurse's.</summary>
    public static Worker Actor(Role role) => AdviceSamples.EveryRole.Single(w => w.Role == role);

    public static Worker AuthorFor(Role role) => role == Role.TeamLeader ? AdviceSamples.TeamLeader : AdviceSamples.Nurse;
}
