using Wijkwerk.Core.Storage.Sync;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.Core.Sync.Laptop;

/// <summary>
/// The audit events that travel with one sync's pushes, each push carrying the next batch after those already on their way:
/// stored with the push, they need no call of their own. Events count as delivered only in order: once an answer does not
/// hold a push's events (an older server, events the server would refuse, or events it failed to store), no push
/// prepared after it carries any and no later answer confirms any (the pushes already on their way carry the next events,
/// which the server may store), and the audit upload after the pushes sends what is left, from the last confirmed event on
/// (the server stores each event once however often it arrives).
/// </summary>
internal sealed class AuditWithPushes(LocalSync local, int batchSize)
{
    private long _sentUpTo = local.AuditConfirmed();
    private bool _riding = true;

    /// <summary>The events for the next push: those after the ones already sent with a push of this sync that fit in <paramref name="room"/> bytes.</summary>
    public IReadOnlyList<AuditRecord> Next(long room)
    {
        if (!_riding)
            return [];
        var events = PushBody.Fit(local.PendingAudit(batchSize, after: _sentUpTo), room);
        if (events.Count > 0)
            _sentUpTo = events[^1].Seq;
        return events;
    }

    /// <summary>A push that applied nothing (out of turn): as an answer that does not hold its events.</summary>
    public void Unanswered() => _riding = false;

    /// <summary>A push's answer, in the order the pushes went: confirms the events it carried when the server holds them.</summary>
    /// <returns>How many events it confirmed.</returns>
    public int Answered(IReadOnlyList<AuditRecord> carried, PushResponse response)
    {
        if (carried.Count == 0 || !_riding)
            return 0;
        if (response.AuditHeld is not { } held || held < carried[^1].Seq)
        {
            _riding = false;
            return 0;
        }

        local.ConfirmAudit(carried[^1].Seq);
        return carried.Count;
    }
}
