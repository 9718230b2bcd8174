namespace Wijkwerk.Core.Storage.Sync;

/// <summary>
/// The store is enrolled for another worker whose edits have not reached the server yet: enrolling as
/// someone else would send them under the wrong name. The store has not been changed.
/// </summary>
public sealed class EnrolmentRefusedException(long pending)
    : Exception($"{pending} changes of the worker enrolled earlier have not been synced.")
{
    /// <summary>How many changes wait in the outbox.</summary>
    public long Pending { get; } = pending;
}
