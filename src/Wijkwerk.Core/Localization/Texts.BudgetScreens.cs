namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 12, the budget screens: the approval inbox on home, a request's detail with approve and withdraw.</summary>
    private static Dictionary<TextId, (string Nl, string En)> BudgetScreens() => new()
    {
        [TextId.CmdBudgetInbox] = ("Akkoord budget", "Budget approvals"),
        [TextId.CmdBudgetApprove] = ("Akkoord", "Approve"),
        [TextId.CmdBudgetWithdraw] = ("Intrekken", "Withdraw"),
        [TextId.UiHomeBudgetInbox] = ("{0} {1} op uw akkoord (toets 8)", "{0} {1} your approval (key 8)"),
        [TextId.UiBudgetInboxTitle] = ("Budgetverzoeken die wachten op uw akkoord", "Budget requests awaiting your approval"),
        [TextId.UiBudgetInboxEmpty] = ("Geen verzoeken wachten op uw akkoord.", "No requests await your approval."),
        [TextId.UiBudgetColumnRequested] = ("Gevraagd", "Requested"),
        [TextId.UiBudgetColumnAmount] = ("Bedrag", "Amount"),
        [TextId.UiBudgetColumnCategory] = ("Categorie", "Category"),
        [TextId.UiBudgetColumnWhat] = ("Wat", "What"),
        [TextId.UiBudgetColumnApprovals] = ("Akkoord", "Approvals"),
        [TextId.UiBudgetDetailTitle] = ("Budgetverzoek · {0}", "Budget request · {0}"),
        [TextId.UiBudgetDetailState] = ("{0} · {1} · {2}", "{0} · {1} · {2}"),
        [TextId.UiBudgetDetailRequested] = ("Gevraagd op {0} door {1} (team {2})", "Requested on {0} by {1} (team {2})"),
        [TextId.UiBudgetDetailSupplier] = ("Leverancier (betaald in natura): {0} · {1}", "Supplier (paid in kind): {0} · {1}"),
        [TextId.UiBudgetDetailWhy] = ("Waarom geen gewone route past", "Why no regular route fits"),
        [TextId.UiBudgetDetailTriangle] = ("Waardedriehoek", "Value triangle"),
        [TextId.UiBudgetDetailBottleneck] = ("Knelpunt: {0}", "Bottleneck: {0}"),
        [TextId.UiBudgetDetailVotes] = ("Stemmen", "Votes"),
        [TextId.UiBudgetApprovalCount] = ("{0} van {1} akkoord; wordt goedgekeurd bij de volgende sync als de server de derde telt.", "{0} of {1} approved; approved at the next sync when the server counts the third."),
        [TextId.UiBudgetVoteApprove] = ("{0}: akkoord door {1}", "{0}: approved by {1}"),
        [TextId.UiBudgetVoteAlternative] = ("{0}: alternatief van {1}: {2}", "{0}: alternative from {1}: {2}"),
        [TextId.UiBudgetOutcome] = ("{0}: {1} door {2} · {3}", "{0}: {1} by {2} · {3}"),
        [TextId.UiBudgetOwnRequest] = ("Dit is uw eigen verzoek: u kunt het niet zelf goedkeuren; u kunt het intrekken zolang het niet is goedgekeurd.", "This is your own request: you cannot approve it yourself; you can withdraw it until it is approved."),
        [TextId.UiBudgetAlreadyVoted] = ("U hebt al gestemd; één stem per collega.", "You have voted; one vote per colleague."),
        [TextId.UiBudgetApproveConfirm] = ("Akkoord geven op {0} voor {1}? Dit kan niet worden teruggedraaid.", "Approve {0} for {1}? This cannot be undone."),
        [TextId.UiBudgetApproved] = ("Uw akkoord is vastgelegd; de server telt het bij de volgende sync.", "Your approval is recorded; the server counts it at the next sync."),
        [TextId.UiBudgetWithdrawConfirm] = ("Verzoek voor {0} intrekken?", "Withdraw the request for {0}?"),
        [TextId.UiBudgetWithdrawn] = ("Verzoek ingetrokken.", "Request withdrawn."),
        [TextId.CmdBudgetLedger] = ("Budget team", "Team budget"),
        [TextId.UiBudgetLedgerTitle] = ("Budget · {0}", "Budget · {0}"),
        [TextId.UiBudgetLedgerNone] = ("Voor {0} is nog geen budget voor {1} ontvangen; synchroniseer (F5) of vraag de beheerder het in te stellen.", "No budget for {0} in {1} has arrived yet; sync (F5) or ask the administrator to set it."),
        [TextId.UiBudgetLedgerFigures] = ("{0}: budget {1} · vastgelegd {2} · betaald {3} · over {4}", "{0}: budget {1} · committed {2} · paid {3} · remaining {4}"),
        [TextId.UiBudgetLedgerLimit] = ("Per verzoek ten hoogste {0}.", "At most {0} per request."),
        [TextId.UiBudgetLedgerPerCategory] = ("Besteed per categorie (vastgelegd en betaald · aantal verzoeken)", "Spent per category (committed and paid · requests)"),
        [TextId.UiBudgetLedgerRequests] = ("Verzoeken van het team", "The team's requests"),
    };
}
