using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using static Wijkwerk.Core.Domain.Common.TextChecks;

namespace Wijkwerk.Core.Domain.Budget;

/// <summary>Who acts: role, own id and the names of the teams they belong to.</summary>
public sealed record BudgetActor(Role Role, Id<Worker> Worker, IReadOnlyList<string> Teams)
{
    public bool IsIn(string team) => Teams.Any(t => string.Equals(t, team, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What a vote does to its request: nothing yet, or the request as it now stands (approved by the third distinct
/// approval, or closed as alternative found). A vote that may not be counted carries its <see cref="Problem"/>.
/// </summary>
public sealed record VoteVerdict(Problem? Problem, BudgetRequest? Changed)
{
    public static VoteVerdict Refused(Problem problem) => new(problem, null);
}

/// <summary>
/// The minimaatwerk budget's rules, one code for the laptop and the server: the laptop checks before it stores,
/// the server checks every pushed row and alone decides approval, by its own count of the votes it holds and its
/// own ledger, in the transaction that stores the vote. <c>today</c> is the Dutch calendar day of whoever judges.
/// </summary>
public static class BudgetRules
{
    public const int RequiredApprovals = 3;

    /// <summary>The first reason a new request may not be made; null when it may.</summary>
    public static Problem? CheckNew(BudgetActor actor, BudgetRequest request, TeamBudget? budget, DateOnly today)
    {
        if (!actor.Role.RecordsSignalsAndVisits())
            return new Problem("rol", TextId.BudgetRoleNotAllowed, actor.Role);
        if (request.RequestedBy != actor.Worker)
            return new Problem("aangevraagd door", TextId.BudgetNotInOwnName);
        if (!actor.IsIn(request.Team))
            return new Problem("team", TextId.BudgetRequestTeamNotYours, request.Team, string.Join(", ", actor.Teams));
        if (request.Status != BudgetRequestStatus.Requested || request.ApprovedAt is not null || request.Outcome is not null)
            return new Problem("status", TextId.BudgetApprovedByServerOnly, RequiredApprovals);
        if (CheckContent(request, today).FirstOrDefault() is { } content)
            return content;
        var year = BudgetLedger.YearOf(request);
        if (budget is null || !budget.IsOf(request.Team, year))
            return new Problem("budget", TextId.BudgetNone, request.Team, year);
        if (request.Amount.Cents > budget.PerRequestLimit.Cents)
            return new Problem("bedrag", TextId.BudgetOverLimit, request.Amount.ToString(), budget.PerRequestLimit.ToString());
        return null;
    }

    /// <summary>Every problem with what the form holds, field by field, so the form can show them all at once.</summary>
    public static IReadOnlyList<Problem> CheckContent(BudgetRequest r, DateOnly today)
    {
        var problems = new List<Problem>();
        Required(problems, "wat", r.What, BudgetRequest.MaxTextLength);
        Required(problems, "leverancier", r.Supplier.Name, BudgetRequest.MaxShortLength);
        Required(problems, "factuur of kenmerk", r.Supplier.InvoiceReference, BudgetRequest.MaxShortLength);
        if (r.Amount.Cents <= 0)
            problems.Add(new Problem("bedrag", TextId.BudgetAmountNotPositive));
        if (!Enum.IsDefined(r.Category))
            problems.Add(new Problem("categorie", TextId.FieldRequired));
        Required(problems, "waarom geen voorliggende voorziening", r.WhyNoRegularRoute, BudgetRequest.MaxTextLength);
        Required(problems, "legitimiteit", r.Triangle.Legitimacy, BudgetRequest.MaxTextLength);
        if (r.Triangle.SocialReturn is { } figures && SocialReturnCalculator.VerifyFor(figures, r.Amount) is { } figureProblem)
            problems.Add(figureProblem);
        Required(problems, "betrokkenheid", r.Triangle.Engagement, BudgetRequest.MaxTextLength);
        Required(problems, "knelpunt", r.BottleneckTag, BudgetRequest.MaxShortLength);
        if (AmsterdamTime.DayOf(r.RequestedAt) > today)
            problems.Add(new Problem("aangevraagd op", TextId.DateInFuture));
        return problems;
    }

    /// <summary>
    /// Judges a new vote and says what it does: the one function the laptop (before it stores the vote, with its own
    /// copy of the votes and ledger) and the server (in the transaction that stores it) both call. The requester
    /// never votes; one vote per colleague; only colleagues of the request's team; only while the request is open.
    /// The third distinct approval approves the request, unless the remaining budget does not cover it: then the
    /// vote is refused and the request waits. An alternative closes the request as "alternatief gevonden".
    /// </summary>
    /// <param name="votesSoFar">The request's votes already stored, without this one.</param>
    /// <param name="ledger">The ledger of the request's team and year; null when the team has no budget for that year.</param>
    public static VoteVerdict JudgeVote(
        BudgetActor actor, BudgetRequest? request, IReadOnlyList<BudgetVote> votesSoFar, BudgetVote vote, BudgetLedger? ledger, DateTimeOffset now, DateOnly today)
    {
        if (CheckVote(actor, request, votesSoFar, vote, today) is { } problem)
            return VoteVerdict.Refused(problem);
        if (vote.Kind == VoteKind.Alternative)
            return new VoteVerdict(null, request! with { Status = BudgetRequestStatus.AlternativeFound, Outcome = new BudgetOutcome(now, vote.Voter, vote.Alternative) });
        if (Approvers(request!, [.. votesSoFar, vote]).Count < RequiredApprovals)
            return new VoteVerdict(null, null);
        if (ledger is null)
            return VoteVerdict.Refused(new Problem("budget", TextId.BudgetNone, request!.Team, BudgetLedger.YearOf(request)));
        if (ledger.Remaining.Cents < request!.Amount.Cents)
            return VoteVerdict.Refused(new Problem("budget", TextId.BudgetNotEnough, request.Team, ledger.Remaining.ToString(), request.Amount.ToString()));
        return new VoteVerdict(null, request with { Status = BudgetRequestStatus.Approved, ApprovedAt = now });
    }

    /// <summary>The distinct colleagues who approved, oldest vote first; the requester never counts.</summary>
    public static IReadOnlyList<Id<Worker>> Approvers(BudgetRequest request, IEnumerable<BudgetVote> votes) =>
        votes.Where(v => v.RequestId == request.Id && v.Kind == VoteKind.Approve && v.Voter != request.RequestedBy)
            .OrderBy(v => v.At).Select(v => v.Voter).Distinct().ToList();

    private static Problem? CheckVote(BudgetActor actor, BudgetRequest? request, IReadOnlyList<BudgetVote> votesSoFar, BudgetVote vote, DateOnly today)
    {
        if (!actor.Role.RecordsSignalsAndVisits())
            return new Problem("rol", TextId.BudgetRoleNotAllowed, actor.Role);
        if (vote.Voter != actor.Worker)
            return new Problem("gestemd door", TextId.BudgetNotInOwnName);
        if (request is null || request.Id != vote.RequestId)
            return new Problem("verzoek", TextId.BudgetRequestUnknown);
        if (vote.Voter == request.RequestedBy)
            return new Problem("stem", TextId.BudgetOwnVote, RequiredApprovals);
        if (!actor.IsIn(request.Team))
            return new Problem("team", TextId.BudgetVoteOtherTeam, request.Team);
        if (votesSoFar.FirstOrDefault(v => v.RequestId == request.Id && v.Voter == vote.Voter && v.Id != vote.Id) is { } earlier)
            return new Problem("stem", TextId.BudgetSecondVote, DateText.Show(AmsterdamTime.DayOf(earlier.At)));
        if (!request.IsOpen)
            return new Problem("verzoek", TextId.BudgetNotOpen, request.Status);
        if (!Enum.IsDefined(vote.Kind))
            return new Problem("stem", TextId.FieldRequired);
        if (vote.Kind == VoteKind.Alternative && vote.Alternative.Trim().Length == 0)
            return new Problem("alternatief", TextId.BudgetAlternativeMissing);
        if (vote.Alternative.Length > BudgetVote.MaxAlternativeLength)
            return new Problem("alternatief", TextId.TooLong, BudgetVote.MaxAlternativeLength);
        if (AmsterdamTime.DayOf(vote.At) > today)
            return new Problem("gestemd op", TextId.DateInFuture);
        return null;
    }

    /// <summary>
    /// A change a person makes to a request: what was asked stays as it was; the requester withdraws it while it is
    /// open; a team leader of its team refuses it while open or records the payment of an approved one. Approval and
    /// "alternatief gevonden" are the server's to set, from the votes.
    /// </summary>
    public static Problem? CheckChange(BudgetActor actor, BudgetRequest before, BudgetRequest after, DateOnly today)
    {
        if (!before.SameRequestAs(after))
            return new Problem("verzoek", TextId.BudgetRequestFixed);
        if (before.Status == after.Status)
        {
            // Two leaders recording the same payment offline: the second says what already happened, not "withdraw it".
            if (before == after)
                return null;
            return before.Outcome is { } done
                ? new Problem("status", TextId.BudgetAlreadyClosed, before.Status, DateText.Show(AmsterdamTime.DayOf(done.At)))
                : new Problem("verzoek", TextId.BudgetRequestFixed);
        }

        if (after.Status is BudgetRequestStatus.Approved or BudgetRequestStatus.AlternativeFound)
            return new Problem("status", TextId.BudgetApprovedByServerOnly, RequiredApprovals);
        if (after.ApprovedAt != before.ApprovedAt)
            return new Problem("goedgekeurd op", TextId.BudgetApprovedByServerOnly, RequiredApprovals);
        var allowed = (before.Status, after.Status) is (BudgetRequestStatus.Requested, BudgetRequestStatus.Withdrawn)
            or (BudgetRequestStatus.Requested, BudgetRequestStatus.Refused) or (BudgetRequestStatus.Approved, BudgetRequestStatus.Paid);
        if (!allowed)
            return new Problem("status", TextId.BudgetStepNotAllowed, before.Status, after.Status);
        if (after.Status == BudgetRequestStatus.Withdrawn)
        {
            if (actor.Worker != before.RequestedBy)
                return new Problem("ingetrokken door", TextId.BudgetWithdrawOnlyRequester);
        }
        else if (actor.Role != Role.TeamLeader || !actor.IsIn(before.Team))
        {
            return new Problem("rol", TextId.BudgetLeaderOnly, before.Team, actor.Role);
        }

        if (after.Outcome is not { } outcome)
            return new Problem("uitkomst", TextId.FieldRequired);
        if (outcome.By != actor.Worker)
            return new Problem("vastgelegd door", TextId.BudgetNotInOwnName);
        var noteField = after.Status switch
        {
            BudgetRequestStatus.Paid => "betalingskenmerk",
            BudgetRequestStatus.Refused => "reden van weigering",
            _ => "reden van intrekking",
        };
        if (after.Status != BudgetRequestStatus.Withdrawn && outcome.Note.Trim().Length == 0)
            return new Problem(noteField, TextId.FieldRequired);
        if (outcome.Note.Length > BudgetRequest.MaxTextLength)
            return new Problem(noteField, TextId.TooLong, BudgetRequest.MaxTextLength);
        if (AmsterdamTime.DayOf(outcome.At) > today)
            return new Problem("datum", TextId.DateInFuture);
        return outcome.At < (before.ApprovedAt ?? before.RequestedAt)
            ? new Problem("datum", TextId.BudgetOutcomeTooEarly)
            : null;
    }
}
