namespace Wijkwerk.Core.Audit;

public enum AuditBreak
{
    None,
    Changed,
    Missing,
    Truncated,
    HeadMissing,
}

/// <summary>The outcome of walking the chain: intact, or the first event where it breaks and how.</summary>
public sealed record AuditVerification(long EventsChecked, AuditBreak Break, long BrokenAt)
{
    public bool IsIntact => Break == AuditBreak.None;
}
