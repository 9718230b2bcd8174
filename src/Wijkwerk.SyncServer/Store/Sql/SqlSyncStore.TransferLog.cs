using System.Data.Common;
using System.Globalization;
using Wijkwerk.SyncServer.Store.Postgres;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// The transfer log (NEN 7513): which rows of which client each pull delivered to which device and worker, and when. On
/// PostgreSQL a pull is one row of <c>transfer_batches</c> with its clients and counts as arrays, once the store says so
/// (<see cref="FinishUpdateAsync"/>): one row a client in <c>transfers</c> was the largest statement of 200 laptops of one
/// team syncing at once, a row for each of the 36,000 clients their 200 pulls delivered.
/// </summary>
public abstract partial class SqlSyncStore
{
    private const string TransferLogSetting = "transfer_log";
    private const string PullBatches = "batches";

    /// <summary>The rows of each client one pull delivered to a device: what the transfer log keeps of it.</summary>
    private sealed record Transfer(DeviceSession Device, IReadOnlyList<(Guid Client, int Count)> Delivered, DateTimeOffset At);

    /// <summary>Set once this instance has read that the store logs pulls as batches: like the stamp format, it never goes back while it runs.</summary>
    private volatile bool _transfersBatched;

    // One statement for every pull in the group on PostgreSQL (one statement each was a round trip each, a hundred for a
    // pull of 100 changes), a pull's device, worker and time sent once for all its clients.
    private Task<IReadOnlyList<Outcome<bool>>> LogTransfers(IReadOnlyList<Transfer> transfers) => Write((db, tx) =>
    {
        if (SqlDialect.Of(db) is PostgresDialect postgres && TransfersBatched(db, tx))
        {
            postgres.InsertTransferBatches(db, tx, [.. transfers.Select(t => new TransferBatch(
                S(t.Device.DeviceId), S(t.Device.WorkerId), Iso(t.At),
                string.Join(',', t.Delivered.Select(d => S(d.Client))),
                string.Join(',', t.Delivered.Select(d => d.Count.ToString(CultureInfo.InvariantCulture)))))]);
        }
        else
        {
            SqlDialect.Of(db).InsertGroups(db, tx, "transfers", ["client_id", "row_count"], ["device_id", "worker_id", "at"],
                [.. transfers.Select(t => (new object[] { S(t.Device.DeviceId), S(t.Device.WorkerId), Iso(t.At) }, (IReadOnlyList<object?[]>)[.. t.Delivered.Select(d => new object?[] { S(d.Client), d.Count })]))]);
        }

        return (IReadOnlyList<Outcome<bool>>)[.. transfers.Select(_ => Outcome<bool>.Of(true))];
    });

    /// <summary>
    /// Whether pulls are logged as batches, read in the log's transaction until they are: an instance of the last release
    /// reads only <c>transfers</c>, so batches are written once every instance reads them too.
    /// </summary>
    private bool TransfersBatched(DbConnection db, DbTransaction tx)
    {
        if (_transfersBatched)
            return true;
        _transfersBatched = TransferLogOf(db, tx) == PullBatches;
        return _transfersBatched;
    }

    private static string? TransferLogOf(DbConnection db, DbTransaction tx) =>
        Scalar(db, tx, "SELECT value FROM store_settings WHERE name = @n;", ("@n", TransferLogSetting)) as string;
}
