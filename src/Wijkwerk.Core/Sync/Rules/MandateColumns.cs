using System.Globalization;
using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// A mandate decision and its addenda as the column texts that travel and are stored. The social return
/// travels as its figures (sums plus the routes with the amounts used), so a decision keeps what it was
/// justified with whatever the cost table says later. Laptop and server read rows through this one code.
/// </summary>
public static class MandateColumns
{
    public const string DecisionTable = "mandate_decisions";
    public const string AddendumTable = "mandate_addenda";

    /// <summary>Set at the follow-up, once; every other column is fixed when the decision is recorded.</summary>
    public static IReadOnlyList<string> FollowUpColumns { get; } = ["follow_up_result", "follow_up_how", "follow_up_at", "follow_up_by"];

    public static IReadOnlyList<string> Decision { get; } =
    [
        "client_id", "decided_by", "mandate_id", "decided_at", "department", "rule_overridden", "refused_before", "decision",
        "executor_department", "executor_contact", "legitimacy", "engagement", "resident_heard",
        "own_cost", "avoided_cost", "net_return", "return_ratio", "horizon_months", "cost_table_version", "avoided_routes",
        "bottleneck_tag", "follow_up_on", .. FollowUpColumns,
    ];

    public static IReadOnlyList<string> Addendum { get; } = ["decision_id", "text", "at", "author"];

    /// <summary>Free text about the client and the people involved: sealed on the laptop. Department, rule and tag stay plain for counting.</summary>
    public static IReadOnlyList<string> DecisionSecrets { get; } =
        ["refused_before", "decision", "executor_contact", "legitimacy", "engagement", "follow_up_how"];

    public static IReadOnlyList<string> AddendumSecrets { get; } = ["text"];

    public static Dictionary<string, string?> ToColumns(MandateDecision d)
    {
        var followUp = d.FollowUp;
        var columns = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["client_id"] = d.ClientId.ToString(),
            ["decided_by"] = d.DecidedBy.ToString(),
            ["mandate_id"] = d.MandateId.ToString(),
            ["decided_at"] = InstantText.Write(d.DecidedAt),
            ["department"] = d.Department,
            ["rule_overridden"] = d.RuleOverridden,
            ["refused_before"] = d.RefusedBefore,
            ["decision"] = d.Decision,
            ["executor_department"] = d.CarriedOutBy.Department,
            ["executor_contact"] = d.CarriedOutBy.Contact,
            ["bottleneck_tag"] = d.BottleneckTag,
            ["follow_up_on"] = DateText.Iso(d.FollowUpOn),
            ["follow_up_result"] = followUp?.Result.ToString(),
            ["follow_up_how"] = followUp?.HowItEnded ?? "",
            ["follow_up_at"] = followUp is null ? null : InstantText.Write(followUp.At),
            ["follow_up_by"] = followUp?.By.ToString(),
        };
        TriangleColumns.Write(d.Triangle, columns);
        return columns;
    }

    /// <summary>Reads a stored or pushed row; a value that is not what <see cref="ToColumns(MandateDecision)"/> writes is named as a problem.</summary>
    public static Parsed<MandateDecision> FromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            DecisionFollowUp? followUp = null;
            if (r.Has("follow_up_result"))
            {
                followUp = new DecisionFollowUp(
                    r.Enum<FollowUpResult>("follow_up_result"), r.Text("follow_up_how"), r.Instant("follow_up_at"), new Id<Worker>(r.Guid("follow_up_by")));
            }
            else if (r.Has("follow_up_how") || r.Has("follow_up_at") || r.Has("follow_up_by"))
            {
                throw new ColumnException("follow_up_result", null);
            }

            return Parsed<MandateDecision>.Ok(new MandateDecision(
                new Id<MandateDecision>(id), new Id<Client>(r.Guid("client_id")), new Id<Worker>(r.Guid("decided_by")), new Id<Mandate>(r.Guid("mandate_id")),
                r.Instant("decided_at"), r.Text("department"), r.Text("rule_overridden"), r.Text("refused_before"), r.Text("decision"),
                new DecisionExecutor(r.Text("executor_department"), r.Text("executor_contact")),
                TriangleColumns.Read(r),
                r.Text("bottleneck_tag"), r.Date("follow_up_on"), followUp));
        }
        catch (ColumnException e)
        {
            return Parsed<MandateDecision>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }

    public static Dictionary<string, string?> ToColumns(DecisionAddendum a) => new(StringComparer.Ordinal)
    {
        ["decision_id"] = a.DecisionId.ToString(),
        ["text"] = a.Text,
        ["at"] = InstantText.Write(a.At),
        ["author"] = a.By.ToString(),
    };

    public static Parsed<DecisionAddendum> AddendumFromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            return Parsed<DecisionAddendum>.Ok(new DecisionAddendum(
                new Id<DecisionAddendum>(id), new Id<MandateDecision>(r.Guid("decision_id")), r.Text("text"), r.Instant("at"), new Id<Worker>(r.Guid("author"))));
        }
        catch (ColumnException e)
        {
            return Parsed<DecisionAddendum>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }
}
