using System.Data.Common;
using Microsoft.Data.Sqlite;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Sqlite;

/// <summary>The embedded server store: one SQLite file in WAL mode, and its online backup (issue 15 item 6).</summary>
public sealed class SqliteSyncStore : SqlSyncStore
{
    private readonly string _connectionString;

    public SqliteSyncStore(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    private protected override SqlDialect Dialect => SqliteDialect.Instance;

    protected override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// How far a backup's counters jump ahead of the store's. Restored, the store must hand out change numbers above
    /// every anchor a laptop took from the live store after the copy: at or below one, the laptop is sent its whole
    /// scope again as an ordinary pull, which puts the backup's older rows over the newer ones the laptop still holds
    /// (its edits made after the backup would be lost). Above them, the laptops see the difference in the scope
    /// checksum and repair by version, pushing what the server lost (ScopeRepair). The reference version jumps too,
    /// since a laptop that holds the same number would not fetch the restored set. Gaps in the feed are harmless.
    /// </summary>
    public const long RestoreGap = 1L << 32;

    /// <summary>
    /// SQLite's online backup copies the pages of one read snapshot: in WAL mode the server goes on writing while it
    /// runs, and the copy holds every transaction committed before the snapshot and none after it, never half of one.
    /// </summary>
    public override Task<long> BackupAsync(string file, CancellationToken cancel = default)
    {
        var target = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        using (var source = (SqliteConnection)Open())
        using (var copy = new SqliteConnection(target))
        {
            copy.Open();
            source.BackupDatabase(copy);
            Exec(copy, null, "UPDATE counters SET value = value + @gap WHERE name IN ('seq', 'reference');", ("@gap", RestoreGap));
            // One self-contained file, whatever journal mode the copy took over: nothing beside it is needed to restore it.
            Exec(copy, null, "PRAGMA journal_mode=DELETE;");
        }

        return Task.FromResult(new FileInfo(file).Length);
    }
}
