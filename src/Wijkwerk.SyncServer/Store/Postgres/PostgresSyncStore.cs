using System.Data.Common;
using Npgsql;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Postgres;

/// <summary>
/// The municipal store: one PostgreSQL database that several server instances share (issue 15). Same statements as the
/// SQLite store; what differs is in <see cref="PostgresDialect"/> (the commit-safe feed, row locks) and the schema.
/// </summary>
public sealed class PostgresSyncStore(string connectionString) : SqlSyncStore
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        // The few statements of a push run hundreds of times per connection: let the driver prepare them once.
        MaxAutoPrepare = 64,
        // A connection back in the pool was reset with seven statements, sent with its next use (1,047 times in a burst of
        // 200 syncs: half the statements PostgreSQL ran). Nothing of ours outlives a transaction (SET LOCAL, transaction
        // advisory locks, no temporary tables or LISTEN), so there is nothing to reset.
        NoResetOnClose = true,
    }.ToString();

    private protected override SqlDialect Dialect => PostgresDialect.Instance;

    protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Where the feed stands and what holds it (<see cref="Hosting.FeedHoldWatcher"/> asks this every few seconds).</summary>
    public Task<FeedHold> FeedHoldAsync()
    {
        using var db = Open();
        return Task.FromResult(FeedHold.Read(db));
    }

    /// <summary>A PostgreSQL store is backed up with pg_dump (README, "Backup"), not by the server.</summary>
    public override Task<long> BackupAsync(string file, CancellationToken cancel = default) =>
        throw new AdminException("Een PostgreSQL-opslag maakt u met pg_dump een reservekopie; zie de README, 'Reservekopie'.");
}
