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

    /// <summary>Runs the SQL on a connection of its own to the database.</summary>
    public static async Task ExecAsync(string database, string sql)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await db.ExecAsync(sql);
    }

    /// <summary>The first value the SQL answers, on a connection of its own to the database.</summary>
    public static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        return await db.ScalarAsync<T>(sql);
    }

    /// <summary>The first value the SQL answers, on this connection (within its transaction, if one is open).</summary>
    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
