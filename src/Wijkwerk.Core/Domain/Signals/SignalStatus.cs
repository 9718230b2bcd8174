namespace Wijkwerk.Core.Domain.Signals;

public enum SignalStatus
{
    New,
    PickedUp,
    Referred,
    Closed,
}

/// <summary>nieuw → opgepakt → doorverwezen | afgesloten. The only moves a signal can make.</summary>
public static class SignalTransitions
{
    private static readonly Dictionary<SignalStatus, SignalStatus[]> Allowed = new()
    {
        [SignalStatus.New] = [SignalStatus.PickedUp],
        [SignalStatus.PickedUp] = [SignalStatus.Referred, SignalStatus.Closed],
        [SignalStatus.Referred] = [],
        [SignalStatus.Closed] = [],
    };

    public static IReadOnlyList<SignalStatus> From(SignalStatus status) => Allowed[status];

    public static bool IsAllowed(SignalStatus from, SignalStatus to) => Allowed[from].Contains(to);

    public static bool IsOpen(this SignalStatus status) => status is SignalStatus.New or SignalStatus.PickedUp;
}
