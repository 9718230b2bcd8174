using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using static Wijkwerk.Core.Domain.Common.TextChecks;

namespace Wijkwerk.Core.Domain.Fund;

/// <summary>Who acts on the fund: role, own id and the names of the teams they belong to.</summary>
public sealed record FundActor(Role Role, Id<Worker> Worker, IReadOnlyList<string> Teams)
{
    public bool IsIn(string team) => Teams.Any(t => string.Equals(t, team, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The revolving fund's rules, one code for the laptop and the server: the laptop checks before it stores, the
/// server checks every pushed row in the transaction that stores it, against its own fund and balance. Member
/// professionals request; only the secretariat approves, refuses (with a reason), pays out (never more than the
/// balance), evaluates, settles (never before the evaluation) and records repayments. <c>today</c> is the Dutch
/// calendar day of whoever judges.
/// </summary>
public static class FundRules
{
    /// <summary>The first reason a new request may not be made; null when it may.</summary>
    public static Problem? CheckNew(FundActor actor, FundRequest request, Fund fund, DateOnly today)
    {
        if (!actor.Role.RecordsSignalsAndVisits())
            return new Problem("rol", TextId.FundRoleNotProfessional, actor.Role);
        if (!fund.IsMember(actor.Worker))
            return new Problem("lidmaatschap", TextId.FundNotMember);
        if (request.RequestedBy != actor.Worker)
            return new Problem("aangevraagd door", TextId.BudgetNotInOwnName);
        if (!actor.IsIn(request.Team))
            return new Problem("team", TextId.BudgetRequestTeamNotYours, request.Team, string.Join(", ", actor.Teams));
        if (request.Status != FundRequestStatus.Requested || request.Decision is not null || request.Payout is not null
            || request.Evaluation is not null || request.Settlement is not null)
            return new Problem("status", TextId.FundSecretariatOnly, actor.Role);
        return CheckContent(request, fund, today).FirstOrDefault();
    }

    /// <summary>Every problem with what the form holds, field by field, so the form can show them all at once.</summary>
    public static IReadOnlyList<Problem> CheckContent(FundRequest r, Fund fund, DateOnly today)
    {
        var problems = new List<Problem>();
        Required(problems, "casus", r.CaseDescription, FundRequest.MaxCaseLength);
        if (r.Amount.Cents <= 0)
            problems.Add(new Problem("bedrag", TextId.BudgetAmountNotPositive));
        else if (r.Amount.Cents > FundRequest.MaxAmount.Cents)
            problems.Add(new Problem("bedrag", TextId.FundOverMaximum, r.Amount.ToString(), FundRequest.MaxAmount.ToString()));
        Required(problems, "doel", r.Purpose, FundRequest.MaxTextLength);
        Required(problems, "betalen aan", r.Payee, FundRequest.MaxShortLength);
        if (r.ResponsiblePartner is { } partner && fund.PartnerNamed(partner) is null)
            problems.Add(new Problem("wie had moeten betalen", TextId.FundPartnerUnknown, partner, FundShares.Known(fund)));
        Required(problems, "waarom de gewone route niet kan", r.WhyRegularRouteFails, FundRequest.MaxTextLength);
        Required(problems, "duurzaamheid", r.DurabilityWhy, FundRequest.MaxTextLength);
        Required(problems, "legitimiteit", r.Triangle.Legitimacy, FundRequest.MaxTextLength);
        if (r.Triangle.SocialReturn is { } figures && SocialReturnCalculator.VerifyFor(figures, r.Amount) is { } figureProblem)
            problems.Add(figureProblem);
        Required(problems, "betrokkenheid", r.Triangle.Engagement, FundRequest.MaxTextLength);
        Required(problems, "knelpunt", r.BottleneckTag, FundRequest.MaxShortLength);
        if (AmsterdamTime.DayOf(r.RequestedAt) > today)
            problems.Add(new Problem("aangevraagd op", TextId.DateInFuture));
        return problems;
    }

    /// <summary>
    /// The secretariat's steps on a request: what was asked stays as it was, earlier steps stay as they were, and the
    /// status moves along requested → approved | refused, approved → paid out, paid out → evaluated, evaluated →
    /// settled. A laptop that took several steps offline pushes the request once, as it ended; each step is judged in
    /// turn. A payout is refused when the fund's balance does not cover it (the request waits); a settlement must
    /// split the amount exactly as <see cref="FundShares"/> does with the fund as it stands.
    /// </summary>
    /// <param name="balance">The fund's balance as whoever judges sees it, before these steps.</param>
    public static Problem? CheckChange(FundActor actor, FundRequest before, FundRequest after, Fund fund, Money balance, DateOnly today)
    {
        if (!before.SameRequestAs(after))
            return new Problem("verzoek", TextId.FundRequestFixed);
        if (before.Status == after.Status)
            return SameSteps(before, after) ? null : new Problem("verzoek", TextId.FundRequestFixed);
        var current = before;
        foreach (var next in StepsBetween(before, after))
        {
            if (CheckStep(actor, current, next, fund, balance, today) is { } problem)
                return problem;
            current = next;
        }

        if (current.Status != after.Status)
            return new Problem("status", TextId.BudgetStepNotAllowed, before.Status, after.Status);
        return SameSteps(current, after) ? null : new Problem("verzoek", TextId.FundRequestFixed);
    }

    /// <summary>The request after each step <paramref name="after"/> has and <paramref name="before"/> has not, in the order they are taken.</summary>
    private static IEnumerable<FundRequest> StepsBetween(FundRequest before, FundRequest after)
    {
        var current = before;
        if (current.Decision is null && after.Decision is not null)
        {
            var decided = after.Status == FundRequestStatus.Refused ? FundRequestStatus.Refused : FundRequestStatus.Approved;
            yield return current = current with { Status = decided, Decision = after.Decision };
        }

        if (current.Payout is null && after.Payout is not null)
            yield return current = current with { Status = FundRequestStatus.PaidOut, Payout = after.Payout };
        if (current.Evaluation is null && after.Evaluation is not null)
            yield return current = current with { Status = FundRequestStatus.Evaluated, Evaluation = after.Evaluation };
        if (current.Settlement is null && after.Settlement is not null)
            yield return current with { Status = FundRequestStatus.Settled, Settlement = after.Settlement };
    }

    private static Problem? CheckStep(FundActor actor, FundRequest before, FundRequest after, Fund fund, Money balance, DateOnly today)
    {
        if (actor.Role != Role.FundSecretary)
            return new Problem("rol", TextId.FundSecretariatOnly, actor.Role);
        if (after.Status == FundRequestStatus.Settled && before.Status != FundRequestStatus.Evaluated)
            return new Problem("verrekening", TextId.FundSettleBeforeEvaluation, before.Status);
        var step = (before.Status, after.Status) switch
        {
            (FundRequestStatus.Requested, FundRequestStatus.Approved or FundRequestStatus.Refused) => Decided(actor, before, after),
            (FundRequestStatus.Approved, FundRequestStatus.PaidOut) => PaidOut(actor, before, after, balance),
            (FundRequestStatus.PaidOut, FundRequestStatus.Evaluated) => Evaluated(actor, before, after),
            (FundRequestStatus.Evaluated, FundRequestStatus.Settled) => Settled(actor, before, after, fund),
            _ => new Problem("status", TextId.BudgetStepNotAllowed, before.Status, after.Status),
        };
        return step ?? (AmsterdamTime.DayOf(StepAt(after)) > today ? new Problem("datum", TextId.DateInFuture) : null);
    }

    /// <summary>
    /// A repayment as it arrives: recorded by the secretariat, for a settled request, by a partner that owes a share
    /// of it, and never more than that partner still owes on it.
    /// </summary>
    public static Problem? CheckRepayment(FundActor actor, FundRequest? request, IReadOnlyList<FundRepayment> repaymentsSoFar, FundRepayment repayment, DateOnly today)
    {
        if (actor.Role != Role.FundSecretary)
            return new Problem("rol", TextId.FundSecretariatOnly, actor.Role);
        if (repayment.RecordedBy != actor.Worker)
            return new Problem("vastgelegd door", TextId.BudgetNotInOwnName);
        if (request is null || request.Id != repayment.RequestId)
            return new Problem("verzoek", TextId.FundRequestUnknown);
        if (request.Settlement is not { } settlement)
            return new Problem("terugbetaling", TextId.FundRepaymentBeforeSettlement, request.Status);
        var share = settlement.Shares.FirstOrDefault(s => string.Equals(s.Partner, repayment.Partner, StringComparison.OrdinalIgnoreCase));
        if (share is null)
            return new Problem("partner", TextId.FundRepaymentPartnerOwesNothing, repayment.Partner, string.Join(", ", settlement.Shares.Select(s => s.Partner)));
        if (repayment.Amount.Cents <= 0)
            return new Problem("bedrag", TextId.BudgetAmountNotPositive);
        var repaid = repaymentsSoFar.Where(r => r.RequestId == request.Id && r.Id != repayment.Id && string.Equals(r.Partner, share.Partner, StringComparison.OrdinalIgnoreCase))
            .Aggregate(Money.Zero, (sum, r) => sum + r.Amount);
        var open = share.Amount - repaid;
        if (repayment.Amount.Cents > open.Cents)
            return new Problem("bedrag", TextId.FundRepaymentTooMuch, repayment.Amount.ToString(), share.Partner, open.ToString());
        if (repayment.ReceivedOn > today || AmsterdamTime.DayOf(repayment.RecordedAt) > today)
            return new Problem("ontvangen op", TextId.DateInFuture);
        return repayment.ReceivedOn < AmsterdamTime.DayOf(settlement.At) ? new Problem("ontvangen op", TextId.FundRepaymentBeforeSettlementDay, DateText.Show(AmsterdamTime.DayOf(settlement.At))) : null;
    }

    private static Problem? Decided(FundActor actor, FundRequest before, FundRequest after)
    {
        if (after.Decision is not { } decision || !SameSteps(before, after with { Decision = null }))
            return new Problem("besluit", TextId.FieldRequired);
        if (decision.By != actor.Worker)
            return new Problem("besloten door", TextId.BudgetNotInOwnName);
        if (after.Status == FundRequestStatus.Refused && decision.Note.Trim().Length == 0)
            return new Problem("reden van weigering", TextId.FundRefusalNeedsReason);
        return TooLong("reden", decision.Note) ?? NotBefore(decision.At, before.RequestedAt);
    }

    private static Problem? PaidOut(FundActor actor, FundRequest before, FundRequest after, Money balance)
    {
        if (after.Payout is not { } payout || !SameSteps(before, after with { Payout = null }))
            return new Problem("uitbetaling", TextId.FieldRequired);
        if (payout.By != actor.Worker)
            return new Problem("uitbetaald door", TextId.BudgetNotInOwnName);
        if (payout.Note.Trim().Length == 0)
            return new Problem("betalingskenmerk", TextId.FieldRequired);
        if (balance.Cents < before.Amount.Cents)
            return new Problem("saldo", TextId.FundBalanceTooLow, balance.ToString(), before.Amount.ToString());
        return TooLong("betalingskenmerk", payout.Note) ?? NotBefore(payout.At, before.Decision!.At);
    }

    private static Problem? Evaluated(FundActor actor, FundRequest before, FundRequest after)
    {
        if (after.Evaluation is not { } evaluation || !SameSteps(before, after with { Evaluation = null }))
            return new Problem("evaluatie", TextId.FieldRequired);
        if (evaluation.By != actor.Worker)
            return new Problem("geëvalueerd door", TextId.BudgetNotInOwnName);
        if (evaluation.Note.Trim().Length == 0)
            return new Problem("toelichting evaluatie", TextId.FieldRequired);
        return TooLong("toelichting evaluatie", evaluation.Note) ?? NotBefore(evaluation.At, before.Payout!.At);
    }

    private static Problem? Settled(FundActor actor, FundRequest before, FundRequest after, Fund fund)
    {
        if (after.Settlement is not { } settlement || !SameSteps(before, after with { Settlement = null }))
            return new Problem("verrekening", TextId.FieldRequired);
        if (settlement.By != actor.Worker)
            return new Problem("verrekend door", TextId.BudgetNotInOwnName);
        var expected = FundShares.Of(before.Amount, before.ResponsiblePartner, fund);
        if (!expected.IsValid)
            return expected.Problem;
        if (!expected.Value.SequenceEqual(settlement.Shares))
            return new Problem("verdeling", TextId.FundSharesDiffer);
        return NotBefore(settlement.At, before.Evaluation!.At);
    }

    /// <summary>The secretariat's steps of two versions of a request are the same, shares compared by value.</summary>
    private static bool SameSteps(FundRequest a, FundRequest b) =>
        a.Decision == b.Decision && a.Payout == b.Payout && a.Evaluation == b.Evaluation
        && (a.Settlement is null || b.Settlement is null
            ? a.Settlement is null && b.Settlement is null
            : a.Settlement.At == b.Settlement.At && a.Settlement.By == b.Settlement.By && a.Settlement.Shares.SequenceEqual(b.Settlement.Shares));

    private static DateTimeOffset StepAt(FundRequest r) => r.Status switch
    {
        FundRequestStatus.Settled => r.Settlement!.At,
        FundRequestStatus.Evaluated => r.Evaluation!.At,
        FundRequestStatus.PaidOut => r.Payout!.At,
        FundRequestStatus.Approved or FundRequestStatus.Refused => r.Decision!.At,
        _ => r.RequestedAt,
    };

    private static Problem? NotBefore(DateTimeOffset at, DateTimeOffset earlier) =>
        at < earlier ? new Problem("datum", TextId.FundStepTooEarly) : null;

    private static Problem? TooLong(string field, string text) =>
        text.Length > FundRequest.MaxTextLength ? new Problem(field, TextId.TooLong, FundRequest.MaxTextLength) : null;
}
