using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Signals;

/// <summary>
/// A signal's plain columns: enough to list, sort and time it without opening what was observed, so a
/// list of thousands of signals decrypts nothing.
/// </summary>
public sealed record SignalHeader(
    Id<Signal> Id,
    Id<Client> ClientId,
    SignalSource Source,
    Urgency Urgency,
    Id<Worker>? Assignee,
    SignalStatus Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset? PickedUpAt)
{
    /// <summary>The moment a professional must be at the door, for eropaf signals.</summary>
    public DateTimeOffset? Deadline => Urgency == Urgency.Eropaf ? ReportedAt + Signal.EropafWindow : null;

    /// <summary>Picking the signal up in time is what the eropaf promise is about.</summary>
    public EropafState EropafStateAt(DateTimeOffset now)
    {
        if (Deadline is not { } deadline)
            return EropafState.NotApplicable;
        if (PickedUpAt is { } pickedUp)
            return pickedUp <= deadline ? EropafState.Met : EropafState.Missed;
        if (!Status.IsOpen())
            return EropafState.Met;
        return now > deadline ? EropafState.Missed : EropafState.Pending;
    }
}
