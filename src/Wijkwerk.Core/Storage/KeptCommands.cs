using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// The store connection's commands, each kept compiled after use for the next that runs the same text. SQLite compiles a
/// statement whenever a new command runs it, and a sync runs the same few dozen statements every time: compiling them was
/// a fifth of the laptops' processor time in 200 small syncs at once (perf, teams of ten). A command handed out is the
/// caller's until disposed, which hands it back with its parameters and transaction cleared; the same text asked for
/// meanwhile (a query run again inside its own reader's loop) gets a command of its own that is not kept. Statements with
/// values written into their text would pile up, so the least recently used goes once <see cref="Capacity"/> are kept.
/// </summary>
internal sealed class KeptCommands(SqliteConnection connection) : IDisposable
{
    public const int Capacity = 128;

    /// <summary>Lookaside memory of <see cref="LookasideSlots"/> times <see cref="LookasideSlotBytes"/> (720 KB) beside the connection, which SQLite splits into large and small slots.</summary>
    private const int LookasideSlots = 600;

    /// <summary>SQLite's own size of a large slot.</summary>
    private const int LookasideSlotBytes = 1200;

    private readonly Dictionary<string, LinkedListNode<KeptCommand>> _kept = new(StringComparer.Ordinal);
    private readonly LinkedList<KeptCommand> _recent = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>
    /// Gives a connection that will keep commands room for them; before its first statement, while no lookaside memory is in
    /// use. A kept statement holds its small allocations from the connection's lookaside memory for as long as it is kept,
    /// and in SQLite's default the kept ones left none: each statement run then went to the process heap instead, about
    /// 2,000 times a small sync (against none with this room), and 200 laptops syncing at once used more processor time than
    /// without kept commands.
    /// </summary>
    public static void MakeRoom(SqliteConnection connection)
    {
        var rc = raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_LOOKASIDE, IntPtr.Zero, LookasideSlotBytes, LookasideSlots);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>How many texts are kept compiled now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _kept.Count;
        }
    }

    public SqliteCommand Rent(string sql, SqliteTransaction? tx)
    {
        lock (_lock)
        {
            if (_disposed)
                throw new ObjectDisposedException(nameof(KeptCommands));
            if (_kept.TryGetValue(sql, out var node))
            {
                if (node.Value.Rented)
                    return new SqliteCommand(sql, connection, tx);
                _recent.Remove(node);
                _recent.AddFirst(node);
                node.Value.Rented = true;
                node.Value.Transaction = tx;
                return node.Value;
            }

            var command = new KeptCommand(this, sql) { Connection = connection, CommandText = sql, Transaction = tx, Rented = true };
            _kept[sql] = _recent.AddFirst(command);
            if (_kept.Count > Capacity)
                Evict(_recent.Last!);
            return command;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_recent.Last is { } last)
                Evict(last);
        }
    }

    /// <summary>False when the command is to be disposed after all: it was evicted (or the cache is gone), or a reader of it is still open.</summary>
    private bool TakeBack(KeptCommand command)
    {
        lock (_lock)
        {
            if (!command.Evicted && command.Open)
                Evict(_kept[command.Key]);
            if (command.Evicted)
                return false;
            command.Parameters.Clear();
            command.Transaction = null;
            command.Rented = false;
            return true;
        }
    }

    private void Evict(LinkedListNode<KeptCommand> node)
    {
        _recent.Remove(node);
        _kept.Remove(node.Value.Key);
        node.Value.Evicted = true;
        if (!node.Value.Rented)
            node.Value.Dispose();
    }

    /// <param name="key">The text it is kept under, whatever a caller does with <see cref="SqliteCommand.CommandText"/>.</param>
    private sealed class KeptCommand(KeptCommands owner, string key) : SqliteCommand
    {
        public string Key => key;

        public bool Rented { get; set; }

        public bool Evicted { get; set; }

        public bool Open => DataReader is not null;

        /// <summary>
        /// Handed back while rented; disposed for good once evicted. Disposed again while it waits in the cache, it stays as it
        /// is: finalizing its statements there would leave the next holder a command that compiles on every use. A second
        /// dispose after the same text was rented again cannot be told from the new holder's own, so callers dispose once.
        /// </summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing && !Evicted && (!Rented || owner.TakeBack(this)))
                return;
            base.Dispose(disposing);
        }
    }
}
