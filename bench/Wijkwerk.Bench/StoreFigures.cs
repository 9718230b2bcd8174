using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Store;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Store.Sqlite;

namespace Wijkwerk.Bench;

/// <summary>
/// Issue 15 at the store, both stores in one run (rounds interleaved: SQLite, PostgreSQL, SQLite, …), beside a raw
/// SQLite insert of the same rows' values in one transaction as the reference: a first upload of N client rows (pushes
/// of 500), a first pull of them into a new device (pages of 1,000), a push of 100 updates, their pull by another
/// device, a pull with nothing to do, and on PostgreSQL a pull while a transaction elsewhere stays open. The store only,
/// in this process: no HTTP, no laptop. PostgreSQL from WIJKWERK_BENCH_PG (a database this run may empty); without it
/// SQLite only.
/// </summary>
public static class StoreFigures
{
    private const int Rounds = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task Run(int rows)
    {
        var postgres = Environment.GetEnvironmentVariable("WIJKWERK_BENCH_PG");
        var figures = new Dictionary<string, List<Round>>();
        for (var round = 0; round < Rounds; round++)
        {
            Add(figures, "raw SQLite insert (reference)", await Reference(rows));
            Add(figures, "SQLite store", await OnSqlite(rows));
            if (postgres is { Length: > 0 })
                Add(figures, "PostgreSQL store", await OnPostgres(postgres, rows));
        }

        Console.WriteLine($"{rows:N0} rows, {Rounds} rounds, medians (every round in brackets):");
        foreach (var (store, rounds) in figures)
        {
            Console.WriteLine($"  {store}:");
            foreach (var name in rounds[0].Figures.Keys)
            {
                var values = rounds.Select(r => r.Figures[name]).ToList();
                Console.WriteLine($"    {name}: {values.Order().ElementAt(values.Count / 2):F1} ({string.Join(", ", values.Select(v => v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})");
            }
        }

        if (postgres is null or "")
            Console.WriteLine("  PostgreSQL: not measured (set WIJKWERK_BENCH_PG to a database connection string)");
    }

    private sealed record Round(Dictionary<string, double> Figures);

    private static void Add(Dictionary<string, List<Round>> figures, string store, Round round)
    {
        if (!figures.TryGetValue(store, out var list))
            figures[store] = list = [];
        list.Add(round);
    }

    private static async Task<Round> OnSqlite(int rows)
    {
        var folder = RunLeftovers.Folder("wijkwerk-storebench-");
        try
        {
            return await Measure(new SqliteSyncStore(Path.Combine(folder, "server.db")), rows, null);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            RunLeftovers.Remove(folder);
        }
    }

    private static async Task<Round> OnPostgres(string connection, int rows)
    {
        await Empty(connection);
        return await Measure(new PostgresSyncStore(connection), rows, connection);
    }

    /// <summary>Drops everything in the database's public schema: a bench starts from a store that has never been migrated.</summary>
    public static async Task Empty(string connection)
    {
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var empty = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", db);
            await empty.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<Round> Measure(ISyncStore store, int rows, string? postgres)
    {
        var figures = new Dictionary<string, double>();
        await store.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        await store.AddTeamAsync("Noord", now);
        await store.AddWorkerAsync("Anna Zorg", Role.Nurse, "Noord", now);
        var writer = await Device(store, 1);
        var reader = await Device(store, 2);
        var mutation = 0L;
        var clients = Enumerable.Range(0, rows).Select(_ => Guid.CreateVersion7()).ToList();

        var upload = Stopwatch.StartNew();
        foreach (var chunk in clients.Chunk(500))
            await store.PushAsync(writer, [.. chunk.Select(c => new Mutation(++mutation, "clients", c, SyncProtocol.Operations.Insert, 0, Columns(c)))], DateTimeOffset.UtcNow);
        figures["first upload, rows/s"] = rows / upload.Elapsed.TotalSeconds;

        var first = Stopwatch.StartNew();
        var anchor = 0L;
        PullResponse page;
        do
        {
            page = await store.PullAsync(reader, anchor, 1000, DateTimeOffset.UtcNow);
            anchor = page.NextAnchor;
        }
        while (page.HasMore);
        figures["first pull into a new device, s"] = first.Elapsed.TotalSeconds;

        var changed = clients.Take(100).Select(c => new Mutation(++mutation, "clients", c, SyncProtocol.Operations.Update, 1, new Dictionary<string, string?> { ["notes"] = "bijgewerkt" })).ToList();
        figures["push of 100 changes, ms"] = await Milliseconds(() => store.PushAsync(writer, changed, DateTimeOffset.UtcNow));
        figures["pull of 100 changes, ms"] = await Milliseconds(async () => anchor = (await store.PullAsync(reader, anchor, 1000, DateTimeOffset.UtcNow)).NextAnchor);
        var idle = new List<double>();
        for (var i = 0; i < 21; i++)
            idle.Add(await Milliseconds(() => store.PullAsync(reader, anchor, 1000, DateTimeOffset.UtcNow)));
        figures["pull with nothing to do (median of 21), ms"] = idle.Order().ElementAt(10);

        if (postgres is not null)
        {
            // A transaction left open elsewhere: a change committed after it began waits in the feed until it ends.
            await using var other = new NpgsqlConnection(postgres);
            await other.OpenAsync();
            await using var open = await other.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand("SELECT pg_current_xact_id();", other, open))
                await take.ExecuteScalarAsync();
            await store.PushAsync(writer, [new Mutation(++mutation, "clients", clients[0], SyncProtocol.Operations.Update, 2, new Dictionary<string, string?> { ["notes"] = "tijdens" })], DateTimeOffset.UtcNow);
            var held = Stopwatch.StartNew();
            var heldPage = await store.PullAsync(reader, anchor, 1000, DateTimeOffset.UtcNow);
            figures["pull while a transaction elsewhere is open, ms"] = held.Elapsed.TotalMilliseconds;
            figures["changes it delivered"] = heldPage.Changes.Count;
            await open.RollbackAsync();
            figures["changes the next pull delivered after it ended"] = (await store.PullAsync(reader, heldPage.NextAnchor, 1000, DateTimeOffset.UtcNow)).Changes.Count;
        }

        return new Round(figures);
    }

    /// <summary>The same rows' values as one INSERT each in one transaction on a new SQLite file: the floor for a store.</summary>
    private static async Task<Round> Reference(int rows)
    {
        var folder = RunLeftovers.Folder("wijkwerk-storebench-ref-");
        try
        {
            await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "raw.db")}");
            await db.OpenAsync();
            await using (var create = new SqliteCommand("PRAGMA journal_mode=WAL; CREATE TABLE rows(tbl TEXT NOT NULL, row_id TEXT NOT NULL, columns TEXT NOT NULL, PRIMARY KEY(tbl, row_id));", db))
                await create.ExecuteNonQueryAsync();
            var watch = Stopwatch.StartNew();
            await using (var tx = (SqliteTransaction)await db.BeginTransactionAsync())
            {
                await using var insert = new SqliteCommand("INSERT INTO rows(tbl, row_id, columns) VALUES ('clients', $r, $c);", db, tx);
                var row = insert.Parameters.Add("$r", SqliteType.Text);
                var columns = insert.Parameters.Add("$c", SqliteType.Text);
                for (var i = 0; i < rows; i++)
                {
                    var id = Guid.CreateVersion7();
                    row.Value = id.ToString();
                    columns.Value = JsonSerializer.Serialize(Columns(id), Json);
                    await insert.ExecuteNonQueryAsync();
                }

                await tx.CommitAsync();
            }

            return new Round(new Dictionary<string, double> { ["insert, rows/s"] = rows / watch.Elapsed.TotalSeconds, ["insert, s"] = watch.Elapsed.TotalSeconds });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            RunLeftovers.Remove(folder);
        }
    }

    private static async Task<double> Milliseconds(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<DeviceSession> Device(ISyncStore store, int n)
    {
        var now = DateTimeOffset.UtcNow;
        await store.AddEnrolmentCodeAsync("Anna Zorg", "code-" + n, now.AddHours(1), now);
        await store.EnrolAsync("code-" + n, new NewDevice(Guid.NewGuid(), "laptop " + n, "token-" + n, "hash-" + n), now);
        return (await store.FindDeviceAsync("hash-" + n))!;
    }

    private static Dictionary<string, string?> Columns(Guid client) => new()
    {
        ["first_name"] = "Cliënt", ["surname_prefix"] = "", ["surname"] = client.ToString("N")[..8], ["birth_date"] = "1950-01-02",
        ["postcode"] = "1234AB", ["house_number"] = "5", ["addition"] = "", ["phone"] = "", ["bsn"] = "", ["notes"] = "",
    };
}
