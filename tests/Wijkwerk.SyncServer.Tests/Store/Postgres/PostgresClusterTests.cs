using Npgsql;
using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store.Postgres;

/// <summary>The throw-away cluster the PostgreSQL store tests run on: loopback only, one fresh database per request.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresCluster cluster)
{
    [Fact]
    public async Task CreateDatabase_TwoCalls_GiveSeparateEmptyDatabasesOnLoopbackOnly()
    {
        var first = await cluster.CreateDatabaseAsync();
        var second = await cluster.CreateDatabaseAsync();

        await PostgresSql.ExecAsync(first, "CREATE TABLE marker(id int);");
        Assert.Equal(1L, await PostgresSql.ScalarAsync<long>(first, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker';"));
        Assert.Equal(0L, await PostgresSql.ScalarAsync<long>(second, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker';"));
        await using var db = new NpgsqlConnection(first);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SHOW listen_addresses;", db);
        Assert.Equal("127.0.0.1", (string?)await cmd.ExecuteScalarAsync());
    }
}
