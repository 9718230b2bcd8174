using System.Globalization;
using System.Text.Json;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// A fund request and its repayments as the column texts that travel and are stored. A repayment is its own row,
/// only ever inserted. Laptop and server read rows through this code.
/// </summary>
public static class FundColumns
{
    public const string RequestTable = "fund_requests";
    public const string RepaymentTable = "fund_repayments";

    /// <summary>The tables a fund secretariat's laptop receives, of every team, and nothing else of the dossiers.</summary>
    public static IReadOnlyList<string> Tables { get; } = [RequestTable, RepaymentTable];

    /// <summary>The columns the secretariat's steps write; every other column is fixed when the request is made.</summary>
    public static IReadOnlyList<string> StepColumns { get; } =
    [
        "status", "decided_at", "decided_by", "decision_note", "paid_at", "paid_by", "payment_reference",
        "evaluated_at", "evaluated_by", "worked", "durable", "evaluation_note", "settled_at", "settled_by", "shares",
    ];

    public static IReadOnlyList<string> Request { get; } =
    [
        "client_id", "team", "requested_by", "requested_at", "case_description", "amount_cents", "purpose", "payee", "responsible_partner",
        "why_regular_route_fails", "durable_expected", "durability_why", "legitimacy", "engagement", "resident_heard",
        "own_cost", "avoided_cost", "net_return", "return_ratio", "horizon_months", "cost_table_version", "avoided_routes",
        "bottleneck_tag", .. StepColumns,
    ];

    public static IReadOnlyList<string> Repayment { get; } = ["request_id", "partner", "amount_cents", "received_on", "recorded_by", "recorded_at"];

    /// <summary>Free text about the case and the payment: sealed on the laptop. Amounts, partners, status and tag stay plain for counting.</summary>
    public static IReadOnlyList<string> RequestSecrets { get; } =
        ["case_description", "purpose", "payee", "why_regular_route_fails", "durability_why", .. TriangleColumns.Secrets, "decision_note", "payment_reference", "evaluation_note"];

    internal sealed record ShareJson(string Partner, long Cents);

    public static Dictionary<string, string?> ToColumns(FundRequest r)
    {
        var columns = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["client_id"] = r.ClientId.ToString(),
            ["team"] = r.Team,
            ["requested_by"] = r.RequestedBy.ToString(),
            ["requested_at"] = InstantText.Write(r.RequestedAt),
            ["case_description"] = r.CaseDescription,
            ["amount_cents"] = Number(r.Amount.Cents),
            ["purpose"] = r.Purpose,
            ["payee"] = r.Payee,
            ["responsible_partner"] = r.ResponsiblePartner ?? "",
            ["why_regular_route_fails"] = r.WhyRegularRouteFails,
            ["durable_expected"] = r.DurableExpected ? "1" : "0",
            ["durability_why"] = r.DurabilityWhy,
            ["bottleneck_tag"] = r.BottleneckTag,
            ["status"] = r.Status.ToString(),
            ["decided_at"] = r.Decision is { } d ? InstantText.Write(d.At) : null,
            ["decided_by"] = r.Decision?.By.ToString(),
            ["decision_note"] = r.Decision?.Note ?? "",
            ["paid_at"] = r.Payout is { } p ? InstantText.Write(p.At) : null,
            ["paid_by"] = r.Payout?.By.ToString(),
            ["payment_reference"] = r.Payout?.Note ?? "",
            ["evaluated_at"] = r.Evaluation is { } e ? InstantText.Write(e.At) : null,
            ["evaluated_by"] = r.Evaluation?.By.ToString(),
            ["worked"] = r.Evaluation is { } w ? (w.Worked ? "1" : "0") : null,
            ["durable"] = r.Evaluation is { } u ? (u.Durable ? "1" : "0") : null,
            ["evaluation_note"] = r.Evaluation?.Note ?? "",
            ["settled_at"] = r.Settlement is { } s ? InstantText.Write(s.At) : null,
            ["settled_by"] = r.Settlement?.By.ToString(),
            ["shares"] = r.Settlement is { } t ? JsonSerializer.Serialize(t.Shares.Select(x => new ShareJson(x.Partner, x.Amount.Cents)).ToList(), ColumnJson.Default.ListShareJson) : null,
        };
        TriangleColumns.Write(r.Triangle, columns);
        return columns;
    }

    /// <summary>Reads a stored or pushed row; a value that is not what <see cref="ToColumns(FundRequest)"/> writes is named as a problem.</summary>
    public static Parsed<FundRequest> FromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            var partner = r.Text("responsible_partner");
            return Parsed<FundRequest>.Ok(new FundRequest(
                new Id<FundRequest>(id), new Id<Client>(r.Guid("client_id")), r.Text("team"), new Id<Worker>(r.Guid("requested_by")), r.Instant("requested_at"),
                r.Text("case_description"), new Money(r.Long("amount_cents")), r.Text("purpose"), r.Text("payee"), partner.Length == 0 ? null : partner,
                r.Text("why_regular_route_fails"), r.Flag("durable_expected"), r.Text("durability_why"), TriangleColumns.Read(r), r.Text("bottleneck_tag"),
                r.Enum<FundRequestStatus>("status"),
                Step(r, "decided_at", "decided_by", "decision_note"), Step(r, "paid_at", "paid_by", "payment_reference"),
                r.Has("evaluated_at") ? new FundEvaluation(r.Instant("evaluated_at"), new Id<Worker>(r.Guid("evaluated_by")), r.Flag("worked"), r.Flag("durable"), r.Text("evaluation_note")) : null,
                r.Has("settled_at") ? new FundSettlement(r.Instant("settled_at"), new Id<Worker>(r.Guid("settled_by")), Shares(r)) : null));
        }
        catch (ColumnException e)
        {
            return Parsed<FundRequest>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }

    public static Dictionary<string, string?> ToColumns(FundRepayment p) => new(StringComparer.Ordinal)
    {
        ["request_id"] = p.RequestId.ToString(),
        ["partner"] = p.Partner,
        ["amount_cents"] = Number(p.Amount.Cents),
        ["received_on"] = DateText.Iso(p.ReceivedOn),
        ["recorded_by"] = p.RecordedBy.ToString(),
        ["recorded_at"] = InstantText.Write(p.RecordedAt),
    };

    public static Parsed<FundRepayment> RepaymentFromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            return Parsed<FundRepayment>.Ok(new FundRepayment(
                new Id<FundRepayment>(id), new Id<FundRequest>(r.Guid("request_id")), r.Text("partner"), new Money(r.Long("amount_cents")), r.Date("received_on"),
                new Id<Worker>(r.Guid("recorded_by")), r.Instant("recorded_at")));
        }
        catch (ColumnException e)
        {
            return Parsed<FundRepayment>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }

    private static FundStep? Step(ColumnReader r, string at, string by, string note) =>
        r.Has(at) ? new FundStep(r.Instant(at), new Id<Worker>(r.Guid(by)), r.Text(note))
        : r.Has(by) ? throw new ColumnException(at, null) : null;

    private static IReadOnlyList<FundShare> Shares(ColumnReader r)
    {
        List<ShareJson>? shares;
        try
        {
            shares = JsonSerializer.Deserialize(r.Text("shares"), ColumnJson.Default.ListShareJson);
        }
        catch (JsonException e)
        {
            throw new ColumnException("shares", e);
        }

        if (shares is null || shares.Any(s => s is null || string.IsNullOrWhiteSpace(s.Partner)))
            throw new ColumnException("shares", null);
        return shares.Select(s => new FundShare(s.Partner, new Money(s.Cents))).ToList();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
