namespace Wijkwerk.Core.Domain.Signals;

public enum Urgency
{
    Normal,

    /// <summary>A professional at the door within four hours.</summary>
    Eropaf,
}

/// <summary>Where an eropaf signal stands against its four-hour promise.</summary>
public enum EropafState
{
    NotApplicable,
    Pending,
    Met,
    Missed,
}
