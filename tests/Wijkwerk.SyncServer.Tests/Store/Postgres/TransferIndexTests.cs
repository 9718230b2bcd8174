using Npgsql;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>
/// The transfer log's index of clients is a hash index (PostgreSQL step 12): a store from before it keeps its log, loses
/// the ordered index, and finds a client's pulls through the new one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TransferIndexTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>As the release before step 12 left a store: the log's clients in an ordered index.</summary>
    private const string BeforeStep12 = """
        DROP INDEX transfers_client_hash;
        CREATE INDEX transfers_client ON transfers(client_id);
        DELETE FROM schema_migrations WHERE number >= 12;
        """;

    [Fact]
    public async Task AStoreFromBeforeStep12_KeepsItsTransferLog_AndFindsEachClientsPullsThroughTheHashIndex()
    {
        var database = await cluster.CreateDatabaseAsync();
        var store = new PostgresSyncStore(database);
        await store.MigrateAsync();
        Assert.Equal(["transfers_client_hash hash"], await ClientIndexes(database));
        var device = await store.EnrolNoordNurse(Now);
        var clients = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var pushed = await store.PushAsync(device, [.. clients.Select((c, i) => new Mutation(i + 1, "clients", c, SyncProtocol.Operations.Insert, 0, ServerFixture.ClientColumns()))], Now);
        Assert.All(pushed, r => Assert.Equal(SyncProtocol.Results.Accepted, r.Status));
        Assert.Equal(3, (await store.PullAsync(device, 0, 100, Now)).Changes.Count);
        await PostgresSql.ExecAsync(database, BeforeStep12);
        Assert.Equal(["transfers_client btree"], await ClientIndexes(database));

        var upgraded = new PostgresSyncStore(database);
        await upgraded.MigrateAsync();

        Assert.Equal(["transfers_client_hash hash"], await ClientIndexes(database));
        foreach (var client in clients)
        {
            var transfer = Assert.Single(await upgraded.ClientAuditAsync(client), e => e.Type == "Transfer");
            Assert.Equal((device.DeviceId, "rows=1"), (transfer.DeviceId, transfer.Detail));
        }

        // Without the planner's choice of a scan of the whole log (the log here is small), the lookup uses the index.
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await db.ExecAsync("SET enable_seqscan = off;");
        var plan = await db.ScalarAsync<string>($"EXPLAIN SELECT at FROM transfers WHERE client_id = '{clients[0]:D}';");
        Assert.Contains("transfers_client_hash", plan);
    }

    /// <summary>The indexes of the log's client column, each as its name and access method.</summary>
    private static async Task<List<string>> ClientIndexes(string database)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname || ' ' || a.amname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
            JOIN pg_attribute att ON att.attrelid = i.indrelid AND att.attnum = ANY(i.indkey)
            WHERE i.indrelid = 'transfers'::regclass AND att.attname = 'client_id' ORDER BY 1;
            """, db);
        var found = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found.Add(reader.GetString(0));
        return found;
    }
}
