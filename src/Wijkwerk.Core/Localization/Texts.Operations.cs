namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 15 items 6 and 7: the server's backup and the retention purge.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Operations() => new()
    {
        [TextId.CliServerBackup] = ("Maakt een back-up van de serveropslag, ook terwijl de server draait", "Backs up the server store, also while the server runs"),
        [TextId.CliServerBackupOut] = ("Het bestand waarin de back-up komt; het mag nog niet bestaan", "The file the backup goes to; it must not exist yet"),
        [TextId.CliServerBackupForce] = ("Vervangt een bestaand bestand (pas nadat de nieuwe back-up helemaal geschreven is)", "Replaces an existing file (only once the new backup is written completely)"),
        [TextId.CliServerRetention] = ("Bewaartermijnen volgens de selectielijst", "Retention periods per the municipal schedule"),
        [TextId.CliServerRetentionPurge] = (
            "Verwijdert Wmo-dossiers 15 jaar na de laatste voorziening (zonder voorziening 5 jaar na de laatste activiteit) en de toegangslog na 5 jaar",
            "Removes Wmo files 15 years after the last provision ended (without one, 5 years after the last activity) and the access log after 5 years"),
        [TextId.CliServerRetentionDryRun] = ("Toont alleen wat zou vervallen (aantallen en id's, nooit namen) en wijzigt niets", "Only shows what would go (counts and ids, never names) and changes nothing"),
        [TextId.CliServerStoreCommand] = ("De opslag van de server zelf", "The server's store itself"),
        [TextId.CliServerStoreFinishUpdate] = (
            "Rondt een update af; pas uitvoeren als elke serverinstantie op deze opslag deze versie draait: daarna wordt de opslag in de nieuwste vorm geschreven",
            "Finishes an update; run it only once every server instance on this store runs this version: the store is then written in the newest format"),
        [TextId.StoreFinishedUpdate] = (
            "De update is afgerond voor {0}: kolomstempels worden voortaan per groep geschreven (kleiner). Een oudere wijkwerk-server die nog op deze opslag draait, kan de rijen die nu geschreven worden niet lezen.",
            "The update is finished for {0}: column stamps are written in groups from now on (smaller). An older wijkwerk-server still running on this store cannot read the rows written from now on."),
        [TextId.StoreAlreadyUpdated] = (
            "{0} wordt al in de nieuwste vorm geschreven; er is niets veranderd.",
            "{0} is already written in the newest format; nothing changed."),
        [TextId.BackupTargetExists] = (
            "'{0}' bestaat al; er is niets geschreven. Kies een nieuwe bestandsnaam, of geef --force om dit bestand te vervangen.",
            "'{0}' already exists; nothing was written. Choose a new file name, or pass --force to replace this file."),
        [TextId.BackupTargetIsFolder] = (
            "'{0}' is een map; er is niets geschreven. Geef met --out een bestandsnaam in die map, zoals {1}.",
            "'{0}' is a folder; nothing was written. Give --out a file name in that folder, such as {1}."),
        [TextId.BackupTargetUnwritable] = (
            "De back-up kan niet in '{0}' worden geschreven: {1}. Kies met --out een pad in een bestaande map waarin deze gebruiker mag schrijven.",
            "The backup cannot be written to '{0}': {1}. Give --out a path in an existing folder this user may write to."),
        [TextId.BackupWritten] = (
            "Back-up van '{0}' geschreven naar '{1}' ({2} bytes). Bewaar hem versleuteld: hij bevat alle cliëntgegevens leesbaar.",
            "Backup of '{0}' written to '{1}' ({2} bytes). Keep it encrypted: it holds every client's data in plain text."),
        [TextId.BackupReasonNoFolder] = ("die map bestaat niet", "that folder does not exist"),
        [TextId.BackupReasonNoPermission] = ("deze gebruiker mag daar niet schrijven", "this user may not write there"),
        [TextId.RetentionHeader] = ("Bewaartermijnen volgens de selectielijst, peildatum {0}.", "Retention periods per the municipal schedule, reference day {0}."),
        [TextId.RetentionFilesExpired] = ("Cliëntdossiers waarvan de bewaartermijn verstreken is: {0}.", "Client files whose retention period has passed: {0}."),
        [TextId.RetentionFilesPurged] = (
            "Cliëntdossiers verwijderd: {0}. Elke rij is nu een tombstone zonder inhoud; de laptops verwijderen ze bij hun volgende synchronisatie.",
            "Client files removed: {0}. Every row is now a tombstone without content; the laptops remove them at their next sync."),
        [TextId.RetentionClientLine] = ("  cliënt {0}: {1}", "  client {0}: {1}"),
        [TextId.RetentionKinds] = ("Rijen per soort: {0}", "Rows per kind: {0}"),
        [TextId.RetentionAuditExpired] = (
            "Toegangslog van vóór {0}: {1} gebeurtenissen van laptops en {2} leveringen door de server vervallen.",
            "Access log before {0}: {1} events from laptops and {2} deliveries by the server have expired."),
        [TextId.RetentionAuditPurged] = (
            "Toegangslog van vóór {0}: {1} gebeurtenissen van laptops en {2} leveringen door de server verwijderd.",
            "Access log before {0}: {1} events from laptops and {2} deliveries by the server removed."),
        [TextId.RetentionDryRun] = ("Proefdraai: er is niets gewijzigd. Laat --dry-run weg om dit te verwijderen.", "Dry run: nothing was changed. Leave out --dry-run to remove this."),
    };
}
