namespace Wijkwerk.Core.Domain.Common;

/// <summary>
/// Two workers changed the same field of the same record before either synced: the server kept one value
/// and stored the other here, so no typing is ever silently lost and a person decides.
/// </summary>
public sealed record SyncConflict(
    Guid Id, string Table, Guid RowId, Guid? ClientId, string Column, string KeptValue, string OtherValue, string KeptBy, string OtherBy, DateTimeOffset At, bool Resolved);
