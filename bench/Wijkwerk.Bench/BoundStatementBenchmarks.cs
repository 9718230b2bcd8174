using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Bench;

/// <summary>
/// One push's 500 rows written into a SQLite file by one prepared statement, the server's row upsert (thirteen values, a
/// signal's columns as JSON): through a prepared <see cref="SqliteCommand"/> whose parameters it binds by name on every
/// run, and through a <see cref="BoundStatement"/> bound by place. Each round rolls back, so every round writes the same rows.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class BoundStatementBenchmarks
{
    private const int Rows = 500;

    private const string Upsert = """
        INSERT INTO rows(tbl, row_id, client_id, version, deleted, columns, column_versions, checksum, updated_at, updated_by, updated_device, seq, pushed_seq)
        VALUES (@i0, @i1, @i2, @i3, @i4, @i5, @i6, @i7, @at, @by, @dev, @i8, @i9)
        ON CONFLICT(tbl, row_id) DO UPDATE SET version = excluded.version, columns = excluded.columns, seq = excluded.seq;
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-bound-").FullName;
    private SqliteConnection _db = null!;
    private object?[][] _items = [];

    [GlobalSetup]
    public void Setup()
    {
        _db = new SqliteConnection($"Data Source={Path.Combine(_folder, "rows.db")};Pooling=False");
        _db.Open();
        using var create = _db.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE rows(tbl TEXT NOT NULL, row_id TEXT NOT NULL, client_id TEXT NOT NULL, version INTEGER NOT NULL, deleted INTEGER NOT NULL,
                columns TEXT NOT NULL, column_versions TEXT NOT NULL, checksum INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
                updated_device TEXT NOT NULL, seq INTEGER NOT NULL, pushed_seq INTEGER, PRIMARY KEY (tbl, row_id));
            """;
        create.ExecuteNonQuery();
        var columns = """{"client_id":"6f1c0c1e-2b7a-4d8e-9a51-0e3f5c2d7b10","kind":"Loneliness","status":"Open","note":"Mevrouw woont alleen sinds het overlijden van haar man en komt de deur nauwelijks uit.","reported_at":"2026-11-30T09:12:00Z","reported_by":"0b5e2f8a-4c1d-4e7f-8a2b-3c9d1e6f5a40","urgency":"Normal"}""";
        const string stamps = "1 4a7e9c2b-5d3f-4e1a-9b8c-7d6e5f4a3b21 0b5e2f8a-4c1d-4e7f-8a2b-3c9d1e6f5a40: client_id kind note reported_at reported_by status urgency";
        _items = [.. Enumerable.Range(0, Rows).Select(i => new object?[]
        {
            "signals", Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), 1L, 0, columns, stamps, (long)(uint)i * 7919, (long)i, (long)i,
        })];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int PreparedCommand()
    {
        using var tx = _db.BeginTransaction();
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = Upsert;
        cmd.Parameters.AddWithValue("@at", "2026-11-30T09:12:00.0000000Z");
        cmd.Parameters.AddWithValue("@by", "0b5e2f8a-4c1d-4e7f-8a2b-3c9d1e6f5a40");
        cmd.Parameters.AddWithValue("@dev", "4a7e9c2b-5d3f-4e1a-9b8c-7d6e5f4a3b21");
        var values = new SqliteParameter[_items[0].Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = cmd.Parameters.Add(new SqliteParameter { ParameterName = "@i" + i });
        cmd.Prepare();
        var changed = 0;
        foreach (var item in _items)
        {
            for (var i = 0; i < values.Length; i++)
                values[i].Value = item[i] ?? DBNull.Value;
            changed += cmd.ExecuteNonQuery();
        }

        tx.Rollback();
        return changed;
    }

    [Benchmark]
    public int BoundByPlace()
    {
        using var tx = _db.BeginTransaction();
        using var statement = BoundStatement.Prepare(_db, Upsert);
        statement.Bind(statement.Place("@at"), "2026-11-30T09:12:00.0000000Z");
        statement.Bind(statement.Place("@by"), "0b5e2f8a-4c1d-4e7f-8a2b-3c9d1e6f5a40");
        statement.Bind(statement.Place("@dev"), "4a7e9c2b-5d3f-4e1a-9b8c-7d6e5f4a3b21");
        var places = Enumerable.Range(0, _items[0].Length).Select(i => statement.Place("@i" + i)).ToArray();
        var changed = 0;
        foreach (var item in _items)
        {
            for (var i = 0; i < places.Length; i++)
                statement.Bind(places[i], item[i]);
            changed += statement.Run();
        }

        tx.Rollback();
        return changed;
    }
}
