namespace Wijkwerk.Core.Localization;

/// <summary>
/// The names of the fields problems point at. Rules name a field by its Dutch key (the same on the laptop
/// and in the server's sentences); a screen shows it in the reader's language where the form has no label of its own.
/// </summary>
public static class FieldNames
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["aanvraagdatum"] = "aanvraag date",
        ["achternaam"] = "surname",
        ["advies"] = "advice",
        ["bericht"] = "message",
        ["besluit"] = "decision",
        ["bron"] = "source",
        ["datum"] = "date",
        ["doel"] = "purpose",
        ["duur"] = "duration",
        ["eenheid"] = "unit",
        ["frequentie"] = "frequency",
        ["geboortedatum"] = "birth date",
        ["grondslag"] = "legal basis",
        ["huisnummer"] = "house number",
        ["ingediend op"] = "submitted at",
        ["meldingsdatum"] = "melding date",
        ["notitie"] = "note",
        ["notities"] = "notes",
        ["observatie"] = "observation",
        ["omvang"] = "volume",
        ["onderbouwing"] = "rationale",
        ["opsteller"] = "author",
        ["productcategorie"] = "product category",
        ["productcode"] = "product code",
        ["reden"] = "reason",
        ["reden verlenging"] = "reason for the extension",
        ["rol"] = "role",
        ["signaal"] = "signal",
        ["startdatum"] = "start date",
        ["status"] = "status",
        ["team"] = "team",
        ["toelichting toestemming"] = "consent note",
        ["toestemming"] = "consent",
        ["toevoeging"] = "addition",
        ["verlenging"] = "extension",
        ["voorliggende voorzieningen"] = "general provisions considered",
        ["voornaam"] = "first name",
        ["wens van de cliënt"] = "what the client wants",
        ["zrm"] = "ZRM",
    };

    public static string Show(string key, Lang lang) => lang == Lang.En && English.TryGetValue(key, out var name) ? name : key;
}
