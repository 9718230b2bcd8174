using System.Globalization;

namespace Wijkwerk.Core.Localization;

/// <summary>The things the program counts in a sentence; each has its singular and plural in both languages.</summary>
public enum Noun
{
    Field,
    Conflict,
    Row,
    Line,
    Change,
    Signal,
    HomeVisit,
    Client,
    Advice,
    IndicationAdvice,
    Consent,
    HouseholdMember,
    Event,
    Day,
    Month,
    Minute,
    BudgetRequest,
}

/// <summary>
/// A number with what it counts, as an argument of <see cref="Texts.Format"/>: it shows as "1 signaal" or
/// "2 signalen", so no sentence needs "signaal/signalen" or "veld(en)".
/// </summary>
public readonly record struct Count(long Number, Noun Noun);

/// <summary>The one place where a count meets its noun: singular for exactly one, plural otherwise (also for 0, as in Dutch and English).</summary>
public static class Plurals
{
    private static readonly Dictionary<Noun, (string NlOne, string NlMany, string EnOne, string EnMany)> Nouns = new()
    {
        [Noun.Field] = ("veld", "velden", "field", "fields"),
        [Noun.Conflict] = ("conflict", "conflicten", "conflict", "conflicts"),
        [Noun.Row] = ("rij", "rijen", "row", "rows"),
        [Noun.Line] = ("regel", "regels", "line", "lines"),
        [Noun.Change] = ("wijziging", "wijzigingen", "change", "changes"),
        [Noun.Signal] = ("signaal", "signalen", "signal", "signals"),
        [Noun.HomeVisit] = ("huisbezoek", "huisbezoeken", "home visit", "home visits"),
        [Noun.Client] = ("cliënt", "cliënten", "client", "clients"),
        [Noun.Advice] = ("advies", "adviezen", "advice", "advices"),
        [Noun.IndicationAdvice] = ("indicatieadvies", "indicatieadviezen", "indication advice", "indication advices"),
        [Noun.Consent] = ("toestemming", "toestemmingen", "consent", "consents"),
        [Noun.HouseholdMember] = ("huisgenoot", "huisgenoten", "household member", "household members"),
        [Noun.Event] = ("gebeurtenis", "gebeurtenissen", "event", "events"),
        [Noun.Day] = ("dag", "dagen", "day", "days"),
        [Noun.Month] = ("maand", "maanden", "month", "months"),
        [Noun.Minute] = ("minuut", "minuten", "minute", "minutes"),
        [Noun.BudgetRequest] = ("verzoek", "verzoeken", "request", "requests"),
    };

    /// <summary>The noun alone, in the form that goes with the number ("1 cliënt", "van 24 cliënten").</summary>
    public static string NounFor(long number, Noun noun, Lang lang) => Choose(number, Nouns[noun], lang);

    /// <summary>The form of a word that goes with the number, from its four forms; also for the iWmo units of a volume.</summary>
    public static string Choose(long number, (string NlOne, string NlMany, string EnOne, string EnMany) forms, Lang lang)
    {
        var (nlOne, nlMany, enOne, enMany) = forms;
        return (lang, number == 1) switch
        {
            (Lang.En, true) => enOne,
            (Lang.En, false) => enMany,
            (_, true) => nlOne,
            _ => nlMany,
        };
    }

    public static string Show(Count count, Lang lang) =>
        $"{count.Number.ToString(CultureInfo.InvariantCulture)} {NounFor(count.Number, count.Noun, lang)}";
}
