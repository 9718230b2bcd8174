namespace Wijkwerk.Core.Audit;

/// <summary>The NEN 7513 actions that are logged for a client's data.</summary>
public enum AuditEventType
{
    View,
    Create,
    Change,
    Delete,
    Search,
    Import,
    Export,
    PassphraseChange,
}

public enum AuditOutcome
{
    Success,
    Failure,
}

/// <summary>
/// One logged access. Detail holds counts and table names only — never a name, query text or BSN,
/// because the log is kept for years and travels to the server.
/// </summary>
public sealed record AuditEvent(
    long Seq,
    AuditEventType Type,
    DateTimeOffset At,
    Guid? ClientId,
    Guid WorkerId,
    string Role,
    Guid DeviceId,
    AuditOutcome Outcome,
    string Detail);
