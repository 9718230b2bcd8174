namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 14 (wt-escal): escalation and the pause button stored, on screen, on home and in the export.</summary>
    private static Dictionary<TextId, (string Nl, string En)> EscalationsAndPauses() => new()
    {
        [TextId.PauseFixed] = ("wordt niet gewijzigd of verwijderd; hef de pauze op of verleng haar met een reden, als nieuwe stap", "is never changed or removed; lift or extend the pause with a reason, as a new step"),
        [TextId.EscalationFixed] = ("wordt niet gewijzigd of verwijderd; sluit de escalatie af met de uitkomst, of escaleer naar het volgende niveau", "is never changed or removed; close the escalation with its outcome, or escalate to the next level"),
        [TextId.CliServerPause] = ("De pauzeknop: hoe lang een pauze hoogstens mag duren.", "The pause button: how long a pause may run at most."),
        [TextId.CliServerPauseSettings] = ("Toont de maximale duur van een pauze, of stelt haar in met --max-weeks.", "Shows the maximum length of a pause, or sets it with --max-weeks."),
        [TextId.CliServerPauseMaxWeeks] = ("Het maximum in weken (1 tot en met 52; standaard 8).", "The maximum in weeks (1 to 52; default 8)."),
    };
}
