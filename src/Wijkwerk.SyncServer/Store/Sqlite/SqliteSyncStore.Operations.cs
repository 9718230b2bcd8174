using Microsoft.Data.Sqlite;

namespace Wijkwerk.SyncServer.Store.Sqlite;

/// <summary>Issue 15 item 6: the online backup of the store file.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>
    /// SQLite's online backup copies the pages of one read snapshot: in WAL mode the server goes on writing while it
    /// runs, and the copy holds every transaction committed before the snapshot and none after it, never half of one.
    /// </summary>
    public Task<long> BackupAsync(string file, CancellationToken cancel = default)
    {
        var target = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        using (var source = Open())
        using (var copy = new SqliteConnection(target))
        {
            copy.Open();
            source.BackupDatabase(copy);
            // One self-contained file, whatever journal mode the copy took over: nothing beside it is needed to restore it.
            Exec(copy, null, "PRAGMA journal_mode=DELETE;");
        }

        return Task.FromResult(new FileInfo(file).Length);
    }
}
