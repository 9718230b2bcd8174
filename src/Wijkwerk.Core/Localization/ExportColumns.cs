using System.Globalization;
using System.Text;

namespace Wijkwerk.Core.Localization;

/// <summary>
/// The column names and yes/no values of export files. The code names a column by its Dutch key, which is
/// what a Dutch reader gets; <c>--lang en</c> gives the English name. Values of the domain's lists come from
/// <see cref="EnumTexts"/>, the same names the screens show.
/// </summary>
public static class ExportColumns
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["voornaam"] = "first_name",
        ["tussenvoegsel"] = "prefix",
        ["achternaam"] = "surname",
        ["geboortedatum"] = "birth_date",
        ["huisnummer"] = "house_number",
        ["toevoeging"] = "addition",
        ["telefoon"] = "phone",
        ["notities"] = "notes",
        ["bron"] = "source",
        ["bron_anders"] = "source_other",
        ["observatie"] = "observation",
        ["levensdomeinen"] = "life_domains",
        ["urgentie"] = "urgency",
        ["gemeld_op"] = "reported_at",
        ["opgepakt_op"] = "picked_up_at",
        ["toegewezen_aan"] = "assigned_to",
        ["datum"] = "date",
        ["medewerker"] = "worker",
        ["zrm_versie"] = "zrm_version",
        ["gebeurtenis"] = "event",
        ["tijdstip_utc"] = "time_utc",
        ["rol"] = "role",
        ["apparaat"] = "device",
        ["uitkomst"] = "outcome",
        ["opsteller"] = "author",
        ["aangemaakt_op"] = "created_at",
        ["ingediend_op"] = "submitted_at",
        ["meldingsdatum"] = "melding_date",
        ["aanvraagdatum"] = "aanvraag_date",
        ["productcategorie"] = "product_category",
        ["productcode"] = "product_code",
        ["omvang"] = "volume",
        ["eenheid"] = "unit",
        ["frequentie"] = "frequency",
        ["startdatum"] = "start_date",
        ["duur_maanden"] = "duration_months",
        ["grondslag"] = "legal_basis",
        ["toestemming"] = "consent",
        ["clientondersteuning_aangeboden"] = "client_support_offered",
        ["persoonlijk_plan_aangeboden"] = "personal_plan_offered",
        ["onderzoek_uiterlijk"] = "investigation_due",
        ["onderzoek_termijn"] = "investigation_term",
        ["beslissing_uiterlijk"] = "decision_due",
        ["verlengd_tot"] = "extended_until",
        ["beslissing_termijn"] = "decision_term",
        ["besluit"] = "decision",
        ["besloten_op"] = "decided_at",
        ["besloten_door"] = "decided_by",
        ["gewijzigd"] = "changed",
        ["onderbouwing"] = "rationale",
        ["voorliggende_voorzieningen"] = "general_provisions_considered",
        ["wens_client"] = "client_wishes",
        ["toelichting_toestemming"] = "consent_note",
        ["besluit_reden"] = "decision_reason",
        ["verlenging_reden"] = "extension_reason",
        ["periode"] = "period",
        ["van"] = "from",
        ["tot"] = "to",
        ["zoals_geadviseerd"] = "as_advised",
        ["aangepast"] = "adjusted",
        ["afgewezen"] = "rejected",
        ["besloten"] = "decided",
        ["pct_zoals_geadviseerd"] = "pct_as_advised",
        ["op_tijd"] = "in_time",
        ["te_laat"] = "late",

        // Issue 11: mandate decisions
        ["mandaat_id"] = "mandate_id",
        ["afdeling"] = "department",
        ["overruled_regel"] = "rule_overridden",
        ["knelpunt"] = "bottleneck",
        ["uitvoerende_afdeling"] = "carried_out_by",
        ["eigen_kosten_centen"] = "own_cost_cents",
        ["vermeden_kosten_centen"] = "avoided_cost_cents",
        ["netto_rendement_centen"] = "net_return_cents",
        ["verhouding"] = "ratio",
        ["horizon_maanden"] = "horizon_months",
        ["kostentabel_versie"] = "cost_table_version",
        ["inwoner_gehoord"] = "resident_heard",
        ["opvolgdatum"] = "follow_up_date",
        ["opvolging"] = "follow_up",
        ["opgevolgd_op"] = "followed_up_at",
        ["opgevolgd_door"] = "followed_up_by",
        ["aanvullingen"] = "addenda",
        ["eerder_geweigerd"] = "refused_before",
        ["contactpersoon"] = "contact",
        ["legitimiteit"] = "legitimacy",
        ["betrokkenheid"] = "engagement",
        ["hoe_afgelopen"] = "how_it_ended",
        ["soort"] = "kind",
        ["waarde"] = "value",
        ["besluiten"] = "decisions",
        ["uitgevoerd"] = "carried_out",
        ["deels_uitgevoerd"] = "partly_carried_out",
        ["niet_uitgevoerd"] = "not_carried_out",
        ["nog_niet_opgevolgd"] = "no_follow_up_yet",

        // Issue 12: minimaatwerk budget requests
        ["categorie"] = "category",
        ["bedrag_centen"] = "amount_cents",
        ["uitkomst"] = "outcome",
        ["aangevraagd_op"] = "requested_at",
        ["aangevraagd_door"] = "requested_by",
        ["akkoorden"] = "approvers",
        ["goedgekeurd_op"] = "approved_at",
        ["afgesloten_op"] = "closed_at",
        ["afgesloten_door"] = "closed_by",
        ["verzoeken"] = "requests",
        ["goedgekeurd_centen"] = "committed_cents",
        ["betaald_centen"] = "paid_cents",
        ["alternatief_gevonden"] = "alternative_found",
        ["pct_alternatief"] = "pct_alternative",
        ["ingetrokken"] = "withdrawn",
        ["geweigerd"] = "refused",
        ["open"] = "open",

        // Issue 13: revolving-fund requests and the half-year review
        ["wie_had_moeten_betalen"] = "who_should_have_paid",
        ["duurzaam_verwacht"] = "durable_expected",
        ["besloten_op"] = "decided_at",
        ["uitbetalen_uiterlijk"] = "payout_due",
        ["te_laat"] = "late",
        ["uitbetaald_op"] = "paid_out_at",
        ["geevalueerd_op"] = "evaluated_at",
        ["gewerkt"] = "worked",
        ["duurzaam"] = "durable",
        ["verrekend_op"] = "settled_at",
        ["verschuldigd_centen"] = "owed_cents",
        ["terugbetaald_centen"] = "repaid_cents",
        ["indeling"] = "breakdown",
        ["naam"] = "name",
        ["uitbetaald_centen"] = "paid_out_cents",
        ["pct_terugbetaald"] = "pct_repaid",
        ["geevalueerd"] = "evaluated",
        ["niet_duurzaam"] = "not_durable",
        // Task T: the social return of fund requests in the half-year review
        ["met_berekening"] = "with_calculation",

        // Issue 14: escalations and pauses
        ["niveau"] = "level",
        ["geescaleerd_op"] = "escalated_on",
        ["geescaleerd_door"] = "escalated_by",
        ["opvolgen_nodig"] = "follow_up_due",
        ["ingang"] = "starts_on",
        ["einddatum"] = "ends_on",
        ["oorspronkelijke_einddatum"] = "original_end",
        ["verlengingen"] = "extensions",
        ["stand"] = "state",
        ["opgeheven_op"] = "lifted_on",
        ["vastgelegd_door"] = "recorded_by",
        // Issue 14 item 2: the werktafel's patterns
        ["zaken"] = "cases",
        ["clienten"] = "clients",
        ["uitgegeven_centen"] = "spent_cents",
        ["per_budget"] = "by_budget",
        ["afdelingen"] = "departments",
        ["betrokken_teams"] = "teams_involved",
        ["eerste_zaak"] = "first_case",
        ["laatste_zaak"] = "last_case",
        ["gesignaleerd_op"] = "raised_at",
        ["laatste_stap_op"] = "last_step_at",
        ["toelichting_laatste_stap"] = "last_step_note",
        ["oplossing"] = "fix",
        ["oplossing_wie"] = "fix_who",
        ["oplossing_uiterlijk"] = "fix_by",
    };

    /// <summary>Keys that read the same in both languages: ids, codes and loan words.</summary>
    public static readonly IReadOnlySet<string> SameInEnglish = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "client_id", "bsn", "postcode", "deadline", "status", "team", "details",
    };

    public static IReadOnlyList<string> Show(IEnumerable<string> keys, Lang lang) => keys.Select(k => Show(k, lang)).ToList();

    /// <summary>A decision's columns repeat the advice's with a prefix: "besluit_omvang" is "decision_volume".</summary>
    public static string Show(string key, Lang lang)
    {
        if (lang != Lang.En)
            return key;
        if (English.TryGetValue(key, out var name))
            return name;
        return key.StartsWith("besluit_", StringComparison.Ordinal) && English.TryGetValue(key["besluit_".Length..], out var part) ? "decision_" + part : key;
    }

    /// <summary>A column per value of a list, named after the value as the reader reads it: "zrm_financien", "zrm_finances".</summary>
    public static string For(string prefix, Enum value, Lang lang) => prefix + "_" + Slug(EnumTexts.Name(value, lang));

    /// <summary>An optional text left empty as an empty cell (null), not as "" that reads like a value.</summary>
    public static string? Optional(string text) => text.Length == 0 ? null : text;

    public static string Flag(bool value, Lang lang) => (value, lang) switch
    {
        (true, Lang.En) => "yes",
        (false, Lang.En) => "no",
        (true, _) => "ja",
        _ => "nee",
    };

    /// <summary>Lower case letters and digits joined by one underscore, accents dropped, so the name works as a spreadsheet or JSON key.</summary>
    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '_')
                slug.Append('_');
        }

        return slug.ToString().TrimEnd('_');
    }
}
