using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Tui.App;

namespace Wijkwerk.Tui.Screens.Fund;

/// <summary>The secretariat's steps on a fund request.</summary>
public enum FundStepKind
{
    Approve,
    Refuse,
    PayOut,
    Evaluate,
    Settle,
}

/// <summary>
/// The request as one step of the secretariat would leave it, judged by <see cref="FundRules.CheckChange"/> as the
/// store and the server judge it: so a key is offered, and a form checks as typed, by the rule, not by a check of its own.
/// </summary>
public static class FundSteps
{
    public static bool IsSecretariat(WijkwerkApp app) => app.Store.Fund.Me.Role == Role.FundSecretary;

    /// <summary>
    /// May this laptop take the step at all (any note)? The balance does not hide the payout key: a payout over the
    /// balance is refused in its form with the reason, so the secretariat learns why the request waits.
    /// </summary>
    public static bool IsAllowed(WijkwerkApp app, FundRequest request, FundStepKind kind)
    {
        var fund = app.Store.Fund;
        var balance = new Money(Math.Max(fund.Balance().Available.Cents, request.Amount.Cents));
        return FundRules.CheckChange(fund.Me, request, After(app, request, kind, "-", true, true), fund.Fund, balance, fund.Today) is null;
    }

    /// <summary>What stands in the way of the step with this note, with the real balance; null when it may be stored.</summary>
    public static Problem? Check(WijkwerkApp app, FundRequest request, FundStepKind kind, string note, bool worked = false, bool durable = false)
    {
        var fund = app.Store.Fund;
        return FundRules.CheckChange(fund.Me, request, After(app, request, kind, note.Trim(), worked, durable), fund.Fund, fund.Balance().Available, fund.Today);
    }

    private static FundRequest After(WijkwerkApp app, FundRequest r, FundStepKind kind, string note, bool worked, bool durable)
    {
        var now = app.Clock.GetUtcNow();
        var me = app.Store.Identity.WorkerId;
        var step = new FundStep(now, me, note);
        return kind switch
        {
            FundStepKind.Approve => r with { Status = FundRequestStatus.Approved, Decision = step },
            FundStepKind.Refuse => r with { Status = FundRequestStatus.Refused, Decision = step },
            FundStepKind.PayOut => r with { Status = FundRequestStatus.PaidOut, Payout = step },
            FundStepKind.Evaluate => r with { Status = FundRequestStatus.Evaluated, Evaluation = new FundEvaluation(now, me, worked, durable, note) },
            _ => r with
            {
                Status = FundRequestStatus.Settled,
                Settlement = new FundSettlement(now, me, FundShares.Of(r.Amount, r.ResponsiblePartner, app.Store.Fund.Fund) is { IsValid: true } split ? split.Value : []),
            },
        };
    }
}
