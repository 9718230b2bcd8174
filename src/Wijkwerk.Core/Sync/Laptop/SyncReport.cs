namespace Wijkwerk.Core.Sync.Laptop;

/// <summary>What one sync did, for the worker and the log (counts only).</summary>
public sealed record SyncReport(int Pushed, int Accepted, int Conflicts, int Refused, int Pulled, int Removed, bool Converged, long ScopeCount)
{
    /// <summary>Audit events (NEN 7513) this sync delivered to the server.</summary>
    public int AuditUploaded { get; init; }

    /// <summary>Pulled rows this laptop could not store; set aside until a readable version arrives.</summary>
    public int SetAside { get; init; }
}

/// <summary>Where a running sync is, for a progress bar.</summary>
public sealed record SyncProgress(string Phase, int Done, int? Total);
