using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Indications;
using Wijkwerk.Core.Domain.Indications.Reports;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Indication advice as files: one row per advice in the national iWmo codes, so the municipal system
/// can take it over without retyping, or the agreement report per team and period.
/// </summary>
public static class IndicationExports
{
    public const string AdvicesTable = "indication_advices";
    public const string AdvicesWithTextTable = "indication_advices_with_text";
    public const string AgreementTable = "indication_agreement";

    private static readonly string[] ProvisionColumns = ["productcategorie", "productcode", "omvang", "eenheid", "frequentie", "startdatum", "duur_maanden"];

    private static readonly string[] TextColumns = ["onderbouwing", "voorliggende_voorzieningen", "wens_client", "toelichting_toestemming", "besluit_reden", "verlenging_reden"];

    /// <summary>
    /// One row per advice. The written parts (rationale, alternatives, wishes, reasons) stay out unless
    /// <paramref name="withText"/>: they describe a person's health and home in words that identify them
    /// even without a name, and a spreadsheet of figures does not need them. The client is an id, never a name.
    /// </summary>
    public static ExportTable Advices(LocalStore store, bool withText, Lang lang = Lang.Nl)
    {
        var today = AmsterdamTime.Today(store.Clock);
        var advices = store.Advices.All().OrderBy(a => a.CreatedAt).ThenBy(a => a.Id.Value).ToList();
        string[] columns =
        [
            "id", "client_id", "team", "status", "opsteller", "aangemaakt_op", "ingediend_op", "meldingsdatum", "aanvraagdatum",
            .. ProvisionColumns, "grondslag", "toestemming", "clientondersteuning_aangeboden", "persoonlijk_plan_aangeboden",
            "onderzoek_uiterlijk", "onderzoek_termijn", "beslissing_uiterlijk", "verlengd_tot", "beslissing_termijn",
            "besluit", "besloten_op", "besloten_door", .. ProvisionColumns.Select(c => "besluit_" + c), "gewijzigd", "knelpunt",
            .. withText ? TextColumns : [],
        ];
        return new ExportTable(
            withText ? AdvicesWithTextTable : AdvicesTable,
            ExportColumns.Show(columns, lang),
            advices.Select(a => Row(a, today, withText, lang)).ToList(),
            advices.Select(a => a.ClientId.Value).Distinct().ToList());
    }

    /// <summary>
    /// The agreement report as rows: counts per team and period, no client in them. Its first column is
    /// the team, as a summary has no record id.
    /// </summary>
    public static ExportTable Agreement(LocalStore store, PeriodKind kind, Lang lang = Lang.Nl)
    {
        var report = AgreementReport.Build(store.Advices.All(), kind, AmsterdamTime.Today(store.Clock));
        return new ExportTable(
            AgreementTable,
            ExportColumns.Show(["team", "periode", "van", "tot", "zoals_geadviseerd", "aangepast", "afgewezen", "besloten", "pct_zoals_geadviseerd", "op_tijd", "te_laat"], lang),
            report.Rows.Select(r => new string?[]
            {
                r.Team, r.Period.Code, DateText.Iso(r.Period.First), DateText.Iso(r.Period.Last), Number(r.AsAdvised), Number(r.Adjusted),
                Number(r.Rejected), Number(r.Decided), r.PercentAsAdvised?.ToString("0.0", CultureInfo.InvariantCulture), Number(r.InTime), Number(r.Late),
            }).ToList(),
            []);
    }

    private static string?[] Row(IndicationAdvice a, DateOnly today, bool withText, Lang lang)
    {
        var content = a.Content;
        var clocks = a.Clocks.All(today);
        var investigation = clocks[0];
        var decision = clocks.Count > 1 ? clocks[1] : null;
        var decided = a.Decision?.Decided;
        string?[] row =
        [
            a.Id.ToString(), a.ClientId.ToString(), a.Team, EnumTexts.Name(a.Status, lang), a.Author.ToString(), InstantText.Write(a.CreatedAt),
            Instant(a.SubmittedAt), DateText.Iso(content.MeldingDate), Date(content.AanvraagDate),
            .. Provision(content.Provision), EnumTexts.Name(content.LegalBasis, lang), EnumTexts.Name(content.Consent, lang),
            ExportColumns.Flag(content.ClientSupportOffered, lang), ExportColumns.Flag(content.PersonalPlanOffered, lang),
            DateText.Iso(investigation.Due), EnumTexts.Name(investigation.State, lang), Date(decision?.Due), Date(a.Extension?.Until),
            decision is null ? null : EnumTexts.Name(decision.State, lang),
            a.Decision is null ? null : EnumTexts.Name(a.Status, lang), Instant(a.Decision?.At), a.Decision?.By.ToString(),
            .. decided is null ? new string?[ProvisionColumns.Length] : Provision(decided),
            decided is null || a.Status != AdviceStatus.Adjusted ? null : string.Join("; ", decided.ChangesFrom(content.Provision).Select(p => EnumTexts.Name(p, lang))),
            ExportColumns.Optional(a.BottleneckTag),
        ];
        return withText
            ? [.. row, content.Rationale, content.AlternativesConsidered, content.ClientWishes, content.ConsentNote, a.Decision?.Reason, a.Extension?.Reason]
            : row;
    }

    /// <summary>The iWmo codes as the municipal system reads them: category "01", unit "04", frequency "2"; euro amounts in cents.</summary>
    private static string?[] Provision(Provision p) =>
    [
        p.Category.Code(), p.ProductCode.Length == 0 ? null : p.ProductCode, Number(p.Volume.Amount), p.Volume.Unit.Code(), p.Volume.Frequency.Code(),
        DateText.Iso(p.Start), p.DurationMonths is { } months ? Number(months) : null,
    ];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date is { } d ? DateText.Iso(d) : null;

    private static string? Instant(DateTimeOffset? instant) => instant is { } i ? InstantText.Write(i) : null;
}
