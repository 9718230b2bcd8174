namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Forms and the status line: what the connection is, confirms before a step that cannot be undone, volume amounts.</summary>
    private static Dictionary<TextId, (string Nl, string En)> FormsAndStatus() => new()
    {
        [TextId.UiConnectionUnknown] = ("verbinding nog onbekend", "connection not yet known"),
        [TextId.UiAdviceSubmitQuestion] = ("Dit advies indienen bij de Wmo-consulent? Daarna kunt u het alleen nog wijzigen als de consulent een vraag stelt.", "Submit this advice to the Wmo consultant? After that you can only change it when the consultant asks a question."),
        [TextId.VolumeWholeMinutes] = ("komt niet uit op hele minuten; kies de eenheid minuut en vul bijvoorbeeld {0} in", "does not come to whole minutes; choose the unit minute and fill in for example {0}"),
        [TextId.VolumeWholePieces] = ("moet bij stuks een heel getal zijn, zoals 2", "must be a whole number for pieces, like 2"),
        [TextId.UiSignalMoveQuestion] = ("Signaal op '{0}' zetten? Dat kan daarna niet terug.", "Set the signal to '{0}'? That cannot be undone."),
        [TextId.UiConflictResolveQuestion] = ("'{0}' houden en de andere waarde laten vallen?", "Keep '{0}' and drop the other value?"),

        // Issue 10 leftovers (wt-ui10).
        [TextId.VolumeEnteredUnitMismatch] = ("de ingevoerde eenheid {0} past niet bij deze omvang: alleen minuten worden in een andere tijdseenheid ingevoerd, met hoogstens twee decimalen; vul de omvang opnieuw in", "the unit entered, {0}, does not fit this volume: only minutes are entered in another unit of time, with at most two decimals; fill in the volume again"),
        [TextId.UiConflictColumnField] = ("Veld", "Field"),
    };
}
