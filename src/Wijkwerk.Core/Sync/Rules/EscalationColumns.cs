using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Escalations;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Sync.Rules;

/// <summary>
/// Issue 14: an escalation as the column texts that travel and are stored. Going up a level is a new row (the rules
/// judge it against the client's open ones); closing writes only the outcome columns. Laptop and server read rows through this code.
/// </summary>
public static class EscalationColumns
{
    public const string Table = "escalations";

    /// <summary>The columns closing writes; every other column is fixed when the escalation is raised.</summary>
    public static IReadOnlyList<string> OutcomeColumns { get; } = ["closed_on", "outcome"];

    public static IReadOnlyList<string> Escalation { get; } =
        ["client_id", "level", "reason", "tried", "parties", "raised_on", "follow_up_on", "raised_by", "bottleneck_tag", .. OutcomeColumns];

    /// <summary>Free text about the client's situation and the parties: sealed on the laptop. Level, dates and tag stay plain for lists and counts.</summary>
    public static IReadOnlyList<string> Secrets { get; } = ["reason", "tried", "parties", "outcome"];

    public static Dictionary<string, string?> ToColumns(Escalation e) => new(StringComparer.Ordinal)
    {
        ["client_id"] = e.ClientId.ToString(),
        ["level"] = e.Level.ToString(),
        ["reason"] = e.Reason,
        ["tried"] = e.Tried,
        ["parties"] = e.Parties,
        ["raised_on"] = DateText.Iso(e.RaisedOn),
        ["follow_up_on"] = DateText.Iso(e.FollowUpOn),
        ["raised_by"] = e.RaisedBy.ToString(),
        ["bottleneck_tag"] = e.BottleneckTag,
        ["closed_on"] = e.ClosedOn is { } closed ? DateText.Iso(closed) : "",
        ["outcome"] = e.Outcome,
    };

    public static Parsed<Escalation> FromColumns(Guid id, IReadOnlyDictionary<string, string?> row)
    {
        try
        {
            var r = new ColumnReader(row);
            return Parsed<Escalation>.Ok(new Escalation(
                new Id<Escalation>(id), new Id<Client>(r.Guid("client_id")), r.Enum<EscalationLevel>("level"), r.Text("reason"), r.Text("tried"), r.Text("parties"),
                r.Date("raised_on"), r.Date("follow_up_on"), new Id<Worker>(r.Guid("raised_by")), r.Text("bottleneck_tag"),
                r.OptionalDate("closed_on"), r.Text("outcome")));
        }
        catch (ColumnException e)
        {
            return Parsed<Escalation>.Fail(e.Column, TextId.ColumnValueInvalid, e.Column);
        }
    }
}
