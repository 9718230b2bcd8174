using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Storage;
using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Store.Sqlite;

/// <summary>
/// SQLite: one writer at a time (BEGIN IMMEDIATE), so a seq taken from the counter inside the writing transaction is
/// commit order, and the newest seq a snapshot sees bounds what a pull may serve.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override bool OneWriter => true;

    public override DbTransaction BeginWrite(DbConnection db) => ((SqliteConnection)db).BeginTransaction(deferred: false);

    public override DbTransaction BeginRead(DbConnection db) => ((SqliteConnection)db).BeginTransaction(deferred: true);

    public override void PrepareStore(DbConnection db) => SqlSyncStore.Exec(db, null, "PRAGMA journal_mode=WAL;");

    // BEGIN IMMEDIATE already holds the one write lock.
    public override void LockMigrations(DbConnection db, DbTransaction tx)
    {
    }

    public override IReadOnlyList<(int Number, string Sql)> Migrations => SqliteMigrations.Steps;

    public override IReadOnlyDictionary<int, Action<DbConnection, DbTransaction>> MigrationCode => SqliteMigrations.Code;

    public override long NextSeq(DbConnection db, DbTransaction tx) =>
        Convert.ToInt64(SqlSyncStore.Scalar(db, tx, "UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value;"), CultureInfo.InvariantCulture);

    // One writer: the places are consecutive.
    public override long[] NextSeqs(DbConnection db, DbTransaction tx, int count)
    {
        var last = Convert.ToInt64(SqlSyncStore.Scalar(db, tx, "UPDATE counters SET value = value + @n WHERE name = 'seq' RETURNING value;", ("@n", count)), CultureInfo.InvariantCulture);
        var seqs = new long[count];
        for (var i = 0; i < count; i++)
            seqs[i] = last - count + 1 + i;
        return seqs;
    }

    public override string FeedGroup => "seq";

    // One writer: the snapshot sees every seq taken before it, so its horizon is its top.
    public override string FeedHorizonSql => "SELECT value + 1, value + 1 FROM counters WHERE name = 'seq';";

    // The unary + keeps the client index from serving the test.
    public override string FeedInScope(string table, string scope) => $"+{table}.client_id IN ({scope})";

    // A text cast to a blob keeps its bytes: the file's own UTF-8.
    public override string Utf8(string column) => $"CAST({column} AS BLOB)";

    // The write transaction is the only one: nothing to lock.
    public override void LockRow(DbConnection db, DbTransaction tx, string table, string rowId)
    {
    }

    // BEGIN IMMEDIATE already makes every write transaction the only one.
    public override void LockKeys(DbConnection db, DbTransaction tx, IReadOnlyList<string> keys)
    {
    }

    public override void LockRows(DbConnection db, DbTransaction tx, IReadOnlyList<(string Table, string RowId)> rows)
    {
    }

    // SQLite runs in this process, so a statement costs no round trip, while Microsoft.Data.Sqlite binds every parameter
    // by looking its name up among all the statement's names (in a command of many statements, in each of them): that
    // grows with the square of the items, and at 250 ids and 100 rows a statement it took a third of a first upload.
    // The server's share of a first upload of 100,000 rows: 11.5-13.8 s at 250 ids and 100 rows (seven runs), 9.0 s at 40/20,
    // 8.5 s at 16/10 (one run each). The rows and caseload a push reads now go as one JSON parameter (JsonItems), what it
    // writes as one prepared statement run for each item (ExecItems); this still bounds a push's scattered earlier answers
    // and the recount of the sums.
    public override int Items(int upTo) => Math.Min(upTo, 16);

    // One statement of one parameter (see JsonItems), read key by key through the primary key (CROSS JOIN keeps that order).
    public override DbCommand RowsByKey(DbConnection db, DbTransaction tx, string columns, IReadOnlyList<(string Table, string RowId)> keys) =>
        SqlSyncStore.Command(db, tx, $"SELECT {columns} FROM json_each(@keys) AS j CROSS JOIN rows WHERE rows.tbl = {JsonItems.Text(0)} AND rows.row_id = {JsonItems.Text(1)};",
            ("@keys", JsonItems.Of(keys.Select(k => new object?[] { k.Table, k.RowId }))));

    public override (string Sql, (string Name, object? Value)[] Parameters) In(string column, string name, IReadOnlyList<string> values) =>
        ($"{column} IN (SELECT value FROM json_each({name}))", [(name, JsonItems.Values(values))]);

    // SQLite runs in this process, so one prepared statement run for each item costs no round trip, and spares building
    // a JSON text of every item's values (a row's columns escaped once more inside it) and SQLite reading it back: that
    // was about a fifth of the server's request work in a first upload. The values are bound by place (BoundStatement):
    // a command looked each one up by name and copied it into a new UTF-8 array for every item.
    public override int ExecItems(DbConnection db, DbTransaction tx, Func<ItemValues, string> sql, IReadOnlyList<object?[]> items, params (string Name, object? Value)[] parameters)
    {
        if (items.Count == 0)
            return 0;
        var text = sql(ItemValues.Bound);
        var cached = Prepared.TryGetValue(tx, out var cache) ? cache : null;
        var statement = cached?.Statement(db, text) ?? BoundStatement.Prepare((SqliteConnection)db, text);
        try
        {
            foreach (var (name, value) in parameters)
                statement.Bind(statement.Place(name), value);
            var places = new int[items[0].Length];
            for (var i = 0; i < places.Length; i++)
                places[i] = statement.Place(ItemValues.Parameter(i));
            var changed = 0;
            foreach (var item in items)
            {
                for (var i = 0; i < places.Length; i++)
                    statement.Bind(places[i], item[i]);
                changed += statement.Run();
            }

            return changed;
        }
        finally
        {
            if (cached is null)
                statement.Dispose();
        }
    }

    public override DbCommand Command(DbConnection db, DbTransaction? tx, string sql) =>
        tx is not null && Prepared.TryGetValue(tx, out var cache) ? cache.Command(db, tx, sql) : base.Command(db, tx, sql);

    // Statements prepared once per write transaction: a push of 500 mutations runs the same few statements
    // hundreds of times, and preparing them again each time would cost more than running them.
    public override IDisposable CacheStatements(DbTransaction tx)
    {
        var cache = new StatementCache();
        Prepared.Add(tx, cache);
        return new Release(() =>
        {
            Prepared.Remove(tx);
            cache.Dispose();
        });
    }

    private static readonly ConditionalWeakTable<DbTransaction, StatementCache> Prepared = new();

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    /// <summary>The commands and bound statements of one write transaction, one per SQL text.</summary>
    private sealed class StatementCache : IDisposable
    {
        private readonly Dictionary<string, CachedCommand> _commands = new(StringComparer.Ordinal);
        private readonly Dictionary<string, BoundStatement> _statements = new(StringComparer.Ordinal);

        public DbCommand Command(DbConnection db, DbTransaction tx, string sql)
        {
            if (!_commands.TryGetValue(sql, out var cached))
                _commands[sql] = cached = new CachedCommand { Connection = (SqliteConnection)db, Transaction = (SqliteTransaction)tx, CommandText = sql };
            cached.Parameters.Clear();
            return cached;
        }

        public BoundStatement Statement(DbConnection db, string sql)
        {
            if (!_statements.TryGetValue(sql, out var statement))
                _statements[sql] = statement = BoundStatement.Prepare((SqliteConnection)db, sql);
            return statement;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
                command.Release();
            foreach (var statement in _statements.Values)
                statement.Dispose();
        }
    }

    /// <summary>A command that outlives the <c>using</c> of its callers until its transaction ends.</summary>
    private sealed class CachedCommand : SqliteCommand
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released)
                base.Dispose(disposing);
        }
    }

    // BEGIN IMMEDIATE waits for the lock (busy timeout) instead of failing part-way.
    public override bool IsTransient(DbException e) => false;
}
