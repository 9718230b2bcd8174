namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 14 (wt-escal): escalation and the pause button stored, on screen, on home and in the export.</summary>
    private static Dictionary<TextId, (string Nl, string En)> EscalationsAndPauses() => new()
    {
        [TextId.PauseFixed] = ("wordt niet gewijzigd of verwijderd; hef de pauze op of verleng haar met een reden, als nieuwe stap", "is never changed or removed; lift or extend the pause with a reason, as a new step"),
        [TextId.EscalationFixed] = ("wordt niet gewijzigd of verwijderd; sluit de escalatie af met de uitkomst, of escaleer naar het volgende niveau", "is never changed or removed; close the escalation with its outcome, or escalate to the next level"),
    };
}
