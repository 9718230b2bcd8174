using Wijkwerk.Core.Domain.Clients;
using Wijkwerk.Core.Domain.Common;

namespace Wijkwerk.Core.Domain.Pauses;

/// <summary>One moment of a client's pause on the dossier timeline: its recording, or one of its steps.</summary>
public sealed record PauseTimelineEntry(PauseRecord Pause, PauseStep? Step)
{
    /// <summary>A step at its moment; the recording at the start of its first day (a pause is dated, not timed).</summary>
    public DateTimeOffset At => Step?.At ?? AmsterdamTime.StartOf(Pause.Recorded.StartsOn);

    /// <summary>The server's reason when it refused this entry's pause or step; null when it took it or has not answered.</summary>
    public string? Refusal => Step is { } step ? Pause.RefusedSteps.GetValueOrDefault(step.Id) : Pause.Refusal;

    /// <summary>The pause and every lift or extension, as timeline items.</summary>
    public static IEnumerable<TimelineItem> Items(PauseRecord pause) =>
        new[] { new PauseTimelineEntry(pause, null) }.Concat(pause.Steps.Select(s => new PauseTimelineEntry(pause, s)))
            .Select(e => new TimelineItem(e.At, null, null, Pause: e));
}
