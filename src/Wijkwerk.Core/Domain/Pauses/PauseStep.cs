using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;

namespace Wijkwerk.Core.Domain.Pauses;

/// <summary>What a step does to a pause that holds: lift it now, or move its end later.</summary>
public enum PauseStepKind
{
    Lift,
    Extend,
}

/// <summary>
/// One explicit step on a pause, with its reason. Steps are kept side by side and never overwrite the pause, so the
/// dossier shows how a pause came to end when it did; colleagues taking steps offline never write the same row.
/// </summary>
public sealed record PauseStep(
    Id<PauseStep> Id,
    Id<Pause> PauseId,
    PauseStepKind Kind,
    DateOnly? NewEnd,
    string Reason,
    DateOnly On,
    Id<Worker> By,
    DateTimeOffset At);

/// <summary>A pause as its steps have left it: the latest extension's end, and the lift with its reason.</summary>
public static class PauseHistory
{
    public static Pause Apply(Pause recorded, IEnumerable<PauseStep> steps)
    {
        var current = recorded;
        foreach (var step in steps.OrderBy(s => s.At))
        {
            current = step.Kind switch
            {
                PauseStepKind.Extend when step.NewEnd is { } end && current.LiftedOn is null => current with { EndsOn = end },
                PauseStepKind.Lift when current.LiftedOn is null => current with { LiftedOn = step.On, LiftReason = step.Reason },
                _ => current,
            };
        }

        return current;
    }
}
