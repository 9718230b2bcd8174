namespace Wijkwerk.Core.Domain.Pauses;

/// <summary>A pause as recorded, the steps taken on it in order, and the pause as those steps have left it.</summary>
public sealed record PauseRecord(Pause Recorded, IReadOnlyList<PauseStep> Steps)
{
    public Pause Current { get; } = PauseHistory.Apply(Recorded, Steps);
}
