namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// The transfer log (NEN 7513): which rows of which client each pull delivered to which device and worker, and when, as the
/// dialect keeps it (<see cref="SqlDialect.LogTransfers"/>). Only admin commands read it, and a program of an older release
/// refuses a store of a newer schema, so a form of the log a newer release writes is never read by an older one.
/// </summary>
public abstract partial class SqlSyncStore
{
    // The pulls of a group in one statement on PostgreSQL (one statement each was a round trip each).
    private Task<IReadOnlyList<Outcome<bool>>> LogTransfers(IReadOnlyList<PullTransfer> pulls) => Write((db, tx) =>
    {
        SqlDialect.Of(db).LogTransfers(db, tx, pulls);
        return (IReadOnlyList<Outcome<bool>>)[.. pulls.Select(_ => Outcome<bool>.Of(true))];
    });
}
