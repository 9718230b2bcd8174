namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 11, below the screen: the cost table, the social-return calculator, mandates and mandate decisions.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Mandates() => new()
    {
        [TextId.CostRouteCodeShape] = ("mag alleen letters, cijfers, - en _ bevatten, maximaal {0} tekens", "may only hold letters, digits, - and _, at most {0} characters"),
        [TextId.CostAmountNegative] = ("mag niet negatief zijn; vul een bedrag van 0 of meer in", "may not be negative; fill in an amount of 0 or more"),
        [TextId.ReturnHorizonRange] = ("moet 1 tot en met {0} maanden zijn", "must be 1 to {0} months"),
        [TextId.ReturnTooManyRoutes] = ("zijn er te veel: hoogstens {0}", "are too many: at most {0}"),
        [TextId.ReturnQuantityRange] = ("aantal moet 1 tot en met {0} zijn (keren, of maanden bij een bedrag per maand of per jaar)", "quantity must be 1 to {0} (occurrences, or months for an amount per month or per year)"),
        [TextId.ReturnTooLarge] = ("is te groot om mee te rekenen (boven € 92 biljard); controleer de bedragen en aantallen in de kostentabel", "is too large to calculate with (above € 92 quadrillion); check the amounts and quantities in the cost table"),
        [TextId.DepartmentNameShape] = ("moet een naam zonder komma zijn, maximaal {0} tekens", "must be a name without a comma, at most {0} characters"),
        [TextId.MandateRoleNotAllowed] = ("alleen een teamleider met mandaat legt een mandaatbesluit of de opvolging ervan vast; uw rol is {0}", "only a team leader with a mandate records a mandate decision or its follow-up; your role is {0}"),
        [TextId.MandateNotInOwnName] = ("moet op naam staan van wie het vastlegt", "must be in the name of whoever records it"),
        [TextId.MandateNone] = ("u hebt geen mandaat voor dit besluit; vraag de beheerder om een mandaat", "you have no mandate for this decision; ask the administrator for one"),
        [TextId.MandateNotYetValid] = ("uw mandaat geldt pas vanaf {0}; leg het besluit vanaf die dag vast", "your mandate only holds from {0}; record the decision from that day on"),
        [TextId.MandateExpired] = ("uw mandaat is verlopen op {0}; vraag de beheerder om een nieuw mandaat", "your mandate expired on {0}; ask the administrator for a new one"),
        [TextId.MandateRevoked] = ("uw mandaat is ingetrokken op {0}; vraag de beheerder waarom of om een nieuw mandaat", "your mandate was revoked on {0}; ask the administrator why or for a new one"),
        [TextId.MandateDepartmentNotCovered] = ("{0} valt niet onder uw mandaat (wel: {1}); kies een afdeling uit uw mandaat of vraag de beheerder het uit te breiden", "{0} is not covered by your mandate (covered: {1}); choose a department of your mandate or ask the administrator to extend it"),
        [TextId.MandateTriangleSideMissing] = ("ontbreekt: elk mandaatbesluit wordt verantwoord op alle drie de kanten van de waardendriehoek (legitimiteit, maatschappelijk rendement, betrokkenheid)", "is missing: every mandate decision is justified on all three sides of the value triangle (legitimacy, social return, engagement)"),
        [TextId.MandateFiguresDoNotAddUp] = ("klopt niet met de vermeden routes; bereken het opnieuw met de rekenhulp", "does not add up from the avoided routes; calculate it again with the calculator"),
        [TextId.MandateFollowUpTooEarly] = ("hoort niet bij een nieuw besluit; leg die vast op of na de opvolgdatum", "does not belong in a new decision; record it on or after the follow-up date"),
        [TextId.MandateDecisionFixed] = ("een vastgelegd mandaatbesluit wordt niet gewijzigd of verwijderd; leg een correctie vast als aanvulling", "a recorded mandate decision is never changed or removed; record a correction as an addendum"),
        [TextId.MandateFollowUpDone] = ("is al vastgelegd op {0} en wordt niet meer gewijzigd; leg een correctie vast als aanvulling", "was already recorded on {0} and is not changed again; record a correction as an addendum"),
        [TextId.MandateAddendumWithoutDecision] = ("het mandaatbesluit van deze aanvulling is niet bekend; synchroniseer eerst het besluit", "the mandate decision of this addendum is not known; sync the decision first"),
        [TextId.MandateAddendumFixed] = ("een aanvulling wordt niet gewijzigd of verwijderd; voeg een nieuwe aanvulling toe", "an addendum is never changed or removed; add a new addendum"),
        [TextId.FieldDecisionDate] = ("besluitdatum", "decision date"),
    };
}
