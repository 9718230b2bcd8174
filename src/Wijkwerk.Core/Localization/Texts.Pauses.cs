namespace Wijkwerk.Core.Localization;

public static partial class Texts
{
    /// <summary>Issue 14: the pause button's and escalation's rules.</summary>
    private static Dictionary<TextId, (string Nl, string En)> Pauses() => new()
    {
        [TextId.PauseEndRequired] = ("is verplicht: een pauze heeft altijd een einddatum, hoogstens {0} weken na de ingang", "is required: a pause always has an end date, at most {0} weeks after it starts"),
        [TextId.PauseEndInPast] = ("ligt in het verleden; kies vandaag ({0}) of later", "is in the past; choose today ({0}) or later"),
        [TextId.PauseEndBeyondMaximum] = ("ligt na het maximum van {0} weken; kies uiterlijk {1}, en verleng de pauze zo nodig later met een reden", "is beyond the maximum of {0} weeks; choose {1} at the latest, and extend the pause later with a reason if needed"),
        [TextId.PauseExtensionNotLater] = ("moet na de huidige einddatum ({0}) liggen; een verlenging maakt de pauze langer", "must be after the current end date ({0}); an extension makes the pause longer"),
        [TextId.EscalationAtTop] = ("staat al op het hoogste niveau (Landelijk Escalatie Team); volg die escalatie op of sluit haar af met de uitkomst", "is already at the highest level (Landelijk Escalatie Team); follow that escalation up or close it with its outcome"),
        [TextId.EscalationSkipsALevel] = ("slaat een stap over: de volgende stap voor deze cliënt is {0}", "skips a step: the next step for this client is {0}"),
        [TextId.EscalationFollowUpNotAhead] = ("moet na vandaag liggen: op die dag kijkt u of de escalatie iets opleverde", "must be after today: on that day you check whether the escalation achieved anything"),
        [TextId.EscalationAlreadyClosed] = ("is al afgesloten op {0}; escaleer zo nodig opnieuw", "was already closed on {0}; escalate again if needed"),
        [TextId.PauseNotHolding] = ("loopt niet meer (opgeheven of geëindigd op {0}); leg zo nodig een nieuwe pauze vast", "no longer holds (lifted, or ended on {0}); record a new pause if needed"),

        // Refusals by the server, shown on the pause and its timeline line.
        [TextId.UiPauseRefused] = ("Niet gesynchroniseerd, de server weigerde deze pauze: {0}. Leg zo nodig een nieuwe pauze vast die aan de regels voldoet.", "Not synced, the server refused this pause: {0}. Record a new pause that meets the rules if needed."),
        [TextId.UiPauseStepRefused] = ("niet gesynchroniseerd, de server weigerde: {0}", "not synced, the server refused: {0}"),
    };
}
