using Microsoft.Data.Sqlite;
using SQLitePCL;
using Wijkwerk.Core.Storage;
using Wijkwerk.Core.Tests.Support;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// A command handed back to <see cref="KeptCommands"/> keeps its compiled statement for the next use of the same text, and
/// nothing else of that use: not its values, not its transaction, not a reader left open.
/// </summary>
public sealed class KeptCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-kept-").FullName;
    private readonly SqliteConnection _db;
    private readonly KeptCommands _kept;

    public KeptCommandsTests()
    {
        _db = new SqliteConnection($"Data Source={Path.Combine(_folder, "t.db")};Pooling=False");
        _db.Open();
        _db.Handle!.enable_sqlite3_next_stmt(true);
        KeptCommands.MakeRoom(_db);
        using (var create = new SqliteCommand("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)", _db))
            create.ExecuteNonQuery();
        _kept = new KeptCommands(_db);
    }

    public void Dispose()
    {
        _kept.Dispose();
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void HandedBack_KeepsItsCompiledStatementForTheNextUseOfTheSameText()
    {
        var first = Scalar("SELECT $x + 1", ("$x", 1L), out var firstAnswer);

        Assert.Equal(1, CompiledStatements());
        using var again = _kept.Rent("SELECT $x + 1", null);
        again.Parameters.AddWithValue("$x", 41L);
        Assert.Same(first, again);
        Assert.Equal(2L, firstAnswer);
        Assert.Equal(42L, again.ExecuteScalar());
        Assert.Equal(1, CompiledStatements());
    }

    [Fact]
    public void NextUse_StartsWithoutTheValuesOfTheLast()
    {
        Scalar("SELECT $x", ("$x", 7L), out _);

        using var again = _kept.Rent("SELECT $x", null);

        Assert.Empty(again.Parameters);
        var missing = Assert.Throws<InvalidOperationException>(() => again.ExecuteScalar());
        Assert.Contains("$x", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextUse_RunsInTheTransactionItIsGiven_NotTheOneBefore()
    {
        SqliteCommand inside;
        using (var tx = _db.BeginTransaction())
        {
            using (inside = _kept.Rent("INSERT INTO t(name) VALUES ($n)", tx))
            {
                inside.Parameters.AddWithValue("$n", "in de transactie");
                inside.ExecuteNonQuery();
            }

            Assert.Null(inside.Transaction);
            tx.Commit();
        }

        using (var outside = _kept.Rent("INSERT INTO t(name) VALUES ($n)", null))
        {
            Assert.Same(inside, outside);
            Assert.Null(outside.Transaction);
            outside.Parameters.AddWithValue("$n", "erna");
            outside.ExecuteNonQuery();
        }

        Scalar("SELECT count(*) FROM t", out var count);
        Assert.Equal(2L, count);
    }

    [Fact]
    public void SameTextWhileInUse_GetsACommandOfItsOwnThatIsNotKept()
    {
        Insert("een", "twee");
        var names = new List<string>();
        using (var outer = _kept.Rent("SELECT name FROM t ORDER BY id", null))
        using (var reader = outer.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                using var inner = _kept.Rent("SELECT name FROM t ORDER BY id", null);
                Assert.NotSame(outer, inner);
                Assert.Equal("een", inner.ExecuteScalar());
            }
        }

        Assert.Equal(new[] { "een", "twee" }, names);
        Assert.Equal(1, _kept.Count);
        Assert.Equal(1, CompiledStatements());
    }

    [Fact]
    public void HandedBackWithItsReaderStillOpen_IsDisposedNotKept()
    {
        Insert("een");
        var leaking = _kept.Rent("SELECT name FROM t", null);
        var reader = leaking.ExecuteReader();
        Assert.True(reader.Read());

        leaking.Dispose();

        Assert.True(reader.IsClosed);
        Assert.Equal(0, _kept.Count);
        Assert.Equal(0, CompiledStatements());
        using var again = _kept.Rent("SELECT name FROM t", null);
        Assert.NotSame(leaking, again);
        Assert.Equal("een", again.ExecuteScalar());
    }

    [Fact]
    public void BeyondCapacity_TheLeastRecentlyUsedTextGoes()
    {
        var commands = Enumerable.Range(0, KeptCommands.Capacity).Select(i => Scalar($"SELECT {i}", out _)).ToList();
        Scalar("SELECT 0", out _);

        Scalar("SELECT 'nieuw'", out _);

        Assert.Equal(KeptCommands.Capacity, _kept.Count);
        Assert.Equal(KeptCommands.Capacity, CompiledStatements());
        using (var zero = _kept.Rent("SELECT 0", null))
            Assert.Same(commands[0], zero);
        using var one = _kept.Rent("SELECT 1", null);
        Assert.NotSame(commands[1], one);
        Assert.Equal(1L, one.ExecuteScalar());
    }

    [Fact]
    public void EvictedWhileInUse_RunsUntilHandedBack_ThenIsDisposed()
    {
        using (var busy = _kept.Rent("SELECT 'bezig'", null))
        {
            for (var i = 0; i < KeptCommands.Capacity; i++)
                Scalar($"SELECT {i}", out _);

            Assert.Equal("bezig", busy.ExecuteScalar());
            Assert.Equal(KeptCommands.Capacity + 1, CompiledStatements());
        }

        Assert.Equal(KeptCommands.Capacity, _kept.Count);
        Assert.Equal(KeptCommands.Capacity, CompiledStatements());
    }

    [Fact]
    public void DisposedAgainWhileKept_StaysCompiledForTheNextHolder()
    {
        var command = Scalar("SELECT 5", out _);

        command.Dispose();

        Assert.Equal(1, CompiledStatements());
        using var again = _kept.Rent("SELECT 5", null);
        Assert.Same(command, again);
        Assert.Equal(5L, again.ExecuteScalar());
    }

    [Fact]
    public void Disposed_FinalizesEveryStatementItKept_AndHandsOutNoMore()
    {
        Scalar("SELECT 1", out _);
        Scalar("SELECT 2", out _);
        var busy = _kept.Rent("SELECT 3", null);
        busy.ExecuteScalar();

        _kept.Dispose();
        busy.Dispose();

        Assert.Equal(0, CompiledStatements());
        Assert.Throws<ObjectDisposedException>(() => _kept.Rent("SELECT 1", null));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WithRoomMade_KeptStatementsLeaveRoomForRunningOthers(bool roomMade)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(_folder, "room.db")};Pooling=False");
        db.Open();
        if (roomMade)
            KeptCommands.MakeRoom(db);
        using (var create = new SqliteCommand("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, at TEXT)", db))
            create.ExecuteNonQuery();
        using var kept = new KeptCommands(db);
        var texts = Enumerable.Range(0, 60).Select(i => $"SELECT t.name, u.at FROM t JOIN t u ON u.id = t.id + {i} WHERE t.name = $n ORDER BY u.at").ToList();
        foreach (var text in texts.Concat(texts))
        {
            if (text == texts[0])
                raw.sqlite3_db_status(db.Handle, raw.SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL, out _, out _, 1);
            using var command = kept.Rent(text, null);
            command.Parameters.AddWithValue("$n", "naam");
            command.ExecuteScalar();
        }

        raw.sqlite3_db_status(db.Handle, raw.SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL, out _, out var missed, 0);
        Assert.Equal(roomMade, missed == 0);
    }

    [Fact]
    public void AStore_HandsOutOneCompiledCommandPerText()
    {
        using var temp = new TempStore();
        SqliteCommand first;
        using (first = temp.Store.Command("SELECT count(*) FROM outbox"))
            first.ExecuteScalar();

        using var again = temp.Store.Command("SELECT count(*) FROM outbox");

        Assert.Same(first, again);
    }

    private SqliteCommand Scalar(string sql, out object? answer) => Scalar(sql, null, out answer);

    private SqliteCommand Scalar(string sql, (string Name, object Value)? parameter, out object? answer)
    {
        using var command = _kept.Rent(sql, null);
        if (parameter is var (name, value))
            command.Parameters.AddWithValue(name, value);
        answer = command.ExecuteScalar();
        return command;
    }

    private void Insert(params string[] names)
    {
        foreach (var name in names)
        {
            using var insert = new SqliteCommand("INSERT INTO t(name) VALUES ($n)", _db);
            insert.Parameters.AddWithValue("$n", name);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The statements compiled on the connection now: those kept, and those of commands not yet disposed.</summary>
    private int CompiledStatements()
    {
        var count = 0;
        for (var statement = raw.sqlite3_next_stmt(_db.Handle, null); statement is not null && !statement.IsInvalid; statement = raw.sqlite3_next_stmt(_db.Handle, statement))
            count++;
        return count;
    }
}
