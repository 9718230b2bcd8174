using System.Globalization;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Exchange;

/// <summary>
/// Minimaatwerk budget requests as files for the privacy officer and the accountant: one row per request with its
/// category, amount, approvers (ids), dates and outcome, never its free text; or a summary per category and period
/// (the Dutch calendar year of the request) that shows how often an alternative was found.
/// </summary>
public static class BudgetExports
{
    public const string RequestsTable = "budget_requests";
    public const string SummaryTable = "budget_summary";

    /// <summary>One row per request, oldest first. The client is an id, never a name; amounts in cents, as in every export.</summary>
    public static ExportTable Requests(LocalStore store, Lang lang = Lang.Nl)
    {
        var requests = store.Budget.All();
        string[] columns =
        [
            "id", "client_id", "team", "categorie", "bedrag_centen", "aangevraagd_op", "aangevraagd_door", "akkoorden", "goedgekeurd_op",
            "uitkomst", "afgesloten_op", "afgesloten_door", "knelpunt",
        ];
        return new ExportTable(
            RequestsTable,
            ExportColumns.Show(columns, lang),
            requests.Select(r => Row(r, BudgetRules.Approvers(r, store.Budget.Votes(r.Id)), lang)).ToList(),
            requests.Select(r => r.ClientId.Value).Distinct().ToList());
    }

    /// <summary>Per period and category: how many requests, the amounts committed and paid, and how each ended; no client in them.</summary>
    public static ExportTable Summary(LocalStore store, Lang lang = Lang.Nl)
    {
        var rows = store.Budget.All()
            .GroupBy(r => (Year: BudgetLedger.YearOf(r), r.Category))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Category)
            .Select(g => Summary(g.Key.Year, g.Key.Category, g.ToList(), lang))
            .ToList();
        return new ExportTable(
            SummaryTable,
            ExportColumns.Show(
                ["periode", "categorie", "verzoeken", "goedgekeurd_centen", "betaald_centen", "alternatief_gevonden", "pct_alternatief", "ingetrokken", "geweigerd", "open"], lang),
            rows,
            []);
    }

    private static string?[] Summary(int year, BudgetCategory category, IReadOnlyList<BudgetRequest> requests, Lang lang)
    {
        int Count(BudgetRequestStatus status) => requests.Count(r => r.Status == status);
        long Cents(BudgetRequestStatus status) => requests.Where(r => r.Status == status).Sum(r => r.Amount.Cents);
        var alternatives = Count(BudgetRequestStatus.AlternativeFound);
        return
        [
            Number(year), EnumTexts.Name(category, lang), Number(requests.Count), Number(Cents(BudgetRequestStatus.Approved)), Number(Cents(BudgetRequestStatus.Paid)),
            Number(alternatives), Number((long)Math.Round(100m * alternatives / requests.Count, MidpointRounding.AwayFromZero)),
            Number(Count(BudgetRequestStatus.Withdrawn)), Number(Count(BudgetRequestStatus.Refused)), Number(Count(BudgetRequestStatus.Requested)),
        ];
    }

    private static string?[] Row(BudgetRequest r, IReadOnlyList<Id<Domain.Teams.Worker>> approvers, Lang lang) =>
    [
        r.Id.ToString(), r.ClientId.ToString(), r.Team, EnumTexts.Name(r.Category, lang), Number(r.Amount.Cents),
        InstantText.Write(r.RequestedAt), r.RequestedBy.ToString(), string.Join(";", approvers),
        r.ApprovedAt is { } approved ? InstantText.Write(approved) : null,
        EnumTexts.Name(r.Status, lang), r.Outcome is { } outcome ? InstantText.Write(outcome.At) : null, r.Outcome?.By.ToString(), r.BottleneckTag,
    ];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
