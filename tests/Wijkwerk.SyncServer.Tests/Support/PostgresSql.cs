using Npgsql;

namespace Wijkwerk.SyncServer.Tests.Support;

/// <summary>SQL run straight on a PostgreSQL store's connection, behind the server's back.</summary>
public static class PostgresSql
{
    public static async Task ExecAsync(this NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        await cmd.ExecuteNonQueryAsync();
    }
}
