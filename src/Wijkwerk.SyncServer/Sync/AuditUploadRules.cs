using Wijkwerk.Core.Audit;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.SyncServer.Store;

namespace Wijkwerk.SyncServer.Sync;

/// <summary>
/// Whether a batch of a laptop's audit events may be stored, whatever the store: a device uploads only
/// its own log, as the worker it is enrolled for, in that worker's role. One wrong event refuses the whole batch (nothing is
/// written), because a log that claims another device or person is not a log the server can vouch for.
/// </summary>
public static class AuditUploadRules
{
    public const int MaxDetailLength = 2000;

    /// <summary>Null when the batch is fine; otherwise whether it is forbidden (someone else's events) or malformed, and why (Dutch).</summary>
    public static (bool Forbidden, string Reason)? Check(DeviceSession device, IReadOnlyList<AuditRecord> events)
    {
        foreach (var e in events)
        {
            if (e.DeviceId != device.DeviceId)
                return (true, $"Logregel {e.Seq} hoort bij een ander apparaat dan dit; er is niets opgeslagen.");
            if (e.WorkerId != device.WorkerId)
                return (true, $"Logregel {e.Seq} hoort bij een andere medewerker dan voor wie dit apparaat is aangemeld; er is niets opgeslagen.");
            // The role says with what authority the record was opened: the device's own, never one it claims.
            if (!string.IsNullOrWhiteSpace(e.Role) && !(RoleCodes.TryParse(e.Role, out var role) && role == device.Role))
                return (true, $"Logregel {e.Seq} noemt een andere rol dan die van de medewerker voor wie dit apparaat is aangemeld; er is niets opgeslagen.");
        }

        foreach (var e in events)
        {
            if (e.Seq <= 0)
                return (false, "Een logregel heeft geen geldig volgnummer; werk Wijkwerk bij.");
            if (!Enum.TryParse<AuditEventType>(e.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type))
                return (false, $"Logregel {e.Seq} heeft een onbekend soort '{Echo.Short(e.Type)}'; werk Wijkwerk bij.");
            if (!Enum.TryParse<AuditOutcome>(e.Outcome, ignoreCase: false, out var outcome) || !Enum.IsDefined(outcome))
                return (false, $"Logregel {e.Seq} heeft een onbekende uitkomst '{Echo.Short(e.Outcome)}'; werk Wijkwerk bij.");
            if (string.IsNullOrWhiteSpace(e.Role) || e.Role.Length > 40)
                return (false, $"Logregel {e.Seq} mist een geldige rol; werk Wijkwerk bij.");
            if (e.Detail is null || e.Detail.Length > MaxDetailLength)
                return (false, $"Logregel {e.Seq} mist een toelichting of die is te lang; werk Wijkwerk bij.");
            // PostgreSQL stores no NUL in text: the event would fail the statement, and with it a push that carries it.
            if (e.Detail.Contains('\0', StringComparison.Ordinal))
                return (false, $"Logregel {e.Seq} heeft een toelichting met een teken dat niet opgeslagen kan worden; werk Wijkwerk bij.");
        }

        if (events.Select(e => e.Seq).Distinct().Count() != events.Count)
            return (false, "Een logregel komt twee keer voor in dezelfde zending; werk Wijkwerk bij.");
        return null;
    }
}
