using System.Globalization;
using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// A budget request and its votes as the column texts that travel and are stored. A vote is its own row, only ever
/// inserted, so colleagues voting offline never write the same row. Laptop and server read rows through this code.
/// </summary>
public static class BudgetColumns
{
    public const string RequestTable = "budget_requests";
    public const string VoteTable = "budget_votes";

    /// <summary>The columns the status moves write; every other column is fixed when the request is made.</summary>
    public static IReadOnlyList<string> StatusColumns { get; } = ["status", "approved_at", "outcome_at", "outcome_by", "outcome_note"];

    public static IReadOnlyList<string> Request { get; } =
    [
        "client_id", "team", "requested_by", "requested_at", "what", "supplier_name", "supplier_reference", "amount_cents", "category",
        "why_no_regular_route", "legitimacy", "engagement", "resident_heard",
        "own_cost", "avoided_cost", "net_return", "return_ratio", "horizon_months", "cost_table_version", "avoided_routes",
        "bottleneck_tag", .. StatusColumns,
    ];

    public static IReadOnlyList<string> Vote { get; } = ["request_id", "voter", "at", "kind", "alternative"];

    /// <summary>Free text about the client, the supplier and the people involved: sealed on the laptop. Amount, category, team and tag stay plain for counting.</summary>
    public static IReadOnlyList<string> RequestSecrets { get; } =
        ["what", "supplier_name", "supplier_reference", "why_no_regular_route", .. TriangleColumns.Secrets, "outcome_note"];

    public static IReadOnlyList<string> VoteSecrets { get; } = ["alternative"];

    public static Dictionary<string, string?> ToColumns(BudgetRequest r)
    {
        var columns = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["client_id"] = r.ClientId.ToString(),
            ["team"] = r.Team,
            ["requested_by"] = r.RequestedBy.ToString(),
            ["requested_at"] = InstantText.Write(r.RequestedAt),
            ["what"] = r.What,
            ["supplier_name"] = r.Supplier.Name,
            ["supplier_reference"] = r.Supplier.InvoiceReference,
            ["amount_cents"] = r.Amount.Cents.ToString(CultureInfo.InvariantCulture),
            ["category"] = r.Category.ToString(),
            ["why_no_regular_route"] = r.WhyNoRegularRoute,
            ["bottleneck_tag"] = r.BottleneckTag,
            ["status"] = r.Status.ToString(),
            ["approved_at"] = r.ApprovedAt is { } approved ? InstantText.Write(approved) : null,
            ["outcome_at"] = r.Outcome is { } outcome ? InstantText.Write(outcome.At) : null,
            ["outcome_by"] = r.Outcome?.By.ToString(),
            ["outcome_note"] = r.Outcome?.Note ?? "",
        };
        TriangleColumns.Write(r.Triangle, columns);
        return columns;
    }

    /// <summary>Reads a stored or pushed row; a value that is not what <see cref="ToColumns(BudgetRequest)"/> writes is named as a problem.</summary>
    public static Parsed<BudgetRequest> FromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            BudgetOutcome? outcome = null;
            if (r.Has("outcome_at"))
                outcome = new BudgetOutcome(r.Instant("outcome_at"), new Id<Worker>(r.Guid("outcome_by")), r.Text("outcome_note"));
            else if (r.Has("outcome_by") || r.Has("outcome_note"))
                throw new ColumnException("outcome_at", null);
            return Parsed<BudgetRequest>.Ok(new BudgetRequest(
                new Id<BudgetRequest>(id), new Id<Client>(r.Guid("client_id")), r.Text("team"), new Id<Worker>(r.Guid("requested_by")), r.Instant("requested_at"),
                r.Text("what"), new InKindSupplier(r.Text("supplier_name"), r.Text("supplier_reference")), new Money(r.Long("amount_cents")),
                r.Enum<BudgetCategory>("category"), r.Text("why_no_regular_route"), TriangleColumns.Read(r), r.Text("bottleneck_tag"),
                r.Enum<BudgetRequestStatus>("status"), r.OptionalInstant("approved_at"), outcome));
        }
        catch (ColumnException e)
        {
            return Parsed<BudgetRequest>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }

    public static Dictionary<string, string?> ToColumns(BudgetVote v) => new(StringComparer.Ordinal)
    {
        ["request_id"] = v.RequestId.ToString(),
        ["voter"] = v.Voter.ToString(),
        ["at"] = InstantText.Write(v.At),
        ["kind"] = v.Kind.ToString(),
        ["alternative"] = v.Alternative,
    };

    public static Parsed<BudgetVote> VoteFromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            return Parsed<BudgetVote>.Ok(new BudgetVote(
                new Id<BudgetVote>(id), new Id<BudgetRequest>(r.Guid("request_id")), new Id<Worker>(r.Guid("voter")), r.Instant("at"),
                r.Enum<VoteKind>("kind"), r.Text("alternative")));
        }
        catch (ColumnException e)
        {
            return Parsed<BudgetVote>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }
}
