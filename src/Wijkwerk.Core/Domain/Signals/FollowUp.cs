using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;

namespace Wijkwerk.Core.Domain.Signals;

/// <summary>A note on what happened next with a signal.</summary>
public sealed record FollowUp(Id<FollowUp> Id, Id<Signal> SignalId, DateTimeOffset At, Id<Worker> Worker, string Note)
{
    public const int MaxNoteLength = 4000;

    public static Parsed<FollowUp> Write(Id<FollowUp> id, Id<Signal> signalId, DateTimeOffset at, Id<Worker> worker, string? note)
    {
        var text = (note ?? "").Trim();
        if (text.Length == 0)
            return Parsed<FollowUp>.Fail("notitie", TextId.FieldRequired);
        if (text.Length > MaxNoteLength)
            return Parsed<FollowUp>.Fail("notitie", TextId.TooLong, MaxNoteLength);
        return Parsed<FollowUp>.Ok(new FollowUp(id, signalId, at.ToUniversalTime(), worker, text));
    }
}
