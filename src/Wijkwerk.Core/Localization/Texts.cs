using System.Globalization;

namespace Wijkwerk.Core.Localization;

/// <summary>
/// Every sentence a person reads, in Dutch and English, in one place. Arguments are filled in with
/// the invariant culture: amounts and dates arrive already formatted.
/// </summary>
public static class Texts
{
    private static readonly Dictionary<TextId, (string Nl, string En)> All = new()
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
        [TextId.ImportMoreProblems] = ("… en nog {0} problemen.", "… and {0} more problems."),
        [TextId.ImportNothingImported] = ("Er is niets geïmporteerd: herstel de regels hierboven en probeer het opnieuw.", "Nothing was imported: fix the lines above and try again."),
        [TextId.ImportDone] = ("{0} cliënten geïmporteerd.", "{0} clients imported."),
        [TextId.ImportUnreadable] = ("het bestand is geen leesbare CSV ({0})", "the file is not readable CSV ({0})"),
        [TextId.ExportWritten] = ("{0} regels geschreven naar {1}.", "{0} rows written to {1}."),
        [TextId.AuditIntact] = ("Auditlog intact: {0} gebeurtenissen gecontroleerd.", "Audit log intact: {0} events checked."),
        [TextId.AuditChanged] = ("Auditlog beschadigd: gebeurtenis {0} is gewijzigd ({1} gebeurtenissen ervoor zijn in orde).", "Audit log broken: event {0} was changed ({1} events before it are intact)."),
        [TextId.AuditMissing] = ("Auditlog beschadigd: gebeurtenis {0} ontbreekt ({1} gebeurtenissen ervoor zijn in orde).", "Audit log broken: event {0} is missing ({1} events before it are intact)."),
        [TextId.AuditTruncated] = ("Auditlog beschadigd: gebeurtenissen vanaf {0} zijn verwijderd.", "Audit log broken: events from {0} on were removed."),
        [TextId.DemoSummary] = ("Demo-omgeving in {0}: {1} cliënten, {2} signalen, {3} huisbezoeken, {4} toestemmingen, {5} huisgenoten.", "Demo store in {0}: {1} clients, {2} signals, {3} home visits, {4} consents, {5} household members."),
        [TextId.DemoExists] = ("Demo-omgeving bestaat al in {0} ({1} cliënten).", "Demo store already exists in {0} ({1} clients)."),
        [TextId.DemoPassphraseHint] = ("Wachtwoordzin van de demo-omgeving: {0}", "Passphrase of the demo store: {0}"),
        [TextId.PassphraseChanged] = ("Wachtwoordzin gewijzigd.", "Passphrase changed."),
        [TextId.PassphraseMismatch] = ("De twee nieuwe wachtwoordzinnen zijn niet gelijk. Er is niets gewijzigd.", "The two new passphrases differ. Nothing was changed."),
        [TextId.PromptRepeatPassphrase] = ("Herhaal de nieuwe wachtwoordzin:", "Repeat the new passphrase:"),
        [TextId.ClientIdInvalid] = ("'{0}' is geen geldig cliëntnummer (een GUID zoals in de export).", "'{0}' is not a valid client id (a GUID as in the export)."),
        [TextId.UnexpectedError] = ("Er ging iets mis ({0}). Details staan in het logbestand in {1}.", "Something went wrong ({0}). Details are in the log file in {1}."),
        [TextId.StoreMissing] = ("Er is nog geen Wijkwerk-gegevensbestand in {0}.", "There is no Wijkwerk store in {0} yet."),
    };

    public static string Get(TextId id, Lang lang) => lang == Lang.En ? All[id].En : All[id].Nl;

    public static string Format(TextId id, Lang lang, params object[] args) =>
        args.Length == 0 ? Get(id, lang) : string.Format(CultureInfo.InvariantCulture, Get(id, lang), args);

    /// <summary>Every id has both languages; a test checks it so a missing sentence never reaches a screen.</summary>
    public static bool IsComplete(out IReadOnlyList<TextId> missing)
    {
        missing = Enum.GetValues<TextId>().Where(id => !All.TryGetValue(id, out var t) || t.Nl.Length == 0 || t.En.Length == 0).ToList();
        return missing.Count == 0;
    }
}
