namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 12, below the screen: the minimaatwerk budget's rules, admin commands and export.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Budget() => new()
    {
        [TextId.BudgetRoleNotAllowed] = ("alleen teamleden en teamleiders vragen minimaatwerkbudget aan of stemmen erover; uw rol is {0}", "only team members and team leaders request minimaatwerk budget or vote on it; your role is {0}"),
        [TextId.BudgetNotInOwnName] = ("moet op naam staan van wie het vastlegt", "must be in the name of whoever records it"),
        [TextId.BudgetRequestTeamNotYours] = ("team {0} is niet uw team; vraag budget aan bij een team waar u lid van bent ({1})", "team {0} is not your team; request budget from a team you belong to ({1})"),
        [TextId.BudgetNone] = ("team {0} heeft geen minimaatwerkbudget voor {1}; vraag de beheerder het in te stellen met 'admin budget set'", "team {0} has no minimaatwerk budget for {1}; ask the administrator to set it with 'admin budget set'"),
        [TextId.BudgetOverLimit] = ("{0} is meer dan de grens van {1} per verzoek; vraag een kleiner bedrag of zoek een andere route, zoals een fonds", "{0} is more than the limit of {1} per request; ask a smaller amount or find another route, such as a fund"),
        [TextId.BudgetAmountNotPositive] = ("moet meer dan € 0,00 zijn", "must be more than € 0.00"),
        [TextId.BudgetApprovedByServerOnly] = ("alleen de server keurt een verzoek goed of sluit het af, bij het {0}e akkoord van verschillende collega's of een voorgesteld alternatief; een laptop zet die status nooit zelf", "only the server approves or closes a request, at the {0}rd approval by different colleagues or a proposed alternative; a laptop never sets that status itself"),
        [TextId.BudgetRequestUnknown] = ("het verzoek van deze stem is niet bekend; synchroniseer eerst het verzoek", "the request of this vote is not known; sync the request first"),
        [TextId.BudgetOwnVote] = ("u deed dit verzoek zelf en stemt er niet over; {0} andere collega's van het team geven akkoord", "you made this request yourself and do not vote on it; {0} other colleagues of the team approve"),
        [TextId.BudgetVoteOtherTeam] = ("alleen collega's van team {0} stemmen over dit verzoek; u bent geen lid van dat team", "only colleagues of team {0} vote on this request; you are not a member of that team"),
        [TextId.BudgetSecondVote] = ("u stemde al op {0} over dit verzoek; elke collega stemt één keer", "you already voted on this request on {0}; each colleague votes once"),
        [TextId.BudgetNotOpen] = ("het verzoek is al {0}; er wordt niet meer over gestemd", "the request is already {0}; it is no longer voted on"),
        [TextId.BudgetAlternativeMissing] = ("vul in welk alternatief er is (een fonds, een oplossing die niets kost)", "fill in what the alternative is (a fund, a solution that costs nothing)"),
        [TextId.BudgetNotEnough] = ("het resterende budget van team {0} ({1}) dekt dit verzoek van {2} niet; uw akkoord is niet opgeslagen en het verzoek wacht. Vraag de teamleider het budget te laten verhogen, of stel een alternatief voor", "the remaining budget of team {0} ({1}) does not cover this request of {2}; your approval was not stored and the request waits. Ask the team leader to have the budget raised, or propose an alternative"),
        [TextId.BudgetRequestFixed] = ("een budgetverzoek wordt na het indienen niet gewijzigd of verwijderd; trek het in en dien een nieuw verzoek in", "a budget request is never changed or removed once made; withdraw it and make a new request"),
        [TextId.BudgetStepNotAllowed] = ("een verzoek met status {0} kan niet naar {1}", "a request with status {0} cannot move to {1}"),
        [TextId.BudgetWithdrawOnlyRequester] = ("alleen wie het verzoek deed trekt het in", "only whoever made the request withdraws it"),
        [TextId.BudgetLeaderOnly] = ("alleen een teamleider van team {0} legt een betaling of weigering vast; uw rol is {1}", "only a team leader of team {0} records a payment or refusal; your role is {1}"),
        [TextId.BudgetOutcomeTooEarly] = ("ligt vóór de aanvraag of goedkeuring van het verzoek", "is before the request was made or approved"),
        [TextId.BudgetVoteFixed] = ("een stem wordt niet gewijzigd of verwijderd; elke collega stemt één keer", "a vote is never changed or removed; each colleague votes once"),
        [TextId.CliServerBudget] = ("Minimaatwerkbudgetten van teams beheren", "Manage teams' minimaatwerk budgets"),
        [TextId.CliServerBudgetSet] = ("Het budget van een team voor een jaar instellen (of wijzigen), met de grens per verzoek", "Set (or change) a team's budget for a year, with the limit per request"),
        [TextId.CliServerBudgetList] = ("Alle teambudgetten tonen", "Show every team budget"),
        [TextId.CliServerBudgetTeam] = ("Naam van het team", "Name of the team"),
        [TextId.CliServerBudgetYear] = ("Kalenderjaar, zoals 2026", "Calendar year, like 2026"),
        [TextId.CliServerBudgetAmount] = ("Budget in euro, zoals 12000 of 12.000,00", "Budget in euro, like 12000 or 12.000,00"),
        [TextId.CliServerBudgetLimit] = ("Grens per verzoek in euro (standaard 500)", "Limit per request in euro (default 500)"),
        [TextId.CliExportBudget] = ("Budgetverzoeken exporteren: per verzoek categorie, bedrag, akkoorden, data en uitkomst", "Export budget requests: per request category, amount, approvals, dates and outcome"),
        [TextId.CliExportBudgetSummary] = ("Alleen de samenvatting per categorie en periode, met hoe vaak een alternatief gevonden werd", "Only the summary per category and period, with how often an alternative was found"),
    };
}
