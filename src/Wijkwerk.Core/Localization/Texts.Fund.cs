namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 13, below the screen: the revolving fund's rules, admin commands and export.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Fund() => new()
    {
        [TextId.FundRoleNotProfessional] = ("alleen lid-professionals (wijkverpleegkundigen en teamleiders) vragen geld aan bij het revolverend fonds, nooit inwoners of andere rollen; uw rol is {0}", "only member professionals (district nurses and team leaders) request money from the revolving fund, never residents or other roles; your role is {0}"),
        [TextId.FundNotMember] = ("u bent geen lid van het revolverend fonds; vraag de beheerder u toe te voegen met 'admin fund members add --user NAAM'", "you are not a member of the revolving fund; ask the administrator to add you with 'admin fund members add --user NAME'"),
        [TextId.FundSecretariatOnly] = ("alleen het fondssecretariaat kent toe, weigert, betaalt uit, evalueert, verrekent en boekt terugbetalingen; uw rol is {0}", "only the fund secretariat grants, refuses, pays out, evaluates, settles and records repayments; your role is {0}"),
        [TextId.FundOverMaximum] = ("{0} is meer dan het fonds per verzoek betaalt ({1}); zoek voor een groter bedrag een andere route", "{0} is more than the fund pays per request ({1}); find another route for a larger amount"),
        [TextId.FundPartnerUnknown] = ("'{0}' is geen partner van het fonds; kies een van: {1}, of 'geen enkele partij: uniek'", "'{0}' is not a partner of the fund; choose one of: {1}, or 'no single party: unique'"),
        [TextId.FundNoDeposits] = ("geen partner heeft inleg in het fonds, dus een unieke casus is niet naar rato te verdelen; laat de beheerder eerst de inleg boeken met 'admin fund deposit'", "no partner has deposited in the fund, so a unique case cannot be shared pro rata; have the administrator record the deposits first with 'admin fund deposit'"),
        [TextId.FundRequestFixed] = ("een fondsverzoek wordt na het indienen niet gewijzigd of verwijderd, en een stap van het secretariaat ook niet; dien zo nodig een nieuw verzoek in", "a fund request is never changed or removed once made, nor is a step of the secretariat; make a new request if needed"),
        [TextId.FundSettleBeforeEvaluation] = ("verrekenen kan pas na de evaluatie; het verzoek is nu {0}. Evalueer eerst of het werkte en duurzaam is", "settling comes after the evaluation; the request is now {0}. Evaluate first whether it worked and is durable"),
        [TextId.FundRequestUnknown] = ("het fondsverzoek van deze terugbetaling is niet bekend; synchroniseer eerst", "the fund request of this repayment is not known; sync first"),
        [TextId.FundRepaymentBeforeSettlement] = ("een terugbetaling hoort bij een verrekend verzoek; dit verzoek is {0}", "a repayment belongs to a settled request; this request is {0}"),
        [TextId.FundRepaymentPartnerOwesNothing] = ("{0} is niets verschuldigd voor dit verzoek; wie terugbetalen: {1}", "{0} owes nothing for this request; who repay: {1}"),
        [TextId.FundRepaymentTooMuch] = ("{0} is meer dan {1} nog verschuldigd is voor dit verzoek ({2})", "{0} is more than {1} still owes for this request ({2})"),
        [TextId.FundRepaymentBeforeSettlementDay] = ("ligt vóór de verrekening op {0}", "is before the settlement on {0}"),
        [TextId.FundRefusalNeedsReason] = ("een verzoek wordt toegekend tenzij er een reden is om te weigeren; vul die reden in, zoals 'geen duurzaam perspectief'", "a request is granted unless there is a reason to refuse; fill in that reason, such as 'no durable prospect'"),
        [TextId.FundBalanceTooLow] = ("het saldo van het fonds ({0}) dekt deze uitbetaling van {1} niet; er is niets uitbetaald en het verzoek wacht tot er terugbetalingen of nieuwe inleg binnen zijn", "the fund's balance ({0}) does not cover this payout of {1}; nothing was paid out and the request waits until repayments or new deposits arrive"),
        [TextId.FundSharesDiffer] = ("de verdeling over de partners klopt niet met de inleg zoals de server die kent; synchroniseer en verreken opnieuw", "the split over the partners does not match the deposits as the server knows them; sync and settle again"),
        [TextId.FundStepTooEarly] = ("ligt vóór de vorige stap van het verzoek", "is before the request's previous step"),
        [TextId.FundRepaymentFixed] = ("een geboekte terugbetaling wordt niet gewijzigd of verwijderd; boek een correctie als nieuwe terugbetaling", "a recorded repayment is never changed or removed; record a correction as a new repayment"),
        [TextId.CliServerFund] = ("Het revolverend fonds beheren: partners, inleg en leden", "Manage the revolving fund: partners, deposits and members"),
        [TextId.CliServerFundPartner] = ("Partnerorganisaties van het fonds", "Partner organisations of the fund"),
        [TextId.CliServerFundPartnerAdd] = ("Een partnerorganisatie toevoegen", "Add a partner organisation"),
        [TextId.CliServerFundPartnerList] = ("Alle partners met hun inleg tonen", "Show every partner with its deposits"),
        [TextId.CliServerFundPartnerName] = ("Naam van de partnerorganisatie", "Name of the partner organisation"),
        [TextId.CliServerFundDeposit] = ("Inleg van een partner in het fonds boeken", "Record a partner's deposit into the fund"),
        [TextId.CliServerFundDepositPartner] = ("Naam van de partner die inlegt", "Name of the depositing partner"),
        [TextId.CliServerFundDepositAmount] = ("Bedrag in euro, zoals 5000 of 5.000,00", "Amount in euro, like 5000 or 5.000,00"),
        [TextId.CliServerFundDepositDate] = ("Datum van ontvangst, zoals 2026-01-15", "Day received, like 2026-01-15"),
        [TextId.CliServerFundMembers] = ("Lid-professionals die het fonds om geld mogen vragen", "Member professionals who may ask the fund for money"),
        [TextId.CliServerFundMembersAdd] = ("Een medewerker lid maken van het fonds", "Make a worker a member of the fund"),
        [TextId.CliServerFundMembersList] = ("Alle leden van het fonds tonen", "Show every member of the fund"),
        [TextId.CliServerFundMembersRemove] = ("Een lid van het fonds afhalen", "Remove a member from the fund"),
        [TextId.CliServerFundMembersUser] = ("Naam van de medewerker", "Name of the worker"),
        [TextId.CliExportFund] = ("Fondsverzoeken exporteren: per verzoek knelpunt, partner, bedrag, stappen, evaluatie en terugbetaling", "Export fund requests: per request bottleneck, partner, amount, steps, evaluation and repayment"),
        [TextId.CliExportFundSummary] = ("Alleen de halfjaarlijkse evaluatie: per knelpunt en partner aantallen, bedragen, terugbetaald deel en duurzaamheid", "Only the half-yearly review: per bottleneck and partner counts, amounts, repaid share and durability"),
        [TextId.CliExportFundPeriod] = ("Periode van de samenvatting: half-year", "Period of the summary: half-year"),
    };
}
