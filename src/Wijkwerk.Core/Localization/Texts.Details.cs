namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>The signal and home visit detail views, the open-conflict line of the dossier, and the filter of every list.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Details() => new()
    {
        [TextId.CmdFilterDone] = ("Naar de lijst", "To the list"),
        [TextId.CmdFilterCancel] = ("Filter wissen", "Clear filter"),
        [TextId.UiFilterPlaceholder] = ("druk / om te zoeken", "press / to search"),
        [TextId.CmdOpenItem] = ("Openen", "Open"),
        [TextId.CmdOpenClientConflicts] = ("Conflict openen", "Open conflict"),
        [TextId.UiDossierConflictOne] = ("! Open conflict over {0}: kies welke waarde klopt (toets 4).", "! Open conflict about {0}: choose which value is right (key 4)."),
        [TextId.UiDossierConflictMany] = ("! {0} open conflicten: kies welke waarden kloppen (toets 4).", "! {0} open conflicts: choose which values are right (key 4)."),
        [TextId.UiSignalDetailTitle] = ("Signaal: {0}", "Signal: {0}"),
        [TextId.UiVisitDetailTitle] = ("Huisbezoek: {0}", "Home visit: {0}"),
        [TextId.UiDetailReported] = ("Gemeld: {0}", "Reported: {0}"),
        [TextId.UiDetailSource] = ("Bron: {0}", "Source: {0}"),
        [TextId.UiDetailStatus] = ("Stand: {0}", "Status: {0}"),
        [TextId.UiDetailUrgency] = ("Urgentie: {0}", "Urgency: {0}"),
        [TextId.UiDetailAssignee] = ("Toegewezen aan: {0}", "Assigned to: {0}"),
        [TextId.UiDetailNobody] = ("niemand", "nobody"),
        [TextId.UiDetailYou] = ("u ({0})", "you ({0})"),
        [TextId.UiDetailColleague] = ("een collega", "a colleague"),
        [TextId.UiDetailDomains] = ("Leefgebieden: {0}", "Life domains: {0}"),
        [TextId.UiDetailNone] = ("geen", "none"),
        [TextId.UiDetailConsentInConsultation] = ("Grondslag: in overleg met de cliënt", "Basis: in consultation with the client"),
        [TextId.UiDetailConsentNotPossible] = ("Grondslag: overleg niet mogelijk, want {0}", "Basis: consultation not possible, because {0}"),
        [TextId.UiDetailObservation] = ("Observatie", "Observation"),
        [TextId.UiDetailFollowUps] = ("Vervolg", "Follow-ups"),
        [TextId.UiDetailNoFollowUps] = ("Nog geen vervolg vastgelegd.", "No follow-up recorded yet."),
        [TextId.UiDetailFollowUp] = ("{0}, door {1}:", "{0}, by {1}:"),
        [TextId.UiDetailMoves] = ("Statusverloop", "Status history"),
        [TextId.UiDetailMove] = ("{0} · {1}", "{0} · {1}"),
        [TextId.UiDetailMoveBy] = ("{0} · {1} (laatst gewijzigd door {2})", "{0} · {1} (last changed by {2})"),
        [TextId.UiDetailVisitDate] = ("Datum: {0}", "Date: {0}"),
        [TextId.UiDetailVisitWorker] = ("Bezocht door: {0}", "Visited by: {0}"),
        [TextId.UiDetailNotes] = ("Notities", "Notes"),
        [TextId.UiDetailNoNotes] = ("Geen notities.", "No notes."),
        [TextId.UiDetailZrm] = ("ZRM ({0}), {1} van {2} domeinen gescoord", "ZRM ({0}), {1} of {2} domains scored"),
        [TextId.UiDetailZrmNotAsked] = ("niet gevraagd", "not asked"),
        [TextId.UiDetailNoZrm] = ("Geen ZRM afgenomen bij dit bezoek.", "No ZRM taken at this visit."),
        [TextId.UiConflictKeptBy] = ("bewaard, van {0}", "saved, from {0}"),
        [TextId.UiConflictOtherBy] = ("andere, van {0} op {1}", "other, from {0} at {1}"),
    };
}
