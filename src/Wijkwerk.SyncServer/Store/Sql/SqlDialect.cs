using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wijkwerk.SyncServer.Store.Postgres;
using Wijkwerk.SyncServer.Store.Sqlite;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// What differs between the two databases behind <see cref="SqlSyncStore"/>: how a transaction begins, where a change
/// takes its place in the feed, how a pushed row is locked, and the schema steps. Everything else is one SQL text for
/// both: parameters are <c>@name</c>, and the PostgreSQL schema carries the few SQLite functions and names the
/// statements use (json_extract, json_each, json_object, json_patch, rowid, COLLATE NOCASE), see
/// <see cref="PostgresMigrations"/>.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect Of(DbConnection db) => db is NpgsqlConnection ? PostgresDialect.Instance : SqliteDialect.Instance;

    /// <summary>True when the database allows one writer at a time, so in-process writers queue instead of meeting its lock.</summary>
    public abstract bool OneWriter { get; }

    /// <summary>A transaction that will write, begun so that concurrent writers cannot lose each other's changes.</summary>
    public abstract DbTransaction BeginWrite(DbConnection db);

    /// <summary>A transaction whose every statement reads the same snapshot.</summary>
    public abstract DbTransaction BeginRead(DbConnection db);

    /// <summary>Runs once per connection before the migrations (SQLite's journal mode; PostgreSQL nothing).</summary>
    public abstract void PrepareStore(DbConnection db);

    /// <summary>Serialises the migrations of several instances starting at once, inside the migration transaction.</summary>
    public abstract void LockMigrations(DbConnection db, DbTransaction tx);

    public abstract IReadOnlyList<(int Number, string Sql)> Migrations { get; }

    /// <summary>
    /// After the migrations, in their transaction: makes a store restored from a copy safe for the anchors the laptops
    /// hold (PostgreSQL, see <see cref="FeedOrigin"/>; SQLite's <c>admin backup</c> moves its counters as it copies).
    /// </summary>
    public virtual void SettleRestore(DbConnection db, DbTransaction tx)
    {
    }

    /// <summary>C# work after a step's SQL, in the same transaction (SQLite's older stores only).</summary>
    public abstract IReadOnlyDictionary<int, Action<DbConnection, DbTransaction>> MigrationCode { get; }

    /// <summary>The next change number of the feed; ordering within one transaction (and, for SQLite, commit order).</summary>
    public abstract long NextSeq(DbConnection db, DbTransaction tx);

    /// <summary>
    /// The feed column a pull pages by, compared with its anchor: SQLite's <c>seq</c> (commit order under one writer),
    /// PostgreSQL's transaction id <c>xid</c>, with <c>seq</c> ordering the changes within one transaction.
    /// </summary>
    public abstract string FeedGroup { get; }

    /// <summary>
    /// A query answering, for the snapshot it runs in, the first feed group a pull may NOT serve yet (everything below it is
    /// committed, or never will be, and visible), and the first group the snapshot sees nothing of (its top: everything at
    /// and above it is not visible). A snapshot whose horizon is at or above another's top sees all the other saw.
    /// </summary>
    public abstract string FeedHorizonSql { get; }

    /// <summary>
    /// The pull's condition that a row of <paramref name="table"/> is about a client of <paramref name="scope"/> (a query of
    /// <c>client_id</c>), written so the feed is walked in order from the anchor and each row tested on its own: never read
    /// client by client in scope and sorted (a cost that grows with the whole scope, for every page).
    /// </summary>
    public abstract string FeedInScope(string table, string scope);

    /// <summary>The transfer log's entries, one per client a pull delivered (device_id, worker_id, client_id, row_count, at): a source to read from.</summary>
    public virtual string TransferEntries => "transfers";

    /// <summary>A query of the transfer log's entries of the client <c>@c</c> (at, worker_id, device_id, row_count), through the log's index of clients.</summary>
    public virtual string TransfersOfClient => "SELECT at, worker_id, device_id, row_count FROM transfers WHERE client_id = @c";

    /// <summary>Logs the pulls' transfers: a row of <c>transfers</c> for each client of each pull, the pull's device, worker and time sent once for all its clients.</summary>
    public virtual void LogTransfers(DbConnection db, DbTransaction tx, IReadOnlyList<PullTransfer> pulls) =>
        InsertGroups(db, tx, "transfers", ["client_id", "row_count"], ["device_id", "worker_id", "at"],
            [.. pulls.Select(p => (new object[] { p.Device, p.Worker, p.At }, (IReadOnlyList<object?[]>)[.. p.Delivered.Select(d => new object?[] { d.Client, d.Count })]))]);

    /// <summary>Deletes the transfer log's entries from before <paramref name="before"/> (a stored instant); how many.</summary>
    public virtual int PurgeTransfers(DbConnection db, DbTransaction tx, string before) =>
        SqlSyncStore.Exec(db, tx, "DELETE FROM transfers WHERE at < @b;", ("@b", before));

    /// <summary>A text column read as its text in UTF-8 bytes, whatever the store's encoding, not turned into .NET text first.</summary>
    public abstract string Utf8(string column);

    /// <summary>
    /// Statements before a pull's feed queries that keep the planner from reading every row after the anchor, so it walks
    /// the feed's index in order from there, and after them (<see cref="FeedPlanEnd"/>) the database's own settings again;
    /// SQLite needs neither.
    /// </summary>
    public virtual string FeedPlanBegin => "";

    public virtual string FeedPlanEnd => "";

    /// <summary>
    /// Locks one row of <c>rows</c> (existing or not yet) for the rest of the transaction before a push reads and writes
    /// it, so two writers on one row are applied one after the other and neither's change is lost.
    /// </summary>
    public abstract void LockRow(DbConnection db, DbTransaction tx, string table, string rowId);

    /// <summary>
    /// Locks a name for the rest of the transaction. Mostly a total that a push checks or recounts from many rows (a
    /// team's budget for a year, the fund's balance, one client's sums), taken before the rows are read: under READ
    /// COMMITTED two writers of different rows would each judge the total without the other's row and both pass. Also a
    /// device, whose pushes then run one after the other. One writer needs no lock.
    /// </summary>
    public void LockKey(DbConnection db, DbTransaction tx, string key) => LockKeys(db, tx, [key]);

    /// <summary><see cref="LockKey"/> for many names in one statement, in the order given.</summary>
    public abstract void LockKeys(DbConnection db, DbTransaction tx, IReadOnlyList<string> keys);

    /// <summary>
    /// <see cref="LockRow"/> for many rows at once, in the order given (one order for every push, so no two wait on each
    /// other crosswise); the rows that exist are locked by reading them with <see cref="RowsByKey"/> after this.
    /// </summary>
    public abstract void LockRows(DbConnection db, DbTransaction tx, IReadOnlyList<(string Table, string RowId)> rows);

    /// <summary>
    /// How many ids, rows or clients one multi-item statement carries, at most <paramref name="upTo"/>: as many as that
    /// where each statement is a round trip to the database.
    /// </summary>
    public virtual int Items(int upTo) => upTo;

    /// <summary>
    /// A query of <paramref name="columns"/> of the rows of <c>rows</c> with these keys, locked for the rest of the transaction
    /// where there are several writers: one point read by the whole primary key per key, all in one statement, a plan no
    /// statistics can spoil.
    /// </summary>
    public abstract DbCommand RowsByKey(DbConnection db, DbTransaction tx, string columns, IReadOnlyList<(string Table, string RowId)> keys);

    /// <summary>The condition that <paramref name="column"/> is one of <paramref name="values"/>, with its parameters (named from <paramref name="name"/>).</summary>
    public abstract (string Sql, (string Name, object? Value)[] Parameters) In(string column, string name, IReadOnlyList<string> values);

    /// <summary>
    /// Runs the statement <paramref name="sql"/> makes for every one of <paramref name="items"/> (each item's values read
    /// through the <see cref="ItemValues"/> it is given, the rest of its parameters from <paramref name="parameters"/>),
    /// each item's values a string, a whole number or null. The items' order is kept.
    /// </summary>
    public abstract int ExecItems(DbConnection db, DbTransaction tx, Func<ItemValues, string> sql, IReadOnlyList<object?[]> items, params (string Name, object? Value)[] parameters);

    /// <summary>
    /// Inserts <paramref name="items"/> into <paramref name="table"/> (each item's values in the order of
    /// <paramref name="columns"/>: a string, a whole number or null) through <see cref="ExecItems"/> (on PostgreSQL one
    /// statement for all of them): a column is read as text where an item holds text there, else as whole numbers; the
    /// columns in <paramref name="same"/> take one value for every item, sent once (a text or a whole number). Without
    /// <paramref name="onConflict"/> a plain insert, which a key taken fails, and with it the caller's transaction; with it
    /// (an <c>ON CONFLICT</c> clause) the items in the order given, so of two with one key the first is inserted and the
    /// second meets the clause. On PostgreSQL, COPY's binary form was tried twice for the plain inserts and not kept:
    /// <list type="bullet">
    /// <item>By pg_stat_statements COPY took longer for every table. But that counts a COPY's waits for its rows to arrive,
    /// and not PostgreSQL reading an insert's arrays. By PostgreSQL's processor time, 20,000 of a first upload's rows in
    /// batches of 1,000 cost 120-140 ms by COPY against 210-230 ms by an insert from arrays (three rounds each).</item>
    /// <item>In a first upload it gained nothing. Over 300 pushes of 1,000 rows (two runs, one of each), a push's
    /// transaction wrote its rows in 17.1 ms against 17.8 (medians) and recorded its answers in 4.6 ms against 3.2, and
    /// the server's processor time rose: a COPY waits for the database at its start and at its end, and Npgsql binds each
    /// value it writes. A push of one row waited 0.5-0.65 ms in each COPY against 0.03-0.07 ms in each insert.</item>
    /// </list>
    /// </summary>
    public void InsertItems(DbConnection db, DbTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> items,
        IReadOnlyList<(string Column, object Value)>? same = null, string onConflict = "")
    {
        same ??= [];
        // A column no item fills is read as a whole number too: PostgreSQL turns a null number into text for a text column,
        // not a null text into a number.
        string Value(ItemValues item, int place) => items.Any(i => i[place] is string) ? item.Text(place) : item.Integer(place);
        // SQLite asks for a WHERE clause, even "WHERE true", before the ON CONFLICT of an INSERT … SELECT (a parsing ambiguity of its own).
        ExecItems(db, tx, item => $"""
            INSERT INTO {table}({string.Join(", ", [.. columns, .. same.Select(s => s.Column)])})
            SELECT {string.Join(", ", [.. columns.Select((_, place) => Value(item, place)), .. same.Select((_, i) => "@same" + i)])} {item.From}
            {(onConflict.Length == 0 ? "" : $"WHERE true {item.InOrder} {onConflict}")};
            """, items, [.. same.Select((s, i) => ("@same" + i, (object?)s.Value))]);
    }

    /// <summary>
    /// Inserts the items of every group into <paramref name="table"/> as <see cref="InsertItems"/> without a conflict clause
    /// does, each group's <c>Shared</c> values (in the order of <paramref name="sharedColumns"/>, a text or a whole number)
    /// taking the place of its <c>same</c>: for items that share a few values a group, as the transfer log's rows share
    /// their pull's device, worker and time. Here one <see cref="InsertItems"/> a group; on PostgreSQL one statement for all.
    /// </summary>
    public virtual void InsertGroups(DbConnection db, DbTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<string> sharedColumns,
        IReadOnlyList<(object[] Shared, IReadOnlyList<object?[]> Items)> groups)
    {
        foreach (var (shared, items) in groups)
            InsertItems(db, tx, table, columns, items, [.. sharedColumns.Select((column, place) => (column, shared[place]))]);
    }

    /// <summary>Takes <paramref name="count"/> places in the feed, in one statement, in ascending order.</summary>
    public abstract long[] NextSeqs(DbConnection db, DbTransaction tx, int count);

    /// <summary>A command on the connection; inside <see cref="CacheStatements"/> one prepared command per SQL text, reused.</summary>
    public virtual DbCommand Command(DbConnection db, DbTransaction? tx, string sql)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>Keeps the commands of one write transaction for reuse until it is disposed; null where the driver does so itself.</summary>
    public virtual IDisposable? CacheStatements(DbTransaction tx) => null;

    /// <summary>A failure after which running the whole transaction again is right (a deadlock, a serialisation failure).</summary>
    public abstract bool IsTransient(DbException e);
}
