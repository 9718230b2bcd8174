using System.Globalization;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Revolving-fund requests as files for the secretariat and the partners' directors: one row per request with its
/// bottleneck, responsible partner, amount, steps, evaluation, repayment and social return, never its free text; or
/// the half-year review: per half year a total line (with the avoided cost of the requests that carry a social
/// return), then one line per bottleneck and per partner that caused requests.
/// </summary>
public static class FundExports
{
    public const string RequestsTable = "fund_requests";
    public const string SummaryTable = "fund_review";

    /// <summary>One row per request, oldest first. The client is an id, never a name; amounts in cents, as in every export.</summary>
    public static ExportTable Requests(LocalStore store, Lang lang = Lang.Nl)
    {
        var requests = store.Fund.All();
        var today = store.Fund.Today;
        var repaid = store.Fund.AllRepayments().GroupBy(r => r.RequestId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount.Cents));
        string[] columns =
        [
            "id", "client_id", "team", "bedrag_centen", "aangevraagd_op", "aangevraagd_door", "wie_had_moeten_betalen", "knelpunt", "duurzaam_verwacht",
            "status", "besloten_op", "uitbetalen_uiterlijk", "te_laat", "uitbetaald_op", "geevalueerd_op", "gewerkt", "duurzaam", "verrekend_op",
            "verschuldigd_centen", "terugbetaald_centen",
            "vermeden_kosten_centen", "netto_rendement_centen", "verhouding", "horizon_maanden", "kostentabel_versie",
        ];
        return new ExportTable(
            RequestsTable,
            ExportColumns.Show(columns, lang),
            requests.Select(r => Row(r, repaid.GetValueOrDefault(r.Id), today, lang)).ToList(),
            requests.Select(r => r.ClientId.Value).Distinct().ToList());
    }

    /// <summary>The half-year review (<see cref="FundReview"/>); no client in it.</summary>
    public static ExportTable Summary(LocalStore store, Lang lang = Lang.Nl)
    {
        var rows = new List<string?[]>();
        foreach (var period in store.Fund.Review())
        {
            var name = Texts.Format(TextId.FundHalfYear, lang, period.Period.Year, period.Period.Half);
            rows.Add(
            [
                name, Texts.Get(TextId.FundExportTotal, lang), "", Number(period.Requests), Number(period.Refused), Number(period.Requested.Cents),
                Number(period.PaidOut.Cents), Number(period.Owed.Cents), Number(period.Repaid.Cents), Percent(period.RepaidShare),
                Number(period.Evaluated), Number(period.Worked), Number(period.Durable), Number(period.Evaluated - period.Durable),
                Number(period.WithFigures), Number(period.AvoidedCost.Cents), Number(period.NetReturn.Cents),
            ]);
            rows.AddRange(period.PerBottleneck.Select(l => Line(name, Texts.Get(TextId.FundExportBottleneck, lang), l.Key, l)));
            rows.AddRange(period.PerPartner.Select(l => Line(name, Texts.Get(TextId.FundExportPartner, lang), l.Key.Length == 0 ? Texts.Get(TextId.FundUnique, lang) : l.Key, l)));
        }

        return new ExportTable(
            SummaryTable,
            ExportColumns.Show(
            [
                "periode", "indeling", "naam", "verzoeken", "geweigerd", "bedrag_centen", "uitbetaald_centen", "verschuldigd_centen", "terugbetaald_centen",
                "pct_terugbetaald", "geevalueerd", "gewerkt", "duurzaam", "niet_duurzaam",
                "met_berekening", "vermeden_kosten_centen", "netto_rendement_centen",
            ], lang),
            rows,
            []);
    }

    private static string?[] Line(string period, string breakdown, string name, ReviewLine l) =>
    [
        period, breakdown, name, Number(l.Requests), null, Number(l.Amount.Cents), null, Number(l.Owed.Cents), Number(l.Repaid.Cents),
        Percent(l.Owed.Cents == 0 ? null : (decimal)l.Repaid.Cents / l.Owed.Cents), null, null, null, null,
        null, null, null,
    ];

    private static string?[] Row(FundRequest r, long repaid, DateOnly today, Lang lang) =>
    [
        .. Steps(r, repaid, today, lang), .. Figures(r.Triangle.SocialReturn),
    ];

    /// <summary>The social return as the mandate export writes it; empty when the request has no calculation.</summary>
    private static string?[] Figures(SocialReturn? f) => f is null
        ? [null, null, null, null, null]
        : [Number(f.AvoidedCost.Cents), Number(f.NetReturn.Cents), f.Ratio?.ToString("0.00", CultureInfo.InvariantCulture), Number(f.HorizonMonths), Number(f.CostTableVersion)];

    private static string?[] Steps(FundRequest r, long repaid, DateOnly today, Lang lang) =>
    [
        r.Id.ToString(), r.ClientId.ToString(), r.Team, Number(r.Amount.Cents), InstantText.Write(r.RequestedAt), r.RequestedBy.ToString(),
        r.ResponsiblePartner ?? Texts.Get(TextId.FundUnique, lang), r.BottleneckTag, ExportColumns.Flag(r.DurableExpected, lang),
        EnumTexts.Name(r.Status, lang), Instant(r.Decision?.At), r.PayoutDue is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ExportColumns.Flag(r.IsPayoutLate(today), lang), Instant(r.Payout?.At), Instant(r.Evaluation?.At),
        r.Evaluation is { } e ? ExportColumns.Flag(e.Worked, lang) : null, r.Evaluation is { } d ? ExportColumns.Flag(d.Durable, lang) : null,
        Instant(r.Settlement?.At), r.Settlement is null ? null : Number(r.Amount.Cents), Number(repaid),
    ];

    private static string? Instant(DateTimeOffset? at) => at is { } value ? InstantText.Write(value) : null;

    private static string? Percent(decimal? share) => share is { } s ? Number((long)Math.Round(100m * s, MidpointRounding.AwayFromZero)) : null;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
