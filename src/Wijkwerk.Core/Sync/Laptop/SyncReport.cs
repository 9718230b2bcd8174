namespace Wijkwerk.Core.Sync.Laptop;

/// <summary>What one sync did, for the worker and the log (counts only).</summary>
public sealed record SyncReport(int Pushed, int Accepted, int Conflicts, int Refused, int Pulled, int Removed, bool Converged, long ScopeCount)
{
    /// <summary>Audit events (NEN 7513) this sync delivered to the server.</summary>
    public int AuditUploaded { get; init; }

    /// <summary>Pulled rows this laptop could not store; set aside until a readable version arrives.</summary>
    public int SetAside { get; init; }

    /// <summary>Set when this sync found the laptop not converged with nothing pending and re-read its scope.</summary>
    public ScopeRepairReport? Repair { get; init; }

    /// <summary>The server held changes back (<see cref="Protocol.PullResponse.ScopeHeldBack"/>): not converged yet, and no repair for it.</summary>
    public bool HeldBack { get; init; }
}

/// <summary>
/// What a scope repair did: rows written again with the server's values, rows removed (gone on the server or
/// out of this laptop's view), and rows queued to be pushed again because the server had lost them.
/// </summary>
public sealed record ScopeRepairReport(int Rewritten, int Removed, int Requeued);

/// <summary>Where a running sync is, for a progress bar.</summary>
public sealed record SyncProgress(string Phase, int Done, int? Total);
