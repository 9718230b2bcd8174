using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Pauses;

/// <summary>
/// A pause as recorded, the steps taken on it in order, and the pause as those steps have left it. The server's
/// reason when it refused the pause itself is <see cref="Refusal"/>; a step it refused is in <see cref="RefusedSteps"/>
/// with its reason, is still shown, and does not count towards <see cref="Current"/>, as the server never took it.
/// </summary>
public sealed record PauseRecord(Pause Recorded, IReadOnlyList<PauseStep> Steps, string? Refusal, IReadOnlyDictionary<Id<PauseStep>, string> RefusedSteps)
{
    public PauseRecord(Pause recorded, IReadOnlyList<PauseStep> steps)
        : this(recorded, steps, null, new Dictionary<Id<PauseStep>, string>())
    {
    }

    public Pause Current { get; } = PauseHistory.Apply(Recorded, Steps.Where(s => !RefusedSteps.ContainsKey(s.Id)).ToList());
}
