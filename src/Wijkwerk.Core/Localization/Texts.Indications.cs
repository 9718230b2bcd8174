namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>The rules of indication advice: codes, volumes, dates and who may take which step.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Indications() => new()
    {
        [TextId.VolumeAmountShape] = ("moet een heel getal groter dan 0 zijn (bij euro's een bedrag zoals 1.250,00)", "must be a whole number above 0 (for euros an amount like 1.250,00)"),
        [TextId.VolumeTooLarge] = ("is te groot: maximaal {0}", "is too large: at most {0}"),
        [TextId.UnknownCode] = ("'{0}' staat niet in de lijst; kies een waarde uit de lijst", "'{0}' is not on the list; choose a value from the list"),
        [TextId.VolumeAidUnitFrequency] = ("past niet bij {0}: een hulpmiddel krijgt eenheid stuks of euro's en frequentie 'totaal binnen geldigheidsduur'", "does not fit {0}: an aid takes unit pieces or euros and frequency 'total within the validity period'"),
        [TextId.VolumeTotalNeedsDuration] = ("is nodig bij 'totaal binnen geldigheidsduur': vul de duur in maanden in", "is needed with 'total within the validity period': fill in the duration in months"),
        [TextId.VolumeExceedsPeriod] = ("past niet: {0} × {1} {2} is meer tijd dan die periode heeft; kies een andere eenheid of frequentie", "does not fit: {0} × {1} {2} is more time than that period holds; choose another unit or frequency"),
        [TextId.ProductCodeShape] = ("mag alleen letters en cijfers bevatten, maximaal {0} tekens (lijst WMO021 of de eigen code van de gemeente)", "may only hold letters and digits, at most {0} characters (list WMO021 or the municipality's own code)"),
        [TextId.DurationShape] = ("moet een aantal maanden van 1 tot en met {0} zijn, of leeg voor onbepaalde tijd", "must be a number of months from 1 to {0}, or empty for no end"),
        [TextId.DurationMonths] = ("{0} maanden", "{0} months"),
        [TextId.DurationOpenEnded] = ("onbepaalde tijd", "no end date"),
        [TextId.DateBeforeOther] = ("ligt voor de {0} ({1}); controleer de volgorde van de data", "is before the {0} ({1}); check the order of the dates"),
        [TextId.FieldMeldingDate] = ("meldingsdatum", "melding date"),
        [TextId.ConsentNoteRequired] = ("vraagt een toelichting als de cliënt geen toestemming gaf", "needs an explanation when the client did not give consent"),
        [TextId.LegalBasisConsentNotGiven] = ("'toestemming' kan alleen als de cliënt toestemming gaf; kies een andere grondslag of leg de toestemming vast", "'consent' is only possible when the client consented; choose another basis or record the consent"),
        [TextId.AdviceRoleNotAllowed] = ("uw rol ({0}) werkt niet met indicatieadviezen", "your role ({0}) does not work with indication advice"),
        [TextId.AdviceOnlyAuthorWrites] = ("alleen de opsteller (wijkverpleegkundige of teamleider) schrijft het advies; een Wmo-consulent legt wijzigingen vast in het besluit", "only the author (district nurse or team leader) writes the advice; a Wmo consultant records changes in the decision"),
        [TextId.AdviceNotInOwnName] = ("moet op naam staan van wie het vastlegt", "must be in the name of whoever records it"),
        [TextId.AdviceNewStatus] = ("een nieuw advies begint als concept of ingediend, niet als {0}", "a new advice starts as concept or submitted, not as {0}"),
        [TextId.AdviceDecisionOutsideDecision] = ("een besluit of verlenging hoort alleen bij een advies dat de consulent behandelt", "a decision or extension only belongs to an advice the consultant handles"),
        [TextId.AdviceFixedFieldChanged] = ("cliënt, opsteller, team en aanmaakmoment van een advies liggen vast", "the client, author, team and creation time of an advice are fixed"),
        [TextId.AdviceFinal] = ("het advies is {0}; daarna verandert er niets meer", "the advice is {0}; nothing changes after that"),
        [TextId.AdviceTransitionNotAllowed] = ("een {0} kan een advies niet van {1} naar {2} zetten", "a {0} cannot move an advice from {1} to {2}"),
        [TextId.AdviceContentLocked] = ("het advies is {0} en kan nu niet worden gewijzigd; dat kan in concept of bij het beantwoorden van een vraag", "the advice is {0} and cannot be changed now; that is possible as a concept or when answering a question"),
        [TextId.AdviceGrantedDiffers] = ("toegekend betekent zoals geadviseerd; kies 'aangepast' als u iets wijzigt", "granted means as advised; choose 'adjusted' when you change something"),
        [TextId.AdviceAdjustedUnchanged] = ("aangepast: wijzig minstens één onderdeel ten opzichte van het advies, of kies 'toegekend'", "adjusted: change at least one part compared with the advice, or choose 'granted'"),
        [TextId.AdviceRejectedWithProvision] = ("een afwijzing kent geen voorziening", "a rejection has no provision"),
        [TextId.AdviceReasonRequired] = ("is verplicht bij {0}: leg uit waarom", "is required when {0}: explain why"),
        [TextId.AdviceOnlyConsultantExtends] = ("alleen een Wmo-consulent verlengt de beslistermijn", "only a Wmo consultant extends the decision term"),
        [TextId.ExtensionNeedsAanvraag] = ("kan pas als de aanvraagdatum bekend is", "is only possible once the aanvraag date is known"),
        [TextId.ExtensionNotLater] = ("moet na de wettelijke beslistermijn ({0}) liggen", "must be after the statutory decision date ({0})"),
        [TextId.AdviceMessageWrongRole] = ("een {0} komt niet van een {1}: de consulent vraagt, de opsteller antwoordt", "a {0} does not come from a {1}: the consultant asks, the author answers"),
        [TextId.AdviceMessageFixed] = ("een verstuurd bericht wordt niet meer gewijzigd", "a sent message is never changed"),
        [TextId.ColumnValueInvalid] = ("kolom '{0}' heeft een ongeldige waarde", "column '{0}' holds an invalid value"),
    };

    /// <summary>The advice screens: form, review queue, thread, decision.</summary>
    private static Dictionary<TextId, (string Nl, string En)> IndicationScreens() => new()
    {
        [TextId.UiAdvice] = ("Wmo-advies", "Wmo advice"),
        [TextId.UiClockInvestigation] = ("onderzoek uiterlijk", "investigation due"),
        [TextId.UiClockDecision] = ("beschikking uiterlijk", "decision due"),
        [TextId.UiClockExtended] = ("(verlengd)", "(extended)"),
        [TextId.UiClockDaysLeft] = ("nog {0} dagen", "{0} days left"),
        [TextId.UiClockOverdue] = ("{0} dagen te laat", "{0} days overdue"),
    };

    /// <summary>Reports and exports about advice and decisions.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Reports() => new()
    {
        [TextId.ExportPeriodNeedsSummary] = ("--period hoort bij --summary: voeg --summary toe of laat --period weg.", "--period belongs with --summary: add --summary or leave --period out."),
        [TextId.ExportSummaryHasNoText] = ("--with-text kan niet samen met --summary: de samenvatting bevat alleen aantallen. Laat een van beide weg.", "--with-text cannot be combined with --summary: the summary only holds counts. Leave one of them out."),
        [TextId.CmdReports] = ("Rapportage adviezen", "Advice report"),
        [TextId.CmdReportPeriod] = ("Per maand / per kwartaal", "Per month / per quarter"),
        [TextId.CmdReportTeam] = ("Volgend team (of alle teams)", "Next team (or all teams)"),
        [TextId.UiReportTitle] = ("Advies en besluit", "Advice and decision"),
        [TextId.UiReportSelection] = ("Team: {0} · {1}   (t: ander team, p: maand of kwartaal)", "Team: {0} · {1}   (t: other team, p: month or quarter)"),
        [TextId.UiReportAllTeams] = ("alle teams", "all teams"),
        [TextId.UiReportNoTeam] = ("zonder team", "no team"),
        [TextId.UiReportPerMonth] = ("per maand", "per month"),
        [TextId.UiReportPerQuarter] = ("per kwartaal", "per quarter"),
        [TextId.UiReportBacklog] = ("Wacht op besluit: {0} (waarvan {1} over de termijn) · ingetrokken: {2}", "Awaiting a decision: {0} ({1} past the term) · withdrawn: {2}"),
        [TextId.UiReportTotal] = ("Totaal: {0} besluiten, {1} zoals geadviseerd, {2} te laat", "Total: {0} decisions, {1} as advised, {2} late"),
        [TextId.UiReportAsAdvised] = ("zoals geadviseerd", "as advised"),
        [TextId.UiReportAdjusted] = ("aangepast", "adjusted"),
        [TextId.UiReportRejected] = ("afgewezen", "rejected"),
        [TextId.UiReportColumnPeriod] = ("Periode", "Period"),
        [TextId.UiReportColumnBar] = ("Verdeling", "Breakdown"),
        [TextId.UiReportColumnAsAdvised] = ("Geadv.", "As adv."),
        [TextId.UiReportColumnAdjusted] = ("Aangep.", "Adjust."),
        [TextId.UiReportColumnRejected] = ("Afgew.", "Reject."),
        [TextId.UiReportColumnShare] = ("% geadv.", "% as adv."),
        [TextId.UiReportColumnInTime] = ("Op tijd", "In time"),
        [TextId.UiReportColumnLate] = ("Te laat", "Late"),
        [TextId.UiReportNone] = ("Nog geen besluiten over adviezen in deze selectie.", "No decisions on advice in this selection yet."),
    };
}
