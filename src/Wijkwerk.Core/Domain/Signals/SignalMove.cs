using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Signals;

/// <summary>Who last wrote a record, and when: what every synced row carries.</summary>
public sealed record RowStamp(DateTimeOffset At, Id<Worker> By);

/// <summary>
/// One step of a signal through its statuses. <see cref="By"/> is set only on a step read from the row's last write,
/// whose time and writer are that write's: the step itself, or a later change of the signal (a merged observation).
/// </summary>
public sealed record SignalMove(SignalStatus Status, DateTimeOffset At, Id<Worker>? By)
{
    /// <summary>
    /// The moves a signal made, read from the signal itself. The diagram is a line (new, picked up, then
    /// referred or closed): the times of reporting and pick-up are the signal's own, and the closing step is
    /// dated by the row's last write, which the screen names as such because a later change moves it.
    /// </summary>
    public static IReadOnlyList<SignalMove> Of(Signal signal, RowStamp? lastWrite)
    {
        var moves = new List<SignalMove> { new(SignalStatus.New, signal.ReportedAt, null) };
        if (signal.PickedUpAt is { } pickedUp)
            moves.Add(new(SignalStatus.PickedUp, pickedUp, null));
        if (!signal.Status.IsOpen() && lastWrite is { } last)
            moves.Add(new(signal.Status, last.At, last.By));
        return moves;
    }
}
