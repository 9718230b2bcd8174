using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using static Wijkwerk.Core.Domain.Common.TextChecks;

namespace Wijkwerk.Core.Domain.Mandates;

/// <summary>
/// Whether a worker may record a mandate decision, its follow-up or an addendum. The laptop's form checks with
/// it before storing and the server checks every pushed row with it, so a decision without a valid mandate or
/// without its justification is never kept, whichever program writes. <c>today</c> is the Dutch calendar day of
/// whoever judges: the server's own day for a pushed row.
/// </summary>
public static class MandateRules
{
    /// <summary>The first reason a new decision may not be recorded; null when it may.</summary>
    /// <remarks>
    /// A decision recorded offline and followed up before the laptop synced reaches the server whole, with its
    /// follow-up: that follow-up is judged as if it came after the decision.
    /// </remarks>
    public static Problem? CheckNew(Role role, Id<Worker> worker, IReadOnlyList<Mandate> mandatesOfWorker, MandateDecision decision, DateOnly today)
    {
        if (role != Role.TeamLeader)
            return new Problem("rol", TextId.MandateRoleNotAllowed, role);
        if (decision.DecidedBy != worker)
            return new Problem("besloten door", TextId.MandateNotInOwnName);
        var recorded = decision with { FollowUp = null };
        return CheckMandate(mandatesOfWorker.FirstOrDefault(m => m.Id == decision.MandateId && m.Worker == worker), decision.Department, today)
            ?? CheckContent(decision, today).FirstOrDefault()
            ?? (decision.FollowUp is null ? null : CheckChange(role, worker, recorded, decision, today));
    }

    /// <summary>
    /// The mandate a worker can use today for a department, or why there is none: the one the form attaches to
    /// a new decision. A valid covering mandate wins; otherwise the reason names what comes closest.
    /// </summary>
    public static Parsed<Mandate> UsableMandate(IReadOnlyList<Mandate> mandatesOfWorker, string department, DateOnly today)
    {
        var covering = mandatesOfWorker.Where(m => m.Covers(department)).ToList();
        if (covering.FirstOrDefault(m => m.StateOn(today) == MandateState.Valid) is { } valid)
            return Parsed<Mandate>.Ok(valid);
        if (covering.Count == 0)
        {
            var reachable = mandatesOfWorker.Where(m => m.StateOn(today) == MandateState.Valid).SelectMany(m => m.Departments).Distinct().ToList();
            return reachable.Count == 0
                ? new Problem("mandaat", TextId.MandateNone)
                : new Problem("afdeling", TextId.MandateDepartmentNotCovered, department, string.Join(", ", reachable));
        }

        // The nearest reason: one that starts later can still be waited for; an expiry is more telling than a revocation of an older one.
        var closest = covering.OrderBy(m => m.StateOn(today) switch { MandateState.NotYetValid => 0, MandateState.Expired => 1, _ => 2 })
            .ThenByDescending(m => m.ValidUntil).First();
        return CheckMandate(closest, department, today)!;
    }

    /// <summary>Why this mandate cannot carry a decision for the department today; null when it can.</summary>
    public static Problem? CheckMandate(Mandate? mandate, string department, DateOnly today)
    {
        if (mandate is null)
            return new Problem("mandaat", TextId.MandateNone);
        return mandate.StateOn(today) switch
        {
            MandateState.Revoked => new Problem("mandaat", TextId.MandateRevoked, DateText.Show(AmsterdamTime.DayOf(mandate.RevokedAt!.Value))),
            MandateState.NotYetValid => new Problem("mandaat", TextId.MandateNotYetValid, DateText.Show(mandate.ValidFrom)),
            MandateState.Expired => new Problem("mandaat", TextId.MandateExpired, DateText.Show(mandate.ValidUntil)),
            _ => mandate.Covers(department) ? null : new Problem("afdeling", TextId.MandateDepartmentNotCovered, department, string.Join(", ", mandate.Departments)),
        };
    }

    /// <summary>Every problem with what the form holds, field by field, so the form can show them all at once.</summary>
    public static IReadOnlyList<Problem> CheckContent(MandateDecision d, DateOnly today)
    {
        var problems = new List<Problem>();
        Short(problems, "afdeling", d.Department);
        Short(problems, "overruled regel", d.RuleOverridden);
        Text(problems, "eerder geweigerd", d.RefusedBefore);
        Text(problems, "besluit", d.Decision);
        Short(problems, "uitvoerende afdeling", d.CarriedOutBy.Department);
        Short(problems, "contactpersoon", d.CarriedOutBy.Contact);
        TriangleSide(problems, "legitimiteit", d.Triangle.Legitimacy);
        if (d.Triangle.SocialReturn is not { } figures)
            problems.Add(new Problem("maatschappelijk rendement", TextId.MandateTriangleSideMissing));
        else if (SocialReturnCalculator.Verify(figures) is { } figureProblem)
            problems.Add(figureProblem);
        TriangleSide(problems, "betrokkenheid", d.Triangle.Engagement);
        Short(problems, "knelpunt", d.BottleneckTag);
        var decidedOn = AmsterdamTime.DayOf(d.DecidedAt);
        if (decidedOn > today)
            problems.Add(new Problem("besloten op", TextId.DateInFuture));
        if (d.FollowUpOn < decidedOn)
            problems.Add(new Problem("opvolgdatum", TextId.DateBeforeOther, TextId.FieldDecisionDate, DateText.Show(decidedOn)));
        return problems;
    }

    /// <summary>
    /// A recorded decision changes only by getting its follow-up, once, from a team leader in their own name;
    /// everything else stays as it was recorded (a correction is an addendum).
    /// </summary>
    public static Problem? CheckChange(Role role, Id<Worker> worker, MandateDecision before, MandateDecision after, DateOnly today)
    {
        if (!before.SameRecordAs(after))
            return new Problem("besluit", TextId.MandateDecisionFixed);
        if (before.FollowUp == after.FollowUp)
            return null;
        if (before.FollowUp is { } done)
            return new Problem("opvolging", TextId.MandateFollowUpDone, DateText.Show(AmsterdamTime.DayOf(done.At)));
        var followUp = after.FollowUp!;
        if (role != Role.TeamLeader)
            return new Problem("rol", TextId.MandateRoleNotAllowed, role);
        if (followUp.By != worker)
            return new Problem("opgevolgd door", TextId.MandateNotInOwnName);
        if (!Enum.IsDefined(followUp.Result))
            return new Problem("uitkomst", TextId.FieldRequired);
        var problems = new List<Problem>();
        Text(problems, "hoe het afliep", followUp.HowItEnded);
        if (AmsterdamTime.DayOf(followUp.At) > today)
            problems.Add(new Problem("opgevolgd op", TextId.DateInFuture));
        else if (followUp.At < before.DecidedAt)
            problems.Add(new Problem("opgevolgd op", TextId.DateBeforeOther, TextId.FieldDecisionDate, DateText.Show(AmsterdamTime.DayOf(before.DecidedAt))));
        return problems.FirstOrDefault();
    }

    /// <summary>An addendum is added by a team leader in their own name to a decision that exists; it is never changed afterwards.</summary>
    public static Problem? CheckAddendum(Role role, Id<Worker> worker, DecisionAddendum addendum, MandateDecision? decision, DateOnly today)
    {
        if (role != Role.TeamLeader)
            return new Problem("rol", TextId.MandateRoleNotAllowed, role);
        if (addendum.By != worker)
            return new Problem("aangevuld door", TextId.MandateNotInOwnName);
        if (decision is null || decision.Id != addendum.DecisionId)
            return new Problem("besluit", TextId.MandateAddendumWithoutDecision);
        var problems = new List<Problem>();
        Text(problems, "aanvulling", addendum.Text);
        if (AmsterdamTime.DayOf(addendum.At) > today)
            problems.Add(new Problem("aangevuld op", TextId.DateInFuture));
        return problems.FirstOrDefault();
    }

    private static void TriangleSide(List<Problem> problems, string field, string text)
    {
        if (text.Trim().Length == 0)
            problems.Add(new Problem(field, TextId.MandateTriangleSideMissing));
        else if (text.Length > MandateDecision.MaxTextLength)
            problems.Add(new Problem(field, TextId.TooLong, MandateDecision.MaxTextLength));
    }

    private static void Short(List<Problem> problems, string field, string text) => Required(problems, field, text, MandateDecision.MaxShortLength);

    private static void Text(List<Problem> problems, string field, string text) => Required(problems, field, text, MandateDecision.MaxTextLength);
}
