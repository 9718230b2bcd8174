using System.Globalization;
using Microsoft.Data.Sqlite;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Localization;
using Wijkwerk.Core.Security;
using Wijkwerk.Core.Storage.Repositories;
using Wijkwerk.Core.Storage.Sync;

namespace Wijkwerk.Core.Storage;

/// <summary>
/// One worker's encrypted offline store: a single SQLite file in WAL mode. Opening checks the file
/// before changing it; unlocking needs the passphrase; every write goes through <see cref="Write{T}"/>
/// so a change, its outbox entry and its audit event commit together or not at all.
/// </summary>
public sealed class LocalStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly KeptCommands _commands;
    private readonly KeyRing _keys;
    private readonly string _storeId;
    private WriteScope? _scope;
    private SqliteTransaction? _reading;
    private BackgroundCheckpoints? _checkpoints;
    private DeclaredTypes? _declared;

    private LocalStore(string path, SqliteConnection connection, KeyRing keys, string storeId, StoreIdentity identity, TimeProvider clock)
    {
        Path = path;
        _connection = connection;
        _commands = new KeptCommands(connection);
        _keys = keys;
        _storeId = storeId;
        Identity = identity;
        Clock = clock;
        Clients = new ClientRepository(this);
        Signals = new SignalRepository(this);
        Workers = new WorkerNameRepository(this);
        Dossiers = new DossierRepository(this);
        Advices = new AdviceRepository(this);
        Drafts = new DraftRepository(this);
        Conflicts = new ConflictRepository(this);
        Reference = new ReferenceDataRepository(this);
        MandateDecisions = new MandateDecisionRepository(this);
        Budget = new BudgetRepository(this);
        Fund = new FundRepository(this);
        Pauses = new PauseRepository(this);
        Escalations = new EscalationRepository(this);
        Patterns = new PatternRepository(this);
    }

    public ClientRepository Clients { get; }

    public SignalRepository Signals { get; }

    public WorkerNameRepository Workers { get; }

    public DossierRepository Dossiers { get; }

    public AdviceRepository Advices { get; }

    public DraftRepository Drafts { get; }

    public ConflictRepository Conflicts { get; }

    public ReferenceDataRepository Reference { get; }

    public MandateDecisionRepository MandateDecisions { get; }

    /// <summary>Issue 12: minimaatwerk budget requests, votes and the team ledger.</summary>
    public BudgetRepository Budget { get; }

    /// <summary>Issue 13: revolving-fund requests, the secretariat's steps, repayments, balance and review.</summary>
    public FundRepository Fund { get; }

    /// <summary>Issue 14: the pause button's pauses and their lifts and extensions.</summary>
    public PauseRepository Pauses { get; }

    /// <summary>Issue 14: escalations to the case team, the Maatwerkloket and the Landelijk Escalatie Team.</summary>
    public EscalationRepository Escalations { get; }

    /// <summary>Issue 14: the werktafel's patterns from the reference data, and a team leader's steps on them.</summary>
    public PatternRepository Patterns { get; }

    /// <summary>Changes not yet accepted by the server.</summary>
    public long PendingChanges()
    {
        using var command = Command("SELECT count(*) FROM outbox");
        return (long)command.ExecuteScalar()!;
    }

    public string Path { get; }

    public StoreIdentity Identity { get; }

    public TimeProvider Clock { get; }

    internal FieldCipher Fields => _keys.Fields;

    /// <summary>The store's keys again, for sealing on another thread than this connection's (a cipher serves one thread at a time).</summary>
    internal KeyRing CopyKeys() => _keys.Copy();

    internal byte[] AuditKey => _keys.AuditKey;

    internal SqliteConnection Connection => _connection;

    public static LocalStore Create(string path, string passphrase, StoreIdentity identity, TimeProvider clock)
    {
        RequirePassphrase(passphrase);
        if (File.Exists(path))
            throw new IOException($"A store already exists at {path}.");
        OwnerOnly.CreateFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);

        // Built under a temporary name and renamed, so a crash during creation never leaves a half-made store.
        // SQLite gives its -wal and -shm files the mode of the database file, so they are the owner's only too.
        var building = path + ".creating";
        File.Delete(building);
        OwnerOnly.CreateFile(building);
        var storeId = Guid.NewGuid().ToString();
        var (keys, sealedKey) = KeyRing.CreateNew(passphrase, storeId);
        using (keys)
        using (var connection = Connect(building, readOnly: false))
        {
            Execute(connection, $"PRAGMA page_size = {PageBytes}");
            Migrate(connection, 0);
            using var tx = connection.BeginTransaction();
            var meta = new MetaTable(connection, tx);
            meta.Set("store_id", storeId);
            meta.SetSealedKey(sealedKey);
            meta.Set("worker_id", identity.WorkerId.ToString());
            meta.Set("worker_name", keys.Fields.Encrypt(identity.WorkerName, "meta", "worker_name", storeId));
            meta.Set("role", identity.Role.Code());
            meta.Set("device_id", identity.DeviceId.ToString());
            Audit.AuditLog.SealHead(keys.Fields, storeId, meta, 0, Audit.AuditChain.Genesis);
            tx.Commit();
        }

        File.Move(building, path);
        return Open(path, passphrase, clock);
    }

    public static LocalStore Open(string path, string passphrase, TimeProvider clock)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No store at {path}.", path);
        StoreFile.CheckHeader(path);

        // Every check runs on a read-only connection: a refused file (newer, damaged, wrong passphrase)
        // keeps its bytes and its WAL exactly as they were, since read-only connections never checkpoint.
        var (keys, storeId, sealedKey) = Check(path, passphrase);
        OwnerOnly.Tighten(path);
        SqliteConnection? connection = null;
        try
        {
            connection = Connect(path, readOnly: false, keepsCommands: true);
            Execute(connection, "PRAGMA journal_mode=WAL");
            CopyLogBackAtItsSize(connection);
            Migrate(connection, Scalar<long>(connection, "PRAGMA user_version"));
            if (sealedKey.Derivation is Pbkdf2Settings)
                SealAgain(connection, keys, passphrase, storeId, sealedKey);
            var meta = new MetaTable(connection, null);
            var identity = new StoreIdentity(
                new Id<Worker>(Guid.Parse(meta.GetText("worker_id"))),
                keys.Fields.Decrypt(meta.GetBlob("worker_name"), "meta", "worker_name", storeId),
                RoleCodes.TryParse(meta.GetText("role"), out var role) ? role : Role.Nurse,
                Guid.Parse(meta.GetText("device_id")));
            return new LocalStore(path, connection, keys, storeId, identity, clock);
        }
        catch (Exception e)
        {
            connection?.Dispose();
            keys.Dispose();
            throw Translate(e, path);
        }
    }

    /// <returns>The keys, the store's id and the seal they were opened from.</returns>
    private static (KeyRing Keys, string StoreId, SealedKey Sealed) Check(string path, string passphrase)
    {
        try
        {
            using var connection = Connect(path, readOnly: true);
            StoreFile.CheckSchemaVersion(Scalar<long>(connection, "PRAGMA user_version"), path);
            var meta = new MetaTable(connection, null);
            var storeId = meta.GetText("store_id");
            var sealedKey = meta.GetSealedKey();
            if (sealedKey.Derivation.IsBeyondAnyWritten)
                throw new StoreException(StoreProblem.Damaged, TextId.StoreDamaged, path);
            // The page check reads the whole file and the key derivation is slow on purpose: they run side by
            // side on their own connections, and both must pass before anything is written.
            var pagesIntact = Task.Run(() => PagesIntact(path));
            var keys = KeyRing.Unseal(sealedKey, passphrase, storeId);
            try
            {
                if (!pagesIntact.GetAwaiter().GetResult())
                    throw new StoreException(StoreProblem.Damaged, TextId.StoreDamaged, path);
            }
            catch
            {
                keys?.Dispose();
                throw;
            }

            return (keys ?? throw new StoreException(StoreProblem.WrongPassphrase, TextId.StoreWrongPassphrase), storeId, sealedKey);
        }
        catch (Exception e)
        {
            throw Translate(e, path);
        }
    }

    /// <summary>
    /// A store sealed under PBKDF2, before Argon2id came, is sealed again under <see cref="KeyDerivation.Default"/> once its
    /// passphrase is known, as a change of passphrase would: from then on it unlocks in about 20 ms instead of 150, and its
    /// sealed key resists guessing as a new store's does. Only if the seal is still <paramref name="opened"/>, the one the
    /// passphrase opened: another program may have changed the passphrase since, and sealing under the old one would bring
    /// it back. The write waits for the store's write lock as any write does; a store still busy after that keeps its old
    /// seal until it opens next. The old seal's page is copied over in the file at once where no reader holds the log, and
    /// otherwise by the next copy back.
    /// </summary>
    internal static void SealAgain(SqliteConnection connection, KeyRing keys, string passphrase, string storeId, SealedKey opened)
    {
        var sealedKey = keys.Seal(passphrase, storeId);
        try
        {
            using (var tx = connection.BeginTransaction(deferred: false))
            {
                var meta = new MetaTable(connection, tx);
                if (!meta.GetSealedKey().WrappedKey.AsSpan().SequenceEqual(opened.WrappedKey))
                    return;
                meta.SetSealedKey(sealedKey);
                tx.Commit();
            }

            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
        }
    }

    private static bool PagesIntact(string path)
    {
        using var connection = Connect(path, readOnly: true);
        return Scalar<string>(connection, "PRAGMA quick_check") == "ok";
    }

    private static Exception Translate(Exception e, string path) => e switch
    {
        StoreException => e,
        // SQLITE_CORRUPT, SQLITE_NOTADB, or a meta value that is not what this version wrote.
        SqliteException { SqliteErrorCode: 11 or 26 } or FormatException or System.Security.Cryptography.CryptographicException
            => new StoreException(StoreProblem.Damaged, TextId.StoreDamaged, path),
        SqliteException { SqliteErrorCode: 5 or 6 } => new StoreException(StoreProblem.Locked, TextId.StoreLocked, path),
        _ => e,
    };

    /// <summary>Deletes a closed store with its WAL and shared-memory files: the key goes with them.</summary>
    public static void Wipe(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    /// <summary>
    /// A second, independent connection to the same unlocked store, for work off the UI thread (sync).
    /// SQLite's WAL lets both read at once; their writes take turns.
    /// </summary>
    public LocalStore OpenAnother()
    {
        var connection = Connect(Path, readOnly: false, keepsCommands: true);
        return new LocalStore(Path, connection, _keys.Copy(), _storeId, Identity, Clock);
    }

    /// <summary>Reseals the data key under a new passphrase; no row is re-encrypted.</summary>
    public void ChangePassphrase(string current, string next)
    {
        RequirePassphrase(next);
        var meta = new MetaTable(this, null);
        using (var check = KeyRing.Unseal(meta.GetSealedKey(), current, _storeId))
        {
            if (check is null)
                throw new StoreException(StoreProblem.WrongPassphrase, TextId.StoreWrongPassphrase);
        }

        var sealedKey = _keys.Seal(next, _storeId);
        Write(scope =>
        {
            new MetaTable(this, scope.Transaction).SetSealedKey(sealedKey);
            scope.Audit(Audit.AuditEventType.PassphraseChange, null);
            return 0;
        });

        // The page holding the old sealed key must not linger in the WAL.
        Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction with its outbox and audit entries.</summary>
    internal T Write<T>(Func<WriteScope, T> work)
    {
        if (_scope is not null)
            return work(_scope);
        using var tx = _connection.BeginTransaction(deferred: false);
        using var scope = new WriteScope(this, tx);
        _scope = scope;
        try
        {
            var result = work(scope);
            scope.Complete();
            tx.Commit();
            _checkpoints?.Committed();
            return result;
        }
        finally
        {
            _scope = null;
        }
    }

    /// <summary>
    /// Runs reading work in one read transaction: its statements see one snapshot, and the log's read lock is taken once
    /// instead of by each statement. A push reads each of its rows by a statement of its own, and taking and leaving that
    /// lock was over a quarter of reading them in a profile of a first upload. Inside a write it is part of that write.
    /// </summary>
    internal T Snapshot<T>(Func<T> work)
    {
        if (_scope is not null || _reading is not null)
            return work();
        using var tx = _connection.BeginTransaction(deferred: true);
        _reading = tx;
        try
        {
            return work();
        }
        finally
        {
            _reading = null;
        }
    }

    /// <summary>
    /// Until disposed, this connection's commits are written to the log without waiting for the disk each (WAL with
    /// synchronous=NORMAL: a power cut may undo them back to the last flush, never tear the file), and the next commit
    /// that waits (on any connection) takes them to disk with it. For a sync's own bookkeeping only, which the next sync
    /// redoes: answers recorded (the server answers a mutation again with its first answer), pages applied (pulled again
    /// from the anchor before), audit events confirmed (uploaded again, held once). Never for a change of the laptop's own:
    /// its outbox number is the mutation id the server answers by. A small sync committed four or five times, each a
    /// flush: a fifth of a laptop's processor time in 100 syncs at once.
    /// </summary>
    public IDisposable BookkeepingCommits()
    {
        Execute(_connection, "PRAGMA synchronous=NORMAL");
        return new FullCommits(_connection);
    }

    private sealed class FullCommits(SqliteConnection connection) : IDisposable
    {
        public void Dispose() => Execute(connection, "PRAGMA synchronous=FULL");
    }

    /// <summary>
    /// Until disposed, this connection's commits leave copying the log back into the file to a connection beside it
    /// (<see cref="BackgroundCheckpoints"/>), for a pull of many pages. Not for every sync: opening that connection and
    /// waiting for its last copy made a sync with nothing to do about a millisecond slower (4.6-5.5 against 5.8-6.5 ms).
    /// </summary>
    internal IDisposable CheckpointsBeside()
    {
        Execute(_connection, "PRAGMA wal_autocheckpoint=0");
        _checkpoints = new BackgroundCheckpoints(Connect(Path, readOnly: false));
        return new OwnCheckpoints(this);
    }

    private sealed class OwnCheckpoints(LocalStore store) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                store._checkpoints?.Dispose();
            }
            finally
            {
                store._checkpoints = null;
                CopyLogBackAtItsSize(store._connection);
            }
        }
    }

    /// <summary>
    /// The page size of a new store (SQLite's default is 4,096 bytes; a store made before keeps its own). A first sync
    /// writes each of its rows into its table, the table's indexes and the scope's rows, and larger pages take fewer splits
    /// and writes for that: the rows of a first sync of 100,000 went in (in 50 transactions, SQLite's shell) in 0.52 s at
    /// 4,096 bytes against 0.40 s at 16,384, and the installed program's first sync took 1.32-1.41 s against 1.39-1.50 s
    /// (medians of five, three runs each, interleaved). Pages of 32,768 bytes did no better in the shell, of 65,536 worse
    /// (0.39 and 0.45-0.46 s). The program's first frame on a demo store of 10,000 clients did not get slower.
    /// </summary>
    private const int PageBytes = 16384;

    /// <summary>
    /// A commit that takes the log past this size copies it back into the file itself: SQLite's default of 1,000 pages, at
    /// its default page size. Counted in pages of 16,384 bytes, the commit that reached 1,000 copied 16 MB back: in the
    /// bench's typing in the filter of 10,000 clients, the same keystroke took 28-38 ms in five runs, where the slowest
    /// keystroke now takes 1.5-2.2 ms (three runs).
    /// </summary>
    private const long CheckpointLogBytes = 1000 * 4096;

    /// <summary>Lets the log grow to <see cref="CheckpointLogBytes"/> before a commit copies it back, in this store's pages.</summary>
    private static void CopyLogBackAtItsSize(SqliteConnection connection) =>
        Execute(connection, $"PRAGMA wal_autocheckpoint={CheckpointLogBytes / Scalar<long>(connection, "PRAGMA page_size")}");

    /// <summary>Runs several changes as one transaction: all of them land, or none.</summary>
    public void Batch(Action work) => Write(_ =>
    {
        work();
        return 0;
    });

    /// <summary>Live rows through a map that answers null for a row this version cannot read: those are counted, never a crash.</summary>
    internal ReadableRows<T> QueryReadable<T>(string table, string filter, Func<RowReader, T?> map, params (string Name, object Value)[] args)
        where T : class
    {
        var rows = Query(table, filter, map, args);
        var readable = rows.OfType<T>().ToList();
        return new ReadableRows<T>(readable, rows.Count - readable.Count);
    }

    /// <summary>An access-log entry about no single client (a search, a list), written on its own.</summary>
    internal void AuditOnly(Audit.AuditEventType type, string detail) => Write(scope =>
    {
        scope.Audit(type, null, detail);
        return 0;
    });

    /// <summary>Live (not deleted) rows of one table, decrypted through <paramref name="map"/>.</summary>
    internal List<T> Query<T>(string table, string filter, Func<RowReader, T> map, params (string Name, object Value)[] args) =>
        Query("*", table, filter, map, args);

    /// <summary>Only <paramref name="columns"/> of live rows: a list that shows plain columns need not read sealed texts from disk.</summary>
    internal List<T> Query<T>(string columns, string table, string filter, Func<RowReader, T> map, params (string Name, object Value)[] args)
    {
        using var command = Command($"SELECT {columns} FROM {table} WHERE deleted = 0{(filter.Length == 0 ? "" : " AND " + filter)}");
        foreach (var (name, value) in args)
            command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var ordinals = new ColumnOrdinals(reader);
        var tags = new Lazy<BottleneckTagList>(Reference.Tags);
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(new RowReader(this, table, reader, ordinals, tags)));
        return rows;
    }

    /// <summary>How many live rows of <paramref name="table"/> match <paramref name="filter"/>: a count opens nothing, so it is not logged.</summary>
    internal int Count(string table, string filter, params (string Name, object Value)[] args)
    {
        using var command = Command($"SELECT count(*) FROM {table} WHERE deleted = 0{(filter.Length == 0 ? "" : " AND " + filter)}");
        foreach (var (name, value) in args)
            command.Parameters.AddWithValue(name, value);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A command on the store's connection, kept compiled for the next use of the same text (<see cref="KeptCommands"/>): dispose it to hand it back.</summary>
    internal SqliteCommand Command(string sql, SqliteTransaction? tx = null) => _commands.Rent(sql, tx ?? _scope?.Transaction ?? _reading);

    internal string StoreId => _storeId;

    /// <summary>The synced tables' declared column types, read once while the store is open.</summary>
    internal DeclaredTypes Declared => _declared ??= new DeclaredTypes(this);

    public string Now() => InstantText.Write(Clock.GetUtcNow());

    public void Dispose()
    {
        _commands.Dispose();
        _connection.Dispose();
        _keys.Dispose();
    }

    private static void RequirePassphrase(string passphrase)
    {
        if (passphrase.Length < 8)
            throw new ArgumentException(Texts.Get(TextId.PassphraseTooShort, Lang.En), nameof(passphrase));
    }

    /// <param name="keepsCommands">The store's own connection, which keeps its commands (<see cref="KeptCommands.MakeRoom"/>).</param>
    private static SqliteConnection Connect(string path, bool readOnly, bool keepsCommands = false)
    {
        // Pooling off: a closed store must really release its file, so it can be copied, wiped or scanned.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : File.Exists(path) ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            if (keepsCommands)
                KeptCommands.MakeRoom(connection);
            // Connection settings only: nothing here writes to the file before it has been checked.
            Execute(connection, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=2000;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection connection, long from)
    {
        for (var step = (int)from; step < Migrations.Latest; step++)
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, Migrations.Steps[step], tx);
            Execute(connection, $"PRAGMA user_version = {step + 1}", tx);
            tx.Commit();
        }

        if (from < Migrations.Latest)
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }
}
