namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// The transfer log (NEN 7513): which rows of which client each pull delivered to which device and worker, and when, as the
/// dialect keeps it (<see cref="SqlDialect.LogTransfers"/>). Only admin commands read it, and a program of an older release
/// refuses a store of a newer schema, so a form of the log a newer release writes is never read by an older one.
/// </summary>
public abstract partial class SqlSyncStore
{
    /// <summary>The rows of each client one pull delivered to a device: what the transfer log keeps of it.</summary>
    private sealed record Transfer(DeviceSession Device, IReadOnlyList<(Guid Client, int Count)> Delivered, DateTimeOffset At);

    // The pulls of a group in one statement on PostgreSQL (one statement each was a round trip each).
    private Task<IReadOnlyList<Outcome<bool>>> LogTransfers(IReadOnlyList<Transfer> transfers) => Write((db, tx) =>
    {
        SqlDialect.Of(db).LogTransfers(db, tx, [.. transfers.Select(t => new PullTransfer(
            S(t.Device.DeviceId), S(t.Device.WorkerId), Iso(t.At), [.. t.Delivered.Select(d => (S(d.Client), d.Count))]))]);
        return (IReadOnlyList<Outcome<bool>>)[.. transfers.Select(_ => Outcome<bool>.Of(true))];
    });
}
