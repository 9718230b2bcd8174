using System.Globalization;
using Wijkwerk.Core.Domain.Indications;

namespace Wijkwerk.Core.Localization;

/// <summary>
/// Every sentence a person reads, in Dutch and English, in one place. Arguments are filled in with
/// the invariant culture: amounts and dates arrive already formatted.
/// </summary>
public static partial class Texts
{
    private static readonly Dictionary<TextId, (string Nl, string En)> All = Combine(General(), Indications(), IndicationScreens(), Reports(), CommandLine(), FormsAndStatus(), Details(), Mandates(), Budget(), MandateScreens(), BudgetScreens(), Fund(), FundScreens(), Pauses(), EscalationsAndPauses(), Tags(), Patterns(), Operations());

    private static Dictionary<TextId, (string Nl, string En)> General() => new()
    {
        [TextId.FieldRequired] = ("is verplicht; vul dit veld in", "is required; fill in this field"),
        [TextId.TooLong] = ("is te lang: maximaal {0} tekens", "is too long: at most {0} characters"),
        [TextId.PostcodeShape] = ("is geen geldige postcode: gebruik vier cijfers en twee letters, zoals 1234 AB", "is not a valid postcode: use four digits and two letters, like 1234 AB"),
        [TextId.PostcodeLettersUnused] = ("bestaat niet: postcodes met de letters {0} worden niet uitgegeven", "does not exist: postcodes with the letters {0} are never issued"),
        [TextId.BsnShape] = ("moet uit precies 9 cijfers bestaan", "must be exactly 9 digits"),
        [TextId.BsnElevenTest] = ("is geen geldig BSN (voldoet niet aan de elfproef); controleer de cijfers", "is not a valid BSN (fails the eleven test); check the digits"),
        [TextId.PhoneShape] = ("is geen geldig telefoonnummer: gebruik 10 cijfers (0612345678) of +landcode", "is not a valid phone number: use 10 digits (0612345678) or +country code"),
        [TextId.MoneyShape] = ("is geen geldig bedrag: gebruik bijvoorbeeld 1.234,56", "is not a valid amount: use for example 1.234,56"),
        [TextId.DateShape] = ("'{0}' is geen geldige datum: gebruik dd-mm-jjjj of jjjj-mm-dd", "'{0}' is not a valid date: use dd-mm-yyyy or yyyy-mm-dd"),
        [TextId.DateInFuture] = ("ligt in de toekomst", "is in the future"),
        [TextId.DateTooEarly] = ("ligt voor {0}", "is before {0}"),
        [TextId.HouseNumberShape] = ("moet een getal van 1 tot en met {0} zijn", "must be a number from 1 to {0}"),
        [TextId.AdditionShape] = ("mag alleen letters en cijfers bevatten, maximaal {0} tekens", "may only hold letters and digits, at most {0} characters"),
        [TextId.ConsentReasonRequired] = ("vraagt een reden als overleg met de inwoner niet mogelijk is", "needs a reason when consulting the resident is not possible"),
        [TextId.SignalOtherSourceRequired] = ("'anders': beschrijf de bron", "'other': describe the source"),
        [TextId.SignalTransitionNotAllowed] = ("kan niet van {0} naar {1}", "cannot move from {0} to {1}"),
        [TextId.ZrmDomainNotInVersion] = ("domein {0} hoort niet bij {1}", "domain {0} is not part of {1}"),
        [TextId.ZrmScoreRange] = ("score voor {0} moet 1 tot en met 5 zijn", "score for {0} must be 1 to 5"),
        [TextId.StoreDamaged] = ("Het bestand {0} is beschadigd of is geen Wijkwerk-gegevensbestand. Het is niet gewijzigd. Zet een back-up terug of neem contact op met de beheerder.", "The file {0} is damaged or is not a Wijkwerk store. It has not been changed. Restore a backup or contact your administrator."),
        [TextId.StoreNewerSchema] = ("Het bestand {0} is gemaakt door een nieuwere versie van Wijkwerk (schema {1}; deze versie kent tot en met {2}). Het is niet gewijzigd. Werk Wijkwerk bij.", "The file {0} was written by a newer Wijkwerk (schema {1}; this version knows up to {2}). It has not been changed. Update Wijkwerk."),
        [TextId.StoreWrongPassphrase] = ("De wachtwoordzin klopt niet. Er is niets gewijzigd; probeer het opnieuw.", "The passphrase is wrong. Nothing was changed; try again."),
        [TextId.StoreLocked] = ("Het bestand {0} is in gebruik door een ander Wijkwerk-venster. Sluit dat eerst.", "The file {0} is in use by another Wijkwerk window. Close that first."),
        [TextId.PassphraseTooShort] = ("De wachtwoordzin moet minstens 8 tekens hebben.", "The passphrase must have at least 8 characters."),
        [TextId.ImportHeader] = ("De eerste regel moet precies deze kolommen hebben: {0}", "The first line must have exactly these columns: {0}"),
        [TextId.ImportColumnCount] = ("verwacht {0} kolommen, gevonden {1}", "expected {0} columns, found {1}"),
        [TextId.ImportDuplicateOfExisting] = ("deze cliënt staat al in uw caseload (zelfde naam, geboortedatum en adres)", "this client is already on your caseload (same name, birth date and address)"),
        [TextId.ImportDuplicateOfLine] = ("dezelfde cliënt als op regel {0}", "the same client as on line {0}"),
        [TextId.ImportEmpty] = ("het bestand bevat geen cliënten", "the file holds no clients"),
        [TextId.PromptPassphrase] = ("Wachtwoordzin:", "Passphrase:"),
        [TextId.PromptNewPassphrase] = ("Nieuwe wachtwoordzin voor deze gegevensmap (minstens 8 tekens):", "New passphrase for this data folder (at least 8 characters):"),
        [TextId.PassphraseMissing] = ("Geen wachtwoordzin: typ hem in een terminal of zet {0}.", "No passphrase: type it in a terminal or set {0}."),
        [TextId.ImportFileMissing] = ("Het bestand {0} bestaat niet. Controleer de naam en de map.", "The file {0} does not exist. Check the name and the folder."),
        [TextId.ImportLineProblem] = ("regel {0}, {1}: {2}", "line {0}, {1}: {2}"),
        [TextId.ImportFileProblem] = ("regel {0}: {1}", "line {0}: {1}"),
        [TextId.ImportNothingImported] = ("Er is niets geïmporteerd: herstel de regels hierboven en probeer het opnieuw.", "Nothing was imported: fix the lines above and try again."),
        [TextId.ImportDone] = ("Geïmporteerd: {0}.", "Imported: {0}."),
        [TextId.ExportWritten] = ("{0} geschreven naar {1}.", "{0} written to {1}."),
        [TextId.AuditIntact] = ("Auditlog intact: {0} gecontroleerd.", "Audit log intact: {0} checked."),
        [TextId.AuditChanged] = ("Auditlog beschadigd: gebeurtenis {0} is gewijzigd (wat ervoor komt is in orde: {1}).", "Audit log broken: event {0} was changed (what comes before it is intact: {1})."),
        [TextId.AuditMissing] = ("Auditlog beschadigd: gebeurtenis {0} ontbreekt (wat ervoor komt is in orde: {1}).", "Audit log broken: event {0} is missing (what comes before it is intact: {1})."),
        [TextId.AuditTruncated] = ("Auditlog beschadigd: gebeurtenissen vanaf {0} zijn verwijderd.", "Audit log broken: events from {0} on were removed."),
        [TextId.DemoSummary] = ("Demo-omgeving in {0}: {1}, {2}, {3}, {4}, {5}, {6}.", "Demo store in {0}: {1}, {2}, {3}, {4}, {5}, {6}."),
        [TextId.DemoExists] = ("Demo-omgeving bestaat al in {0} ({1}).", "Demo store already exists in {0} ({1})."),
        [TextId.DemoPassphraseHint] = ("Wachtwoordzin van de demo-omgeving: {0}", "Passphrase of the demo store: {0}"),
        [TextId.PassphraseChanged] = ("Wachtwoordzin gewijzigd.", "Passphrase changed."),
        [TextId.PassphraseMismatch] = ("De twee nieuwe wachtwoordzinnen zijn niet gelijk. Er is niets gewijzigd.", "The two new passphrases differ. Nothing was changed."),
        [TextId.PromptRepeatPassphrase] = ("Herhaal de nieuwe wachtwoordzin:", "Repeat the new passphrase:"),
        [TextId.ClientIdInvalid] = ("'{0}' is geen geldig cliëntnummer (een GUID zoals in de export).", "'{0}' is not a valid client id (a GUID as in the export)."),
        [TextId.UnexpectedError] = (
            "Er ging iets mis en Wijkwerk is gestopt. Wat al was opgeslagen, blijft bewaard. Start Wijkwerk opnieuw; gebeurt het weer, stuur dan het logbestand uit {0} naar uw beheerder (er staan geen cliëntgegevens in).",
            "Something went wrong and Wijkwerk stopped. What was already saved is kept. Start Wijkwerk again; if it happens again, send the log file from {0} to your administrator (it holds no client data)."),
        [TextId.CmdBack] = ("Terug", "Back"),
        [TextId.CmdCancel] = ("Annuleren", "Cancel"),
        [TextId.CmdClients] = ("Cliënten", "Clients"),
        [TextId.CmdCloseSignal] = ("Signaal afsluiten", "Close signal"),
        [TextId.CmdDown] = ("Omlaag", "Down"),
        [TextId.CmdEditClient] = ("Gegevens wijzigen", "Edit details"),
        [TextId.CmdFilter] = ("Filteren", "Filter"),
        [TextId.CmdHelp] = ("Hulp", "Help"),
        [TextId.CmdHome] = ("Startscherm", "Home"),
        [TextId.CmdNewClient] = ("Nieuwe cliënt", "New client"),
        [TextId.CmdNewSignal] = ("Nieuw signaal", "New signal"),
        [TextId.CmdNewVisit] = ("Nieuw huisbezoek", "New home visit"),
        [TextId.CmdNextField] = ("Volgend / vorig veld", "Next / previous field"),
        [TextId.CmdOpenDossier] = ("Dossier openen", "Open dossier"),
        [TextId.CmdPage] = ("Pagina op / neer", "Page up / down"),
        [TextId.CmdPickUp] = ("Signaal oppakken", "Pick up signal"),
        [TextId.CmdQuit] = ("Afsluiten", "Quit"),
        [TextId.CmdRefer] = ("Doorverwijzen", "Refer"),
        [TextId.CmdSave] = ("Opslaan", "Save"),
        [TextId.CmdSync] = ("Synchroniseren", "Sync"),
        [TextId.CmdUnlock] = ("Ontgrendelen", "Unlock"),
        [TextId.CmdUp] = ("Omhoog", "Up"),
        [TextId.FieldAddition] = ("Toevoeging", "Addition"),
        [TextId.FieldAssignToMe] = ("Aan mij toewijzen", "Assign to me"),
        [TextId.FieldBirthDate] = ("Geboortedatum", "Date of birth"),
        [TextId.FieldBsn] = ("BSN", "BSN (citizen number)"),
        [TextId.FieldFirstName] = ("Voornaam", "First name"),
        [TextId.FieldHouseNumber] = ("Huisnummer", "House number"),
        [TextId.FieldInConsultation] = ("In overleg met de inwoner", "In consultation with the resident"),
        [TextId.FieldLifeDomains] = ("Leefgebieden", "Life domains"),
        [TextId.FieldNotPossibleReason] = ("Reden overleg niet mogelijk", "Why consultation was not possible"),
        [TextId.FieldNotes] = ("Notities", "Notes"),
        [TextId.FieldObservation] = ("Wat is er gezien", "What was observed"),
        [TextId.FieldPhone] = ("Telefoon", "Phone"),
        [TextId.FieldPostcode] = ("Postcode", "Postal code"),
        [TextId.FieldPrefix] = ("Tussenvoegsel", "Surname prefix"),
        [TextId.FieldSource] = ("Bron", "Source"),
        [TextId.FieldSourceOther] = ("Bron (bij anders)", "Source (if other)"),
        [TextId.FieldSurname] = ("Achternaam", "Surname"),
        [TextId.FieldUrgency] = ("Urgentie", "Urgency"),
        [TextId.FieldVisitDate] = ("Datum bezoek", "Visit date"),
        [TextId.UiBorn] = ("Geboren", "Born"),
        [TextId.UiClientSaved] = ("Cliënt opgeslagen.", "Client saved."),
        [TextId.UiClientsCount] = ("{0} van {1}", "{0} of {1}"),
        [TextId.UiClientsNone] = ("Geen cliënten gevonden. Esc wist het filter.", "No clients found. Esc clears the filter."),
        [TextId.UiClientsTitle] = ("Cliënten", "Clients"),
        [TextId.UiColumnAddress] = ("Adres", "Address"),
        [TextId.UiColumnBirthDate] = ("Geboren", "Born"),
        [TextId.UiColumnName] = ("Naam", "Name"),
        [TextId.UiConsent] = ("Toestemming", "Consent"),
        [TextId.UiDateInvalid] = ("geen geldige datum: gebruik dd-mm-jjjj", "not a valid date: use dd-mm-yyyy"),
        [TextId.UiDateRequired] = ("is verplicht (dd-mm-jjjj)", "is required (dd-mm-yyyy)"),
        [TextId.UiDiscardQuestion] = ("Wat u typte weggooien? Dit kan niet ongedaan worden.", "Throw away what you typed? This cannot be undone."),
        [TextId.UiDossierGone] = ("Deze cliënt staat niet (meer) in uw caseload.", "This client is not (or no longer) on your caseload."),
        [TextId.UiDossierTitle] = ("Dossier", "Client file"),
        [TextId.UiDraftRestored] = ("Concept hersteld: u kunt verder waar u was.", "Draft restored: carry on where you were."),
        [TextId.UiEditClientTitle] = ("Cliëntgegevens wijzigen", "Edit client details"),
        [TextId.UiEropafDue] = ("eropaf vóór {0}", "eropaf before {0}"),
        [TextId.UiEropafMissed] = ("EROPAF TE LAAT ({0})", "EROPAF MISSED ({0})"),
        [TextId.UiFilterLabel] = ("Zoek", "Search"),
        [TextId.UiFormHasProblems] = ("Niet opgeslagen: {0} nog niet in orde (zie onder).", "Not saved: {0} not yet in order (see below)."),
        [TextId.UiHelpTitle] = ("Toetsen", "Keys"),
        [TextId.UiHomeCounts] = ("Vandaag: {0} binnen · {1} · open: {2} · eropaf te laat: {3}", "Today: {0} in · {1} · open: {2} · eropaf missed: {3}"),
        [TextId.UiHomeNoSignals] = ("Geen open signalen. Druk c voor cliënten.", "No open signals. Press c for clients."),
        [TextId.UiHomeSignalsHeading] = ("Mijn open signalen (en niet toegewezen), eropaf eerst", "My open signals (and unassigned), eropaf first"),
        [TextId.UiHomeTitle] = ("Startscherm", "Home"),
        [TextId.UiHousehold] = ("Huisgenoot", "Household member"),
        [TextId.UiLockedAfterIdle] = ("Vergrendeld na {0} zonder gebruik. Concepten zijn bewaard.", "Locked after {0} without use. Drafts are kept."),
        [TextId.UiNewClientTitle] = ("Nieuwe cliënt", "New client"),
        [TextId.UiNewSignalTitle] = ("Nieuw signaal", "New signal"),
        [TextId.UiNewVisitTitle] = ("Nieuw huisbezoek", "New home visit"),
        [TextId.UiNo] = ("Nee", "No"),
        [TextId.UiOffline] = ("offline", "offline"),
        [TextId.UiPassphraseLabel] = ("Wachtwoordzin", "Passphrase"),
        [TextId.UiPhone] = ("Tel.", "Phone"),
        [TextId.UiQuitWithUnsaved] = ("Er is een formulier niet opgeslagen (het concept blijft bewaard). Toch afsluiten?", "A form is not saved (its draft is kept). Quit anyway?"),
        [TextId.UiReportedOn] = ("gemeld {0}", "reported {0}"),
        [TextId.UiSignal] = ("Signaal", "Signal"),
        [TextId.UiSignalMoved] = ("Signaal is nu: {0}.", "Signal is now: {0}."),
        [TextId.UiSignalSaved] = ("Signaal opgeslagen.", "Signal saved."),
        [TextId.UiStatusLocked] = ("Vergrendeld", "Locked"),
        [TextId.UiSyncNotEnrolled] = ("Deze laptop is nog niet aangemeld bij een server; alles blijft lokaal bewaard.", "This laptop is not enrolled with a server yet; everything stays stored locally."),
        [TextId.UiTimelineEmpty] = ("Nog niets vastgelegd. n: nieuw signaal, b: huisbezoek.", "Nothing recorded yet. n: new signal, b: home visit."),
        [TextId.UiTimelineHeading] = ("Tijdlijn (nieuwste eerst)", "Timeline (newest first)"),
        [TextId.UiUnlockHint] = ("Typ uw wachtwoordzin en druk Enter.", "Type your passphrase and press Enter."),
        [TextId.UiUnlockTitle] = ("Ontgrendelen", "Unlock"),
        [TextId.UiVisit] = ("Huisbezoek", "Home visit"),
        [TextId.UiVisitSaved] = ("Huisbezoek opgeslagen.", "Home visit saved."),
        [TextId.UiYes] = ("Ja", "Yes"),
        [TextId.UiZrmNotAsked] = ("niet gevraagd", "not asked"),
        [TextId.UiEropafMet] = ("eropaf gehaald", "eropaf met"),
        [TextId.ImportFileTooLarge] = ("Het bestand is groter dan {0} MB; splits het in delen.", "The file is larger than {0} MB; split it into parts."),
        [TextId.AuditHeadMissing] = ("Auditlog beschadigd: het verzegelde slot van de keten ontbreekt of is gewijzigd.", "Audit log broken: the sealed end of the chain is missing or was changed."),
        [TextId.SignalFixedFieldChanged] = ("de cliënt en het meldmoment van een signaal liggen vast", "a signal's client and reporting time cannot change"),
        [TextId.SignalGone] = ("dit signaal staat niet meer op deze laptop (verwijderd, of weg na synchroniseren); open het dossier opnieuw", "this signal is no longer on this laptop (deleted, or gone after a sync); open the dossier again"),
        [TextId.SignalMovedMeanwhile] = ("dit signaal is intussen op '{0}' gezet (binnengekomen bij synchroniseren); bekijk het opnieuw en kies dan opnieuw", "this signal has meanwhile been set to '{0}' (it came in with a sync); look at it again, then choose again"),
        [TextId.StoreRowDamaged] = ("Een opgeslagen gegeven kon niet worden gelezen: het bestand is beschadigd of buiten Wijkwerk om gewijzigd. Er is niets gewijzigd. Neem contact op met de beheerder.", "A stored record could not be read: the file is damaged or was changed outside Wijkwerk. Nothing was changed. Contact your administrator."),
        [TextId.SyncServerUrlInvalid] = ("'{0}' is geen geldig serveradres; gebruik bijvoorbeeld https://sync.gemeente.nl", "'{0}' is not a valid server address; use for example https://sync.gemeente.nl"),
        [TextId.SyncHttpRefused] = ("Onversleuteld http mag alleen naar deze computer zelf; gebruik https (of --allow-http als de beheerder dat zegt).", "Unencrypted http is only allowed to this computer itself; use https (or --allow-http if your administrator says so)."),
        [TextId.SyncLoggedIn] = ("Aangemeld als {0} (team: {1}). Gebruik 'wijkwerk sync' om te synchroniseren.", "Enrolled as {0} (team: {1}). Use 'wijkwerk sync' to synchronise."),
        [TextId.SyncFailed] = ("Synchroniseren mislukt: {0} Uw gegevens staan veilig op deze laptop; probeer het later opnieuw.", "Sync failed: {0} Your data is safe on this laptop; try again later."),
        [TextId.SyncNotEnrolled] = ("Deze laptop is nog niet aangemeld. Vraag de beheerder om een code en gebruik 'wijkwerk login --server URL --code CODE'.", "This laptop is not enrolled yet. Ask your administrator for a code and use 'wijkwerk login --server URL --code CODE'."),
        [TextId.SyncDone] = ("Gesynchroniseerd: {0} verstuurd, {1} ontvangen, {2}, {3} geweigerd, {4} verwijderd.", "Synchronised: {0} sent, {1} received, {2}, {3} refused, {4} removed."),
        [TextId.SyncRefusal] = ("Geweigerd door de server: {0} {1}: {2}", "Refused by the server: {0} {1}: {2}"),
        [TextId.SyncNotConverged] = ("Let op: deze laptop en de server zijn het nog niet eens over de inhoud; synchroniseer nog een keer.", "Note: this laptop and the server do not agree on the contents yet; sync once more."),
        [TextId.SyncSetAside] = ("Let op: van wat binnenkwam kon deze laptop {0} niet opslaan; dat is apart gezet en de rest is gesynchroniseerd. Meld dit bij de beheerder.", "Note: of what came in, this laptop could not store {0}; that was set aside and the rest was synchronised. Tell the administrator."),
        [TextId.SyncRepaired] = ("Deze laptop week af van de server en is hersteld: {0} opnieuw van de server gehaald, {1} verwijderd, {2} opnieuw verstuurd.", "This laptop differed from the server and has been repaired: {0} fetched again from the server, {1} removed, {2} sent again."),
        [TextId.SyncRevokedWiped] = ("Deze laptop is ingetrokken door de beheerder. De lokale gegevens zijn gewist.", "This laptop was revoked by the administrator. The local data has been wiped."),
        [TextId.UiSyncBroke] = ("Sync mislukt door een fout; druk F5 opnieuw. Uw werk staat veilig op deze laptop; lukt het weer niet, meld het dan bij de beheerder (details in het logbestand).", "Sync failed with an error; press F5 again. Your work is safe on this laptop; if it fails again, tell your administrator (details in the log file)."),
        [TextId.UiRevokedTitle] = ("Laptop ingetrokken", "Laptop revoked"),
        [TextId.UiRevokedHint] = ("Vraag de beheerder wat u nu moet doen. Druk Enter of q om Wijkwerk af te sluiten.", "Ask your administrator what to do next. Press Enter or q to close Wijkwerk."),
        [TextId.LoginOtherWorkerPending] = ("Aanmelden geweigerd: op deze laptop wacht nog werk van de medewerker die hier eerder was aangemeld ({0}), en dat mag niet onder een andere naam naar de server. Synchroniseer dat eerst als die medewerker ('wijkwerk sync'), of meld u aan met een eigen gegevensmap (--data MAP). Op deze laptop is niets veranderd; de inschrijfcode is wel gebruikt, dus vraag de beheerder om een nieuwe.", "Enrolment refused: work of the worker who was enrolled here before is still waiting ({0}), and it must not reach the server under another name. Sync it first as that worker ('wijkwerk sync'), or enrol with a data folder of your own (--data FOLDER). Nothing was changed on this laptop; the enrolment code has been used, so ask your administrator for a new one."),
        [TextId.UiSyncing] = ("synchroniseren… {0}", "syncing… {0}"),
        [TextId.UiNotEnrolled] = ("lokaal, niet aangemeld", "local, not enrolled"),
        [TextId.UiOnline] = ("online", "online"),
        [TextId.UiLastSync] = ("{0} · sync {1}", "{0} · synced {1}"),
        [TextId.CmdConflicts] = ("Conflicten", "Conflicts"),
        [TextId.CmdKeepSaved] = ("Bewaarde waarde houden", "Keep the saved value"),
        [TextId.CmdTakeOther] = ("Andere waarde nemen", "Take the other value"),
        [TextId.CmdMerge] = ("Samenvoegen", "Merge"),
        [TextId.UiConflictsNone] = ("Geen conflicten: niets wacht op een besluit.", "No conflicts: nothing waits for a decision."),
        [TextId.UiConflictsTitle] = ("Conflicten", "Conflicts"),
        [TextId.UiConflictsHint] = ("Twee collega's wijzigden hetzelfde veld. Kies welke waarde klopt, of voeg ze samen.", "Two colleagues changed the same field. Choose which value is right, or merge them."),
        [TextId.UiConflictDeletion] = ("Verwijderen", "Deletion"),
        [TextId.UiConflictRowDeleted] = ("verwijderd", "deleted"),
        [TextId.UiConflictRowKept] = ("blijft bestaan", "kept"),
        [TextId.UiConflictEditOnDeleted] = ("wijziging op een al verwijderde rij (blijft alleen hier leesbaar)", "a change to a row already deleted (readable here only)"),
        [TextId.UiConflictResolved] = ("Conflict opgelost; de keuze gaat mee met de volgende synchronisatie.", "Conflict resolved; the choice goes along with the next sync."),
        [TextId.UiMergeTitle] = ("Samenvoegen", "Merge"),
        [TextId.UiMergeHint] = ("Maak van beide waarden de juiste tekst en druk Ctrl+S.", "Make both values into the right text and press Ctrl+S."),
        [TextId.SyncPushing] = ("Versturen", "Sending"),
        [TextId.SyncPulling] = ("Ontvangen", "Receiving"),

        // Issue 10, fit and wrap
        [TextId.UiHomeColumnWhen] = ("Wanneer", "When"),
        [TextId.UiStatusPending] = ("{0} wachtend", "{0} pending"),
    };

    private static Dictionary<TextId, (string Nl, string En)> Combine(params Dictionary<TextId, (string Nl, string En)>[] parts)
    {
        var all = new Dictionary<TextId, (string Nl, string En)>();
        foreach (var part in parts)
        {
            foreach (var (id, text) in part)
                all.Add(id, text);
        }

        return all;
    }

    public static string Get(TextId id, Lang lang) => lang == Lang.En ? All[id].En : All[id].Nl;

    /// <summary>Fills in the arguments; enum values appear under their display name in the same language.</summary>
    public static string Format(TextId id, Lang lang, params object[] args) =>
        args.Length == 0
            ? Get(id, lang)
            : string.Format(CultureInfo.InvariantCulture, Get(id, lang), args.Select(a => a switch { TextId t => Get(t, lang), Enum e => EnumTexts.Name(e, lang), Volume v => v.Show(lang), Count c => Plurals.Show(c, lang), _ => a }).ToArray());

    /// <summary>Every id has both languages; a test checks it so a missing sentence never reaches a screen.</summary>
    public static bool IsComplete(out IReadOnlyList<TextId> missing)
    {
        missing = Enum.GetValues<TextId>().Where(id => !All.TryGetValue(id, out var t) || t.Nl.Length == 0 || t.En.Length == 0).ToList();
        return missing.Count == 0;
    }
}
