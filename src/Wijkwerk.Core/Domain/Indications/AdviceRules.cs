using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Indications;

/// <summary>
/// Whether one worker may turn an advice from how it was into how it is about to be. The laptop checks
/// every step with it before storing, and the server checks every pushed row with it, so the nurse can
/// never record a decision and the consultant never rewrites the advice, whichever program writes.
/// </summary>
public static class AdviceRules
{
    public const int MaxReasonLength = 4000;

    public static Problem? CheckChange(Role role, Id<Worker> worker, IndicationAdvice? before, IndicationAdvice after, DateOnly today)
    {
        if (AdviceWorkflow.ActorFor(role) is not { } actor)
            return new Problem("rol", TextId.AdviceRoleNotAllowed, role);
        if ((before is null || before.Content != after.Content) && after.Content.Check(today) is [var contentProblem, ..])
            return contentProblem;
        return before is null ? CheckNew(actor, worker, after, today) : CheckStep(role, actor, worker, before, after, today);
    }

    private static Problem? CheckNew(AdviceActor actor, Id<Worker> worker, IndicationAdvice advice, DateOnly today)
    {
        if (actor != AdviceActor.Author)
            return new Problem("advies", TextId.AdviceOnlyAuthorWrites);
        if (advice.Author != worker)
            return new Problem("opsteller", TextId.AdviceNotInOwnName);
        if (advice.Status is not (AdviceStatus.Concept or AdviceStatus.Submitted))
            return new Problem("status", TextId.AdviceNewStatus, advice.Status);
        if (advice.Decision is not null || advice.Extension is not null)
            return new Problem("besluit", TextId.AdviceDecisionOutsideDecision);
        if ((advice.Status == AdviceStatus.Submitted) != advice.SubmittedAt.HasValue || DayOf(advice.SubmittedAt) > today || DayOf(advice.CreatedAt) > today)
            return new Problem("ingediend op", TextId.AdviceMomentInvalid);
        return advice.Team.Length > IndicationAdvice.MaxTeamLength ? new Problem("team", TextId.TooLong, IndicationAdvice.MaxTeamLength) : null;
    }

    private static Problem? CheckStep(Role role, AdviceActor actor, Id<Worker> worker, IndicationAdvice before, IndicationAdvice after, DateOnly today)
    {
        if (after.ClientId != before.ClientId || after.Author != before.Author || after.CreatedAt != before.CreatedAt || after.Team != before.Team)
            return new Problem("advies", TextId.AdviceFixedFieldChanged);
        if (before.Status.IsFinal())
            return before == after ? null : new Problem("status", TextId.AdviceFinal, before.Status);
        // The advice is its author's: a colleague on the same side may read it, not submit, change, answer or withdraw it.
        if (actor == AdviceActor.Author && worker != before.Author && after != before)
            return new Problem("opsteller", TextId.AdviceOnlyItsAuthor);
        if (before.Status != after.Status && !AdviceWorkflow.IsAllowed(before.Status, after.Status, role))
            return new Problem("status", TextId.AdviceTransitionNotAllowed, role, before.Status, after.Status);
        // Only the submission itself sets the moment; a second "submit" or a consultant cannot move it.
        if (after.SubmittedAt != before.SubmittedAt && !(before.Status == AdviceStatus.Concept && after.Status == AdviceStatus.Submitted))
            return new Problem("ingediend op", TextId.AdviceFixedFieldChanged);
        if (after.Status == AdviceStatus.Submitted && (after.SubmittedAt is null || DayOf(after.SubmittedAt) > today))
            return new Problem("ingediend op", TextId.AdviceMomentInvalid);

        return CheckContentEdit(actor, before, after)
            ?? CheckDecision(worker, before, after, today)
            ?? CheckExtension(actor, after, before, today);
    }

    private static Problem? CheckContentEdit(AdviceActor actor, IndicationAdvice before, IndicationAdvice after)
    {
        var aanvraagOnly = before.Content with { AanvraagDate = after.Content.AanvraagDate };
        if (after.Content == before.Content)
            return null;
        // Once recorded, the aanvraag date runs the decision clock; it may be corrected, never taken away.
        if (before.Content.AanvraagDate is not null && after.Content.AanvraagDate is null)
            return new Problem("aanvraagdatum", TextId.AanvraagCannotBeCleared);
        // The consultant may record when the aanvraag came in, while the advice is with them: it starts the
        // decision clock they work to.
        if (after.Content == aanvraagOnly && actor == AdviceActor.Consultant)
            return before.Status.IsUnderReview() ? null : new Problem("aanvraagdatum", TextId.AdviceNotUnderReview, before.Status);
        if (actor != AdviceActor.Author)
            return new Problem("advies", TextId.AdviceOnlyAuthorWrites);
        return before.Status.AuthorMayEdit() ? null : new Problem("advies", TextId.AdviceContentLocked, before.Status);
    }

    private static Problem? CheckDecision(Id<Worker> worker, IndicationAdvice before, IndicationAdvice after, DateOnly today)
    {
        if (!after.Status.IsDecision())
            return after.Decision is null ? null : new Problem("besluit", TextId.AdviceDecisionOutsideDecision);
        if (after.Decision is not { } decision)
            return new Problem("besluit", TextId.FieldRequired);
        if (decision.By != worker)
            return new Problem("besluit", TextId.AdviceNotInOwnName);
        if (decision.Reason.Length > MaxReasonLength)
            return new Problem("reden", TextId.TooLong, MaxReasonLength);
        // The decision day counts for the legal term and the report: not before the advice came in, not ahead of today.
        if (decision.At < before.SubmittedAt || DayOf(decision.At) > today)
            return new Problem("besluit", TextId.AdviceMomentInvalid);
        var advised = before.Content.Provision;
        switch (after.Status)
        {
            case AdviceStatus.Granted when decision.Decided != advised:
                return new Problem("besluit", TextId.AdviceGrantedDiffers);
            case AdviceStatus.Adjusted when decision.Decided is null:
                return new Problem("besluit", TextId.FieldRequired);
            case AdviceStatus.Adjusted:
                if (decision.Decided.Check().FirstOrDefault() is { } provisionProblem)
                    return provisionProblem;
                if (decision.Decided.Start < after.Content.MeldingDate)
                    return new Problem("startdatum", TextId.DateBeforeOther, TextId.FieldMeldingDate, DateText.Show(after.Content.MeldingDate));
                if (decision.Decided.ChangesFrom(advised).Count == 0)
                    return new Problem("besluit", TextId.AdviceAdjustedUnchanged);
                break;
            case AdviceStatus.Rejected when decision.Decided is not null:
                return new Problem("besluit", TextId.AdviceRejectedWithProvision);
        }

        return after.Status != AdviceStatus.Granted && decision.Reason.Length == 0
            ? new Problem("reden", TextId.AdviceReasonRequired, after.Status)
            : null;
    }

    private static Problem? CheckExtension(AdviceActor actor, IndicationAdvice after, IndicationAdvice before, DateOnly today)
    {
        var aanvraagMoved = after.Content.AanvraagDate != before.Content.AanvraagDate;
        if (after.Extension == before.Extension && !(aanvraagMoved && after.Extension is not null))
            return null;
        if (after.Extension != before.Extension)
        {
            if (actor != AdviceActor.Consultant)
                return new Problem("verlenging", TextId.AdviceOnlyConsultantExtends);
            if (!before.Status.IsUnderReview())
                return new Problem("verlenging", TextId.AdviceNotUnderReview, before.Status);
            // Awb 4:14: the term is extended before it runs out, not afterwards.
            if (after.Extension is not null && before.Clocks.DecisionDue is { } running && today > running)
                return new Problem("verlenging", TextId.ExtensionTooLate, DateText.Show(running));
        }

        if (after.Extension is not { } extension)
            return null;
        if (after.Clocks.DecisionDueByLaw is not { } due)
            return new Problem("verlenging", TextId.ExtensionNeedsAanvraag);
        if (extension.Until <= due)
            return new Problem("verlenging", TextId.ExtensionNotLater, DateText.Show(due));
        if (extension.Reason.Trim().Length == 0)
            return new Problem("reden verlenging", TextId.FieldRequired);
        return extension.Reason.Length > MaxReasonLength ? new Problem("reden verlenging", TextId.TooLong, MaxReasonLength) : null;
    }

    private static DateOnly? DayOf(DateTimeOffset? instant) =>
        instant is { } at ? AmsterdamTime.DayOf(at) : null;
}
