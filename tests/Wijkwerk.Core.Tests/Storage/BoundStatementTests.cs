using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Storage;

namespace Wijkwerk.Core.Tests.Storage;

/// <summary>
/// A statement bound by place (<see cref="BoundStatement"/>) stores exactly what a command would, answers what it changed,
/// fails as a command fails, and runs inside the connection's transaction.
/// </summary>
public sealed class BoundStatementTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkwerk-bound-").FullName;
    private readonly SqliteConnection _db;

    public BoundStatementTests()
    {
        _db = new SqliteConnection($"Data Source={Path.Combine(_folder, "t.db")};Pooling=False");
        _db.Open();
        Exec("CREATE TABLE t(id TEXT PRIMARY KEY, name TEXT, n INTEGER, data BLOB) STRICT");
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("Çiğdem van 't Hoë — 🙂 naïef")]
    [InlineData("")]
    [InlineData("tekst\0met nul")]
    [InlineData(null)]
    public void Text_IsStoredExactlyAsGiven(string? name)
    {
        using var insert = BoundStatement.Prepare(_db, "INSERT INTO t(id, name) VALUES ($id, $name)");
        insert.Bind(insert.Place("$id"), "a");
        insert.Bind(insert.Place("$name"), name);

        Assert.Equal(1, insert.Run());

        Assert.Equal(name, Read("SELECT name FROM t WHERE id = 'a'") as string);
        Assert.Equal(name is null ? "null" : "text", Read("SELECT typeof(name) FROM t WHERE id = 'a'"));
    }

    [Fact]
    public void IdsAndInstants_AreStoredAsTheTextTheRowsOwnWritersGiveThem()
    {
        var id = Guid.NewGuid();
        var instant = new DateTimeOffset(2026, 12, 4, 16, 2, 48, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        using var insert = BoundStatement.Prepare(_db, "INSERT INTO t(id, name) VALUES ($id, $name)");
        insert.Bind(insert.Place("$id"), id);
        insert.Bind(insert.Place("$name"), instant);
        insert.Run();

        Assert.Equal(InstantText.Write(instant), Read($"SELECT name FROM t WHERE id = '{id}'"));
        Assert.Equal("2026-12-04T15:02:48.1234567Z", InstantText.Write(instant));
        Assert.Equal("text", Read($"SELECT typeof(id) FROM t WHERE id = '{id}'"));
    }

    [Fact]
    public void WholeNumbersBytesAndBoxedValues_AreStoredAsTheirOwnTypes()
    {
        using var insert = BoundStatement.Prepare(_db, "INSERT INTO t(id, n, data) VALUES (@id, @n, @data)");
        var (id, n, data) = (insert.Place("@id"), insert.Place("@n"), insert.Place("@data"));
        insert.Bind(id, (object)"a");
        insert.Bind(n, long.MinValue);
        insert.Bind(data, new byte[] { 0, 1, 255 });
        insert.Run();
        insert.Bind(id, "b");
        insert.Bind(n, (object)42);
        insert.Bind(data, DBNull.Value);
        insert.Run();

        Assert.Equal(long.MinValue, Read("SELECT n FROM t WHERE id = 'a'"));
        Assert.Equal(new byte[] { 0, 1, 255 }, Read("SELECT data FROM t WHERE id = 'a'"));
        Assert.Equal(42L, Read("SELECT n FROM t WHERE id = 'b'"));
        Assert.Equal("null", Read("SELECT typeof(data) FROM t WHERE id = 'b'"));
    }

    [Fact]
    public void Run_AnswersTheRowsItChanged_AndNoneForAnInsertThatDidNothing()
    {
        using var insert = BoundStatement.Prepare(_db, "INSERT INTO t(id) VALUES ($id) ON CONFLICT DO NOTHING");
        var id = insert.Place("$id");
        insert.Bind(id, "a");

        Assert.Equal(1, insert.Run());
        Assert.Equal(0, insert.Run());
        insert.Bind(id, "b");
        Assert.Equal(1, insert.Run());
        Assert.Equal(2L, Read("SELECT count(*) FROM t"));
    }

    [Fact]
    public void AFailedRun_ThrowsWhatSqliteSaid_AndTheStatementRunsAgainWithOtherValues()
    {
        using var insert = BoundStatement.Prepare(_db, "INSERT INTO t(id, n) VALUES ($id, $n)");
        var (id, n) = (insert.Place("$id"), insert.Place("$n"));
        insert.Bind(id, "a");
        insert.Bind(n, 1L);
        insert.Run();
        insert.Bind(n, 2L);

        var e = Assert.Throws<SqliteException>(() => insert.Run());

        Assert.Equal(19, e.SqliteErrorCode);
        Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Read("SELECT n FROM t WHERE id = 'a'"));
        insert.Bind(id, "b");
        Assert.Equal(1, insert.Run());
        Assert.Equal(2L, Read("SELECT n FROM t WHERE id = 'b'"));
    }

    [Fact]
    public void Integer_AnswersTheFirstRowsFirstColumn_NullForNoRowOrNull_AndRunsAgain()
    {
        Exec("INSERT INTO t(id, n) VALUES ('a', 7), ('b', NULL), ('c', -3)");
        using var read = BoundStatement.Prepare(_db, "SELECT n FROM t WHERE id >= $id ORDER BY id");
        var id = read.Place("$id");

        read.Bind(id, "a");
        Assert.Equal(7L, read.Integer());
        read.Bind(id, "b");
        Assert.Null(read.Integer());
        read.Bind(id, "c");
        Assert.Equal(-3L, read.Integer());
        read.Bind(id, "d");
        Assert.Null(read.Integer());

        using var failing = BoundStatement.Prepare(_db, "SELECT abs($n)");
        failing.Bind(failing.Place("$n"), long.MinValue);
        Assert.Contains("overflow", Assert.Throws<SqliteException>(() => failing.Integer()).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Next_StepsThroughTheAnswer_WithEachValueAsACommandsReaderGivesIt()
    {
        Exec("INSERT INTO t(id, name, n, data) VALUES ('a', 'Zoë', 7, x'00ff'), ('b', NULL, NULL, x''), ('c', 'x', -1, NULL)");
        using var read = BoundStatement.Prepare(_db, "SELECT id, name, n, data, n / 2.0 AS half FROM t WHERE id <= $last ORDER BY id");
        var (name, n, data, half) = (read.Column("name"), read.Column("n"), read.Column("data"), read.Column("half"));
        read.Bind(read.Place("$last"), "b");

        Assert.True(read.Next());
        Assert.Equal(("a", "Zoë", 7L, 3.5), (read.Value(0), read.Value(name), read.Value(n), read.Value(half)));
        Assert.Equal(new byte[] { 0, 255 }, read.Value(data));
        Assert.True(read.Next());
        Assert.Equal((DBNull.Value, DBNull.Value), (read.Value(name), read.Value(n)));
        Assert.Equal(Array.Empty<byte>(), read.Value(data));
        Assert.False(read.Next());

        read.Bind(read.Place("$last"), "c");
        Assert.True(read.Next());
        read.Reset();
        Assert.True(read.Next());
        Assert.Equal("a", read.Value(0));
        read.Reset();
        Assert.Contains("missing", Assert.Throws<ArgumentException>(() => read.Column("missing")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ItRunsInTheConnectionsTransaction()
    {
        using (var tx = _db.BeginTransaction())
        {
            using var insert = BoundStatement.Prepare(_db, "INSERT INTO t(id) VALUES ('a')");
            insert.Run();
            Assert.Equal(1L, Read("SELECT count(*) FROM t", tx));
            tx.Rollback();
        }

        Assert.Equal(0L, Read("SELECT count(*) FROM t"));
    }

    [Fact]
    public void BadStatementsAndParameters_AreRefusedWithWhatIsWrong()
    {
        var syntax = Assert.Throws<SqliteException>(() => BoundStatement.Prepare(_db, "INSERT INTO nowhere(id) VALUES ($id)"));
        Assert.Contains("nowhere", syntax.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BoundStatement.Prepare(_db, "  "));

        using var insert = BoundStatement.Prepare(_db, "INSERT INTO t(id) VALUES ($id)");
        Assert.Contains("$other", Assert.Throws<ArgumentException>(() => insert.Place("$other")).Message, StringComparison.Ordinal);
        Assert.Contains("Guid", Assert.Throws<ArgumentException>(() => insert.Bind(1, (object)Guid.Empty)).Message, StringComparison.Ordinal);
    }

    private object? Read(string sql, SqliteTransaction? tx = null)
    {
        using var command = _db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Exec(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
