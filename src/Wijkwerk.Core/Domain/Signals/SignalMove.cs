using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Signals;

/// <summary>Who last wrote a record, and when: what every synced row carries.</summary>
public sealed record RowStamp(DateTimeOffset At, Id<Worker> By);

/// <summary>One step of a signal through its statuses; <see cref="By"/> is null where the record does not say who.</summary>
public sealed record SignalMove(SignalStatus Status, DateTimeOffset At, Id<Worker>? By)
{
    /// <summary>
    /// The moves a signal made, read from the signal itself. The diagram is a line (new, picked up, then
    /// referred or closed) and a signal changes only by moving, so the times of reporting and pick-up and the
    /// row's last write give every step; the last write also says who made the latest one.
    /// </summary>
    public static IReadOnlyList<SignalMove> Of(Signal signal, RowStamp? lastWrite)
    {
        var moves = new List<SignalMove> { new(SignalStatus.New, signal.ReportedAt, null) };
        if (signal.PickedUpAt is { } pickedUp)
            moves.Add(new(SignalStatus.PickedUp, pickedUp, signal.Status == SignalStatus.PickedUp ? lastWrite?.By : null));
        if (!signal.Status.IsOpen() && lastWrite is { } last)
            moves.Add(new(signal.Status, last.At, last.By));
        return moves;
    }
}
