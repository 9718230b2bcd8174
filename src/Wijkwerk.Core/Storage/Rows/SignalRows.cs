using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Signals;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Storage.Rows;

/// <summary>What was observed and why consent was impossible are sealed; codes and times stay plain so lists can be sorted by deadline.</summary>
internal static class SignalRows
{
    public const string Table = "signals";

    public static TableRow ToRow(Signal s) => new TableRow(Table, s.Id.ToString())
        .Plain("client_id", s.ClientId.ToString())
        .Plain("source", s.Source.ToString())
        .Secret("source_other", s.SourceOther)
        .Secret("observation", s.Observation)
        .Plain("life_domains", string.Join(',', s.LifeDomains.Order().Select(d => (int)d)))
        .Plain("urgency", s.Urgency.ToString())
        .Plain("consent_in_consultation", s.ConsentBasis.InConsultation ? 1L : 0L)
        .Secret("consent_reason", s.ConsentBasis.NotPossibleReason)
        .Plain("assignee", s.Assignee?.ToString())
        .Plain("status", s.Status.ToString())
        .Plain("reported_at", InstantText.Write(s.ReportedAt))
        .Plain("picked_up_at", s.PickedUpAt is { } at ? InstantText.Write(at) : null)
        .Plain(BottleneckTag.Column, s.BottleneckTag.Length == 0 ? null : s.BottleneckTag);

    public static Signal FromRow(RowReader r) => new(
        new Id<Signal>(Guid.Parse(r.Id)),
        new Id<Client>(Guid.Parse(r.Text("client_id"))),
        Enum.Parse<SignalSource>(r.Text("source")),
        r.Secret("source_other"),
        r.Secret("observation"),
        r.Text("life_domains").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (LifeDomain)int.Parse(d)).ToHashSet(),
        Enum.Parse<Urgency>(r.Text("urgency")),
        new ConsentBasis(r.Integer("consent_in_consultation") == 1, r.Secret("consent_reason")),
        r.NullableText("assignee") is { } assignee ? new Id<Worker>(Guid.Parse(assignee)) : null,
        Enum.Parse<SignalStatus>(r.Text("status")),
        r.Instant("reported_at"),
        r.NullableInstant("picked_up_at"))
    {
        BottleneckTag = r.Tag(BottleneckTag.Column),
    };

    public const string HeaderColumns = "id, client_id, source, urgency, assignee, status, reported_at, picked_up_at";

    /// <summary>The plain columns only (<see cref="HeaderColumns"/>): nothing is read from the sealed ones.</summary>
    public static SignalHeader HeaderFromRow(RowReader r) => new(
        new Id<Signal>(Guid.Parse(r.Id)),
        new Id<Client>(Guid.Parse(r.Text("client_id"))),
        Enum.Parse<SignalSource>(r.Text("source")),
        Enum.Parse<Urgency>(r.Text("urgency")),
        r.NullableText("assignee") is { } assignee ? new Id<Worker>(Guid.Parse(assignee)) : null,
        Enum.Parse<SignalStatus>(r.Text("status")),
        r.Instant("reported_at"),
        r.NullableInstant("picked_up_at"));
}

internal static class FollowUpRows
{
    public const string Table = "follow_ups";

    public static TableRow ToRow(FollowUp f) => new TableRow(Table, f.Id.ToString())
        .Plain("signal_id", f.SignalId.ToString())
        .Plain("at", InstantText.Write(f.At))
        .Plain("worker", f.Worker.ToString())
        .Secret("note", f.Note);

    public static FollowUp FromRow(RowReader r) => new(
        new Id<FollowUp>(Guid.Parse(r.Id)),
        new Id<Signal>(Guid.Parse(r.Text("signal_id"))),
        r.Instant("at"),
        new Id<Worker>(Guid.Parse(r.Text("worker"))),
        r.Secret("note"));
}
