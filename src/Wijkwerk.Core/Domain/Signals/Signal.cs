using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Signals;

/// <summary>Someone noticed something about a resident.</summary>
public sealed record Signal(
    Id<Signal> Id,
    Id<Client> ClientId,
    SignalSource Source,
    string SourceOther,
    string Observation,
    IReadOnlySet<LifeDomain> LifeDomains,
    Urgency Urgency,
    ConsentBasis ConsentBasis,
    Id<Worker>? Assignee,
    SignalStatus Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset? PickedUpAt)
{
    public const int MaxObservationLength = 4000;

    /// <summary>Issue 14: the bottleneck the signal runs into, optional ("" for none); short, as on a decision.</summary>
    public string BottleneckTag { get; init; } = "";

    public const int MaxSourceOtherLength = 100;
    public static readonly TimeSpan EropafWindow = TimeSpan.FromHours(4);

    /// <summary>The moment a professional must be at the door, for eropaf signals.</summary>
    public DateTimeOffset? Deadline => Header.Deadline;

    /// <summary>The plain part of the signal: what lists sort and time it by.</summary>
    public SignalHeader Header => new(Id, ClientId, Source, Urgency, Assignee, Status, ReportedAt, PickedUpAt);

    public static Parsed<Signal> Report(
        Id<Signal> id,
        Id<Client> clientId,
        SignalSource source,
        string? sourceOther,
        string? observation,
        IEnumerable<LifeDomain> lifeDomains,
        Urgency urgency,
        ConsentBasis consentBasis,
        Id<Worker>? assignee,
        DateTimeOffset reportedAt)
    {
        var other = (sourceOther ?? "").Trim();
        var text = (observation ?? "").Trim();
        if (source == SignalSource.Other && other.Length == 0)
            return Parsed<Signal>.Fail("bron", TextId.SignalOtherSourceRequired);
        // The description is dropped for a named source, so its length only matters for "Other".
        if (source == SignalSource.Other && other.Length > MaxSourceOtherLength)
            return Parsed<Signal>.Fail("bron", TextId.TooLong, MaxSourceOtherLength);
        if (text.Length == 0)
            return Parsed<Signal>.Fail("observatie", TextId.FieldRequired);
        if (text.Length > MaxObservationLength)
            return Parsed<Signal>.Fail("observatie", TextId.TooLong, MaxObservationLength);
        if (!consentBasis.InConsultation && consentBasis.NotPossibleReason.Trim().Length == 0)
            return Parsed<Signal>.Fail("grondslag", TextId.ConsentReasonRequired);
        if (consentBasis.NotPossibleReason.Trim().Length > ConsentBasis.MaxReasonLength)
            return Parsed<Signal>.Fail("grondslag", TextId.TooLong, ConsentBasis.MaxReasonLength);
        return Parsed<Signal>.Ok(new Signal(
            id, clientId, source, source == SignalSource.Other ? other : "", text, lifeDomains.ToHashSet(), urgency,
            consentBasis with { NotPossibleReason = consentBasis.NotPossibleReason.Trim() },
            assignee, SignalStatus.New, reportedAt.ToUniversalTime(), null));
    }

    /// <summary>Moves the signal on, if the move is one the status diagram allows.</summary>
    public Parsed<Signal> MoveTo(SignalStatus next, DateTimeOffset now)
    {
        if (!SignalTransitions.IsAllowed(Status, next))
            return Parsed<Signal>.Fail("status", TextId.SignalTransitionNotAllowed, Status, next);
        return Parsed<Signal>.Ok(this with
        {
            Status = next,
            PickedUpAt = next == SignalStatus.PickedUp ? now.ToUniversalTime() : PickedUpAt,
        });
    }

    /// <summary>Picking the signal up in time is what the eropaf promise is about.</summary>
    public EropafState EropafStateAt(DateTimeOffset now) => Header.EropafStateAt(now);
}
