using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Store.Sqlite;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>
/// One store for one test, SQLite or PostgreSQL, so a store test class runs on both: the class takes a kind, and two
/// nested subclasses give it one each (<c>…Tests+OnSqlite</c>, <c>…Tests+OnPostgres</c>).
/// </summary>
public abstract class StoreKind : IAsyncDisposable
{
    /// <summary>A new instance on this test's store, migrated (as a second server process would open it).</summary>
    public async Task<ISyncStore> OpenAsync()
    {
        var store = await CreateAsync();
        await store.MigrateAsync();
        return store;
    }

    protected abstract Task<ISyncStore> CreateAsync();

    /// <summary>A connection to the store behind the server's back: what it stored, not what it answers.</summary>
    public abstract Task<DbConnection> ConnectAsync();

    public async Task<long> CountAsync(string sql)
    {
        await using var db = await ConnectAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs the SQL on the store behind the server's back, as an administrator in the database would; the rows it changed.</summary>
    public async Task<int> ExecAsync(string sql)
    {
        await using var db = await ConnectAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The transfer log's entries as the store's SQL reads them (device_id, worker_id, client_id, row_count, at): a source to count from.</summary>
    public abstract string TransferEntries { get; }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteKind : StoreKind
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wijkwerk-store-" + Guid.NewGuid().ToString("N"));

    public string DbPath => Path.Combine(_folder, "server.db");

    protected override Task<ISyncStore> CreateAsync() => Task.FromResult<ISyncStore>(new SqliteSyncStore(DbPath));

    public override string TransferEntries => SqliteDialect.Instance.TransferEntries;

    public override async Task<DbConnection> ConnectAsync()
    {
        var db = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await db.OpenAsync();
        return db;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_folder))
                Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh database of the collection's throw-away cluster per test.</summary>
public sealed class PostgresKind(PostgresCluster cluster) : StoreKind
{
    private string? _connection;

    private async Task<string> Connection() => _connection ??= await cluster.CreateDatabaseAsync();

    protected override async Task<ISyncStore> CreateAsync() => new PostgresSyncStore(await Connection());

    public override string TransferEntries => PostgresDialect.Instance.TransferEntries;

    public override async Task<DbConnection> ConnectAsync()
    {
        var db = new NpgsqlConnection(await Connection());
        await db.OpenAsync();
        return db;
    }

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
