using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Rules;
using Wijkwerk.Core.Sync;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Sync;

// What a push answers: each mutation's result, and up to where the audit events it carried are stored.
using PushAnswer = (System.Collections.Generic.IReadOnlyList<Wijkwerk.Core.Sync.Protocol.MutationResult> Results, long? AuditHeld);

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// The server store over ADO.NET, one implementation for SQLite (<see cref="Sqlite.SqliteSyncStore"/>) and PostgreSQL
/// (<see cref="Postgres.PostgresSyncStore"/>); <see cref="SqlDialect"/> holds what differs.
///
/// CHANGE-FEED ORDERING RULE. Every change that a pull can see (a row version, a conflict record, a scope-exit notice,
/// a re-stamped row of a client that joined a caseload) gets a new place in the feed INSIDE the writing transaction
/// (<see cref="NextSeq"/>), and a pull serves only the feed below a horizon read in its own snapshot, below which every
/// change is committed and visible to it; its anchor never passes a change still being written. SQLite allows one
/// writer (BEGIN IMMEDIATE), so seq order is commit order and the horizon is the counter. PostgreSQL has several
/// writers, so the feed is ordered by transaction id and the horizon is the snapshot's xmin (see PostgresDialect).
/// (A timestamp or a sequence taken before the commit would not have this property; see ARCHITECTURE.md "Sync".)
/// Tested by SeqOrderStoreTests on both stores: concurrent writers and pullers, every puller's union equals the final state.
/// </summary>
public abstract partial class SqlSyncStore : ISyncStore
{
    /// <summary>How often a transaction that met a deadlock or a serialisation failure runs again before the failure is passed on.</summary>
    private const int Attempts = 5;

    // In-process writers queue here instead of spinning on SQLITE_BUSY (SQLite only: one writer at a time); other
    // processes (admin commands) still meet BEGIN IMMEDIATE and the busy timeout.
    private readonly SemaphoreSlim _writer = new(1, 1);

    // A pull's transfers are logged before its page is sent, the pulls of a burst together (GroupCommit); on SQLite, the
    // pushes waiting for the one writer likewise go in one transaction, up to one full push's mutations.
    private readonly GroupCommit<PullTransfer, bool> _transfers;
    private readonly GroupCommit<QueuedPush, PushAnswer> _pushes;

    private readonly ScopeSumsCache _scopeSums = new();

    protected SqlSyncStore()
    {
        _transfers = new(LogTransfers);
        _pushes = new(PushTogether, push => push.Mutations.Count, SyncProtocol.MaxMutationsPerPush);
    }

    /// <summary>How many store operations a server process runs at once unless told otherwise (<see cref="Concurrency"/>).</summary>
    public static int DefaultConcurrency => Math.Max(8, 4 * Environment.ProcessorCount);

    // The store's statements are synchronous, and on Linux a thread waiting for a database answer is woken by a thread-pool
    // thread. Left unbounded, 200 syncs at once held every pool thread waiting, nobody was left to wake them, and PostgreSQL
    // sat idle in 79 open transactions for over 30 s until the driver's timeout failed them. Operations past the bound wait
    // here without holding a thread; the server keeps that many threads ready (ServerHost).
    private SemaphoreSlim _gate = new(DefaultConcurrency, DefaultConcurrency);
    private readonly int _concurrency = DefaultConcurrency;

    /// <summary>How many of the sync's store operations (every write, a pull's read, a device's and the reference data's lookup) run at once; the rest queue.</summary>
    public int Concurrency
    {
        get => _concurrency;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _concurrency = value;
            _gate = new(value, value);
        }
    }

    /// <summary>A new open connection to the store.</summary>
    protected abstract DbConnection Open();

    private protected abstract SqlDialect Dialect { get; }

    public async Task MigrateAsync(CancellationToken cancel = default)
    {
        await _writer.WaitAsync(cancel);
        try
        {
            // A step that locks several tables can lose a deadlock to the syncs other instances serve meanwhile (PostgreSQL,
            // an update while the release before still runs); the whole transaction rolls back, so it is taken again.
            await Retried(() =>
            {
                Migrate();
                return Task.FromResult(true);
            }, cancel);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>One transaction that takes the store to this program's schema.</summary>
    private void Migrate()
    {
        using var db = Open();
        Dialect.PrepareStore(db);
        using var tx = Dialect.BeginWrite(db);
        Dialect.LockMigrations(db, tx);
        Exec(db, tx, "CREATE TABLE IF NOT EXISTS schema_migrations(number INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);");
        var done = Convert.ToInt64(Scalar(db, tx, "SELECT coalesce(max(number), 0) FROM schema_migrations;"), CultureInfo.InvariantCulture);
        var newest = Dialect.Migrations.Max(s => s.Number);
        if (done > newest)
            throw new InvalidOperationException($"De serveropslag heeft schemaversie {done}, nieuwer dan dit programma kent ({newest}); werk wijkwerk-server bij.");
        foreach (var (number, sql) in Dialect.Migrations.Where(s => s.Number > done).OrderBy(s => s.Number))
        {
            // A step may rebuild indexes of a store of any size (PostgreSQL's step 7: 1.3 s for 400,000 rows): the driver's
            // 30 s would fail the start of a large one halfway.
            using (var step = Command(db, tx, sql))
            {
                step.CommandTimeout = 0;
                step.ExecuteNonQuery();
            }

            Dialect.MigrationCode.GetValueOrDefault(number)?.Invoke(db, tx);
            Exec(db, tx, "INSERT INTO schema_migrations(number, applied_at) VALUES (@n, @at);", ("@n", number), ("@at", Iso(DateTimeOffset.UtcNow)));
        }

        if (done == 0)
            WriteNewestFormats(db, tx);
        _upgradedOnOpen = done > 0 && done < newest;

        Dialect.SettleRestore(db, tx);

        tx.Commit();
        // A step may have recounted sums without a change in the feed, and a restore moves the feed's positions.
        _scopeSums.Clear();
    }

    /// <summary>A consistent copy of the whole store; each database has its own way (see the stores).</summary>
    public abstract Task<long> BackupAsync(string file, CancellationToken cancel = default);

    // ---------------------------------------------------------------- administration

    public Task<Guid> AddTeamAsync(string name, DateTimeOffset now) => Write((db, tx) =>
    {
        name = CheckName(name, "teamnaam");
        if (Scalar(db, tx, "SELECT id FROM teams WHERE name = @n;", ("@n", name)) is not null)
            throw new AdminException($"Er bestaat al een team met de naam '{name}'.");
        var id = Guid.NewGuid();
        Exec(db, tx, "INSERT INTO teams(id, name, created_at) VALUES (@id, @n, @at);", ("@id", S(id)), ("@n", name), ("@at", Iso(now)));
        return id;
    });

    public Task<Guid> AddWorkerAsync(string name, Role role, string teamName, DateTimeOffset now) => Write((db, tx) =>
    {
        name = CheckName(name, "naam");
        var team = TeamId(db, tx, teamName);
        if (Scalar(db, tx, "SELECT id FROM workers WHERE name = @n;", ("@n", name)) is not null)
            throw new AdminException($"Er bestaat al een medewerker met de naam '{name}'; kies een unieke naam.");
        var id = Guid.NewGuid();
        Exec(db, tx, "INSERT INTO workers(id, name, role, created_at) VALUES (@id, @n, @r, @at);", ("@id", S(id)), ("@n", name), ("@r", role.Code()), ("@at", Iso(now)));
        Exec(db, tx, "INSERT INTO worker_teams(worker_id, team_id) VALUES (@w, @t);", ("@w", S(id)), ("@t", S(team)));
        return id;
    });

    public Task<Guid> AddEnrolmentCodeAsync(string workerName, string codeHash, DateTimeOffset expiresAt, DateTimeOffset now) => Write((db, tx) =>
    {
        var worker = Scalar(db, tx, "SELECT id FROM workers WHERE name = @n;", ("@n", workerName.Trim())) as string
            ?? throw new AdminException($"Onbekende medewerker '{workerName}'. Voeg de medewerker eerst toe met 'admin user add'.");
        Exec(db, tx, "INSERT INTO enrolment_codes(code_hash, worker_id, created_at, expires_at) VALUES (@h, @w, @at, @exp);",
            ("@h", codeHash), ("@w", worker), ("@at", Iso(now)), ("@exp", Iso(expiresAt)));
        return Guid.Parse(worker);
    });

    public Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync()
    {
        using var db = Open();
        using var cmd = Command(db, null, "SELECT d.id, w.name, d.name, d.enrolled_at, d.revoked_at FROM devices d JOIN workers w ON w.id = d.worker_id ORDER BY d.enrolled_at, d.id;");
        using var reader = cmd.ExecuteReader();
        var list = new List<DeviceInfo>();
        while (reader.Read())
            list.Add(new DeviceInfo(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), ParseIso(reader.GetString(3)), reader.IsDBNull(4) ? null : ParseIso(reader.GetString(4))));
        return Task.FromResult<IReadOnlyList<DeviceInfo>>(list);
    }

    public Task RevokeDeviceAsync(Guid deviceId, DateTimeOffset now) => Write((db, tx) =>
    {
        if (Scalar(db, tx, "SELECT id FROM devices WHERE id = @id;", ("@id", S(deviceId))) is null)
            throw new AdminException($"Onbekend apparaat {deviceId}. Zie 'admin device list'.");
        Exec(db, tx, "UPDATE devices SET revoked_at = coalesce(revoked_at, @at) WHERE id = @id;", ("@id", S(deviceId)), ("@at", Iso(now)));
        return true;
    });

    public Task AssignClientAsync(Guid clientId, string teamName, DateTimeOffset now) => Write((db, tx) =>
    {
        var team = TeamId(db, tx, teamName);
        if (Scalar(db, tx, "SELECT 1 FROM team_clients WHERE team_id = @t AND client_id = @c;", ("@t", S(team)), ("@c", S(clientId))) is not null)
            throw new AdminException($"Cliënt {clientId} staat al op de caseload van team '{teamName}'.");
        Exec(db, tx, "INSERT INTO team_clients(team_id, client_id, assigned_at) VALUES (@t, @c, @at);", ("@t", S(team)), ("@c", S(clientId)), ("@at", Iso(now)));
        // The client's rows enter this team's scope: give each a new seq so every device of the team,
        // whatever its anchor, finds them in the feed (other devices receive an identical row again: harmless).
        foreach (var (tbl, rowId) in Keys(db, tx, "SELECT tbl, row_id FROM rows WHERE client_id = @c ORDER BY tbl, row_id;", S(clientId)))
            Exec(db, tx, "UPDATE rows SET seq = @s WHERE tbl = @tbl AND row_id = @r;", ("@s", NextSeq(db, tx)), ("@tbl", tbl), ("@r", rowId));
        foreach (var (_, id) in Keys(db, tx, "SELECT 'conflicts', id FROM conflicts WHERE client_id = @c ORDER BY id;", S(clientId)))
            Exec(db, tx, "UPDATE conflicts SET seq = @s WHERE id = @id;", ("@s", NextSeq(db, tx)), ("@id", id));
        return true;
    });

    public Task UnassignClientAsync(Guid clientId, string teamName, DateTimeOffset now) => Write((db, tx) =>
    {
        var team = TeamId(db, tx, teamName);
        if (Exec(db, tx, "DELETE FROM team_clients WHERE team_id = @t AND client_id = @c;", ("@t", S(team)), ("@c", S(clientId))) == 0)
            throw new AdminException($"Cliënt {clientId} staat niet op de caseload van team '{teamName}'.");
        // Scope exits are rows in the feed, never inferred from absence: one notice per row of the client.
        var keys = Keys(db, tx, "SELECT tbl, row_id FROM rows WHERE client_id = @c UNION ALL SELECT 'conflicts', id FROM conflicts WHERE client_id = @c ORDER BY 1, 2;", S(clientId));
        foreach (var (tbl, rowId) in keys)
        {
            Exec(db, tx, "INSERT INTO scope_events(seq, team_id, client_id, kind, tbl, row_id, at) VALUES (@s, @t, @c, 'removed', @tbl, @r, @at);",
                ("@s", NextSeq(db, tx)), ("@t", S(team)), ("@c", S(clientId)), ("@tbl", tbl), ("@r", rowId), ("@at", Iso(now)));
        }

        return true;
    });

    // ---------------------------------------------------------------- enrolment and devices

    public Task<EnrolResponse?> EnrolAsync(string codeHash, NewDevice device, DateTimeOffset now) => Write<EnrolResponse?>((db, tx) =>
    {
        using var find = Command(db, tx, "SELECT worker_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = @h;", ("@h", codeHash));
        string workerId;
        using (var reader = find.ExecuteReader())
        {
            if (!reader.Read() || !reader.IsDBNull(2) || ParseIso(reader.GetString(1)) <= now)
                return null;
            workerId = reader.GetString(0);
        }

        Exec(db, tx, "UPDATE enrolment_codes SET used_at = @at, device_id = @d WHERE code_hash = @h;", ("@at", Iso(now)), ("@d", S(device.Id)), ("@h", codeHash));
        Exec(db, tx, "INSERT INTO devices(id, worker_id, name, token_hash, enrolled_at) VALUES (@id, @w, @n, @t, @at);",
            ("@id", S(device.Id)), ("@w", workerId), ("@n", device.Name), ("@t", device.TokenHash), ("@at", Iso(now)));

        var (name, role) = WorkerOf(db, tx, workerId);
        var teams = new List<TeamInfo>();
        using (var cmd = Command(db, tx, "SELECT t.id, t.name FROM teams t JOIN worker_teams wt ON wt.team_id = t.id WHERE wt.worker_id = @w ORDER BY t.name;", ("@w", workerId)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                teams.Add(new TeamInfo(Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        return new EnrolResponse(device.Id, device.Token, Guid.Parse(workerId), name, role, teams);
    });

    public Task<DeviceSession?> FindDeviceAsync(string tokenHash, CancellationToken cancel = default) => Read(db =>
    {
        using var cmd = Command(db, null, "SELECT d.id, d.worker_id, w.role, d.revoked_at FROM devices d JOIN workers w ON w.id = d.worker_id WHERE d.token_hash = @h;", ("@h", tokenHash));
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
            return null;
        if (!RoleCodes.TryParse(reader.GetString(2), out var role))
            role = Role.Admin; // an unreadable role gets the least: administrators write no dossiers
        return new DeviceSession(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), role,
            reader.IsDBNull(3) ? null : ParseIso(reader.GetString(3)));
    }, cancel);

    // ---------------------------------------------------------------- push

    /// <summary>
    /// Applies a push in one write transaction (on SQLite, with the pushes that waited for the writer beside it, each in a
    /// savepoint: <see cref="PushTogether"/>). A push is applied first without a savepoint per mutation (two round trips
    /// a mutation saved); when a mutation turns out to be poisoned, the push is rolled back whole and runs again with a
    /// savepoint around each mutation, so the poisoned one is refused and the rest of the batch still lands.
    /// </summary>
    public async Task<IReadOnlyList<MutationResult>> PushAsync(DeviceSession device, IReadOnlyList<Mutation> mutations, DateTimeOffset now, CancellationToken cancel = default) =>
        (await PushAsync(device, mutations, [], now, cancel: cancel)).Results;

    public async Task<PushAnswer> PushAsync(
        DeviceSession device, IReadOnlyList<Mutation> mutations, IReadOnlyList<AuditRecord> audit, DateTimeOffset now, PushTurn? turn = null,
        IReadOnlyList<PreparedMutation?>? prepared = null, Action<Exception>? auditFailed = null, CancellationToken cancel = default)
    {
        if (prepared is not null && prepared.Count != mutations.Count)
            throw new ArgumentException("One prepared mutation for each mutation, or none.", nameof(prepared));
        var push = new QueuedPush(device, mutations, prepared, audit, now, turn);
        if (Dialect.OneWriter)
            return await _pushes.Add(push, cancel);
        return audit.Count < AuditApartFrom ? await PushAlone(push, cancel) : await PushBesideItsAudit(push, auditFailed, cancel);
    }

    /// <summary>
    /// From this many audit events on, a push on a store of several writers stores them in a transaction of its own, beside
    /// its mutations' (<see cref="PushBesideItsAudit"/>). A first upload's pushes carry an event for every row they write:
    /// on PostgreSQL, storing such a push's events took 4.8 ms beside the 5.6 ms of its rows' insert, one after the other,
    /// and a device's pushes go one at a time, each after the request before it ended. A push of a few events, as a day's
    /// sync sends, keeps them in its own transaction: a second transaction would cost more than it spares.
    /// </summary>
    private const int AuditApartFrom = 100;

    /// <summary>
    /// The push's mutations in one transaction and its audit events in another, at the same time, so the request takes as
    /// long as the longer of the two rather than both. They need not be one: events count as delivered only once an answer
    /// holds them. The events start once the push has its turn, so a push found out of turn stores none of them (unless its
    /// transaction ran again after they started, and another instance moved the device's turn in between). When they fail,
    /// the push stands and answers no <c>AuditHeld</c>, and the laptop sends them to the audit upload; when the push fails,
    /// its request fails, and the events stored meanwhile are stored once however often they come again.
    /// </summary>
    private async Task<PushAnswer> PushBesideItsAudit(QueuedPush push, Action<Exception>? auditFailed, CancellationToken cancel)
    {
        Task<long>? audit = null;
        // The store's work runs to its commit on the thread that calls it: on a thread of its own, the events' transaction
        // runs while the push's goes on. Once, though the push's transaction may run again (a retry, or savepoints).
        void TurnTaken() => audit ??= Task.Run(() => StoreAuditAsync(push.Device, push.Audit, push.Now, cancel), cancel);
        PushAnswer applied;
        try
        {
            applied = await PushAlone(push with { Audit = [], TurnTaken = TurnTaken }, cancel);
        }
        finally
        {
            // Awaited even when the push failed: no transaction of the request outlives it, and no failure goes untold.
            if (audit is not null)
                await ((Task)audit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (audit is { IsFaulted: true, Exception.InnerException: { } failure })
                auditFailed?.Invoke(failure);
        }

        return (applied.Results, audit is { IsCompletedSuccessfully: true } ? audit.Result : null);
    }

    private async Task<PushAnswer> PushAlone(QueuedPush push, CancellationToken cancel = default)
    {
        try
        {
            return await Write((db, tx) => Applied(db, tx, push, eachInSavepoint: false), cancel);
        }
        catch (PoisonedMutationException)
        {
            return await Write((db, tx) => Applied(db, tx, push, eachInSavepoint: true), cancel);
        }
    }

    /// <summary>The push's mutations and then the audit events it carries, inside the transaction.</summary>
    private PushAnswer Applied(DbConnection db, DbTransaction tx, QueuedPush push, bool eachInSavepoint) =>
        (Push(db, tx, push, eachInSavepoint), StoreAuditWith(db, tx, push.Device, push.Audit, push.Now));

    /// <param name="TurnTaken">Called in the push's transaction once the push has the device's turn (its lock, and the turn it follows).</param>
    private sealed record QueuedPush(
        DeviceSession Device, IReadOnlyList<Mutation> Mutations, IReadOnlyList<PreparedMutation?>? Prepared, IReadOnlyList<AuditRecord> Audit, DateTimeOffset Now, PushTurn? Turn,
        Action? TurnTaken = null);

    /// <summary>
    /// Pushes that waited for SQLite's one writer, in one transaction, each in a savepoint of its own: a push that fails is
    /// rolled back and fails alone (its request answers the failure as before), the others are kept. A failure that asks
    /// for the transaction to run again (busy) runs the whole group again. A push alone goes without the savepoint: SQLite
    /// keeps a copy of every page a savepoint changes, which cost a first upload of 100,000 rows (full pushes, each alone)
    /// about a second of the server's processor time.
    /// </summary>
    private async Task<IReadOnlyList<Outcome<PushAnswer>>> PushTogether(IReadOnlyList<QueuedPush> group) =>
        group is [var alone] ? [Outcome<PushAnswer>.Of(await PushAlone(alone))] : await PushInSavepoints(group);

    private Task<IReadOnlyList<Outcome<PushAnswer>>> PushInSavepoints(IReadOnlyList<QueuedPush> group) => Write((db, tx) =>
    {
        var outcomes = new List<Outcome<PushAnswer>>(group.Count);
        foreach (var push in group)
        {
            Exec(db, tx, "SAVEPOINT push;");
            try
            {
                PushAnswer answer;
                try
                {
                    answer = Applied(db, tx, push, eachInSavepoint: false);
                }
                catch (PoisonedMutationException)
                {
                    Exec(db, tx, "ROLLBACK TO push;");
                    answer = Applied(db, tx, push, eachInSavepoint: true);
                }

                Exec(db, tx, "RELEASE push;");
                outcomes.Add(Outcome<PushAnswer>.Of(answer));
            }
            catch (Exception e) when (!(e is DbException storage && Dialect.IsTransient(storage)))
            {
                Exec(db, tx, "ROLLBACK TO push; RELEASE push;");
                outcomes.Add(Outcome<PushAnswer>.Failed(e));
            }
        }

        return (IReadOnlyList<Outcome<PushAnswer>>)outcomes;
    });

    private static long? StoreAuditWith(DbConnection db, DbTransaction tx, DeviceSession device, IReadOnlyList<AuditRecord> audit, DateTimeOffset now) =>
        audit.Count == 0 ? null : StoreAudit(db, tx, device, audit, now);

    /// <summary>A mutation failed in a push run without savepoints: the push must run again with them.</summary>
    private sealed class PoisonedMutationException : Exception;

    private IReadOnlyList<MutationResult> Push(DbConnection db, DbTransaction tx, QueuedPush push, bool eachInSavepoint)
    {
        var (device, mutations, now, turn) = (push.Device, push.Mutations, push.Now, push.Turn);
        // The pushes of one device run one after the other, whichever instance takes them; the second then finds the
        // first's mutations recorded and answers their results (see DeviceGate). StoreAudit takes the events above the
        // highest stored seq as new, and the audit upload and the events stored beside a push write them under the lock
        // of the device's events alone: a push that stores its own takes that lock too, after the device's (no
        // transaction takes them the other way round).
        var id = S(device.DeviceId);
        Dialect.LockKeys(db, tx, push.Audit.Count > 0 ? ["device/" + id, "audit/" + id] : ["device/" + id]);
        if (turn is not null)
            TakeTurn(db, tx, device.DeviceId, turn);
        push.TurnTaken?.Invoke();
        var scope = new PushScope(db, tx, device, now, TeamsOf(db, tx, device.WorkerId), PushStampFormat(db, tx));
        scope.Prefetch(mutations);
        // Idempotence: a mutation seen before (in an earlier push or earlier in this one) gets its first answer again
        // and is not applied twice. The earlier answers are read in one query, the new ones written in a few at the end.
        var answered = AppliedBefore(db, tx, device.DeviceId, mutations);
        var fresh = new List<MutationResult>(mutations.Count);
        var results = new List<MutationResult>(mutations.Count);
        for (var i = 0; i < mutations.Count; i++)
        {
            var mutation = mutations[i];
            if (answered.TryGetValue(mutation.MutationId, out var stored))
            {
                results.Add(stored);
                continue;
            }

            MutationResult result;
            if (eachInSavepoint)
                Exec(db, tx, "SAVEPOINT mutation;");
            try
            {
                scope.Applying = mutation;
                result = MutationApplier.Apply(scope, device, mutation, now, push.Prepared?[i]);
                if (eachInSavepoint)
                {
                    scope.Flush();
                    Exec(db, tx, "RELEASE mutation;");
                }
            }
            catch (DbException)
            {
                throw; // a storage failure fails the whole batch; the laptop sends it again
            }
            catch (Exception e) when (MutationApplier.IsPoison(e))
            {
                if (!eachInSavepoint)
                    throw new PoisonedMutationException();
                // A poisoned mutation is refused with a reason and never blocks the queue.
                Exec(db, tx, "ROLLBACK TO mutation; RELEASE mutation;");
                scope.Forget();
                result = MutationApplier.Refused(mutation, 0, "De server kon deze wijziging niet verwerken; neem contact op met de beheerder.");
            }

            answered[mutation.MutationId] = result;
            fresh.Add(result);
            results.Add(result);
        }

        scope.Applying = null;
        scope.Flush();
        RecordApplied(db, tx, device.DeviceId, fresh, now);
        // Issue 14: a stored tagged row may raise a pattern or change an open one's figures, in this same transaction;
        // only the tags the push wrote (before and after) can have changed.
        if (scope.TouchedTags.Count > 0)
            RefreshPatterns(db, tx, now, scope.TouchedTags);
        return results;
    }

    /// <summary>
    /// A push that follows another is applied only when that one is the device's last push recorded, under the device's
    /// lock: applied, and nothing of the device's since. The push's own id is recorded as the device's last in its transaction,
    /// for a following push in the one statement that checks (a round trip less on PostgreSQL, on every push in turn).
    /// </summary>
    private static void TakeTurn(DbConnection db, DbTransaction tx, Guid deviceId, PushTurn turn)
    {
        if (turn.Follows is not { } follows)
        {
            Exec(db, tx, "INSERT INTO device_pushes(device_id, push_id) VALUES (@d, @p) ON CONFLICT(device_id) DO UPDATE SET push_id = excluded.push_id;",
                ("@d", S(deviceId)), ("@p", S(turn.Id)));
            return;
        }

        if (Exec(db, tx, "UPDATE device_pushes SET push_id = @p WHERE device_id = @d AND push_id = @f;", ("@d", S(deviceId)), ("@p", S(turn.Id)), ("@f", S(follows))) == 0)
            throw new PushOutOfTurnException();
    }

    /// <summary>Ids per statement when a push reads scattered earlier answers, a parameter an id: well below either database's limit.</summary>
    private const int IdsPerStatement = 250;

    private static Dictionary<long, MutationResult> AppliedBefore(DbConnection db, DbTransaction tx, Guid deviceId, IReadOnlyList<Mutation> mutations)
    {
        var answered = new Dictionary<long, MutationResult>();
        if (mutations.Count == 0)
            return answered;
        var ids = mutations.Select(m => m.MutationId).ToHashSet();
        var (low, high) = (ids.Min(), ids.Max());
        // A laptop numbers its mutations one by one, so a batch is a short range of ids: one range scan of the primary key,
        // which the planner cannot mistake for a scan of every mutation of the device (as it did with a long IN list while
        // a first upload outgrew the table's statistics). A scattered batch is asked for id by id.
        var contiguous = high - low < 4L * ids.Count;
        foreach (var chunk in contiguous ? [[]] : ids.Chunk(SqlDialect.Of(db).Items(IdsPerStatement)))
        {
            using var cmd = contiguous
                ? Command(db, tx, "SELECT mutation_id, result FROM applied_mutations WHERE device_id = @d AND mutation_id BETWEEN @low AND @high;", ("@d", S(deviceId)), ("@low", low), ("@high", high))
                : Command(db, tx, $"SELECT mutation_id, result FROM applied_mutations WHERE device_id = @d AND mutation_id IN ({string.Join(", ", chunk.Select((_, i) => "@m" + i))});",
                    [("@d", S(deviceId)), .. chunk.Select((id, i) => ("@m" + i, (object?)id))]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                if (ids.Contains(reader.GetInt64(0)))
                    answered[reader.GetInt64(0)] = JsonSerializer.Deserialize(reader.GetString(1), ServerJson.Default.MutationResult)!;
            }
        }

        return answered;
    }

    private static void RecordApplied(DbConnection db, DbTransaction tx, Guid deviceId, IReadOnlyList<MutationResult> results, DateTimeOffset now)
    {
        if (results.Count == 0)
            return;
        SqlDialect.Of(db).InsertItems(db, tx, "applied_mutations", ["mutation_id", "result"],
            [.. results.Select(r => new object?[] { r.MutationId, JsonSerializer.Serialize(r, ServerJson.Default.MutationResult) })],
            [("device_id", S(deviceId)), ("applied_at", Iso(now))]);
    }

    /// <summary>
    /// The rows a device receives, as SQL conditions on the row and on conflict records, and the sums that
    /// cover them. A consultant's rows are <see cref="SyncSchema.ReviewTables"/> as <see cref="ScopeSums.ReviewRowSql"/>
    /// says, and no conflict records (see <see cref="SyncSchema.ReviewTables"/> for why).
    /// A fund secretariat's rows are the fund requests and repayments of every client that has one
    /// (<see cref="SyncSchema.ReceivesFundOnly"/>), whatever team holds the client: no other rows, no conflict
    /// records, and no scope exits, which are about a team's caseload.
    /// </summary>
    /// <param name="Teams">The worker's teams as a list for <c>IN (…)</c>.</param>
    /// <param name="Parameters">The values of that list, @t0, @t1, …, which every statement of the pull that names the scope binds.</param>
    private sealed record PullAudience(string Scope, string Teams, string RowFilter, string ConflictFilter, string ExitFilter, string Sums, (string Name, object? Value)[] Parameters)
    {
        /// <remarks>
        /// The teams go in as values read first, not as a join on worker_teams: PostgreSQL then knows how many clients the
        /// scope holds, where the join made it guess a hundred and sum a scope of 5,000 clients by 5,000 index probes
        /// instead of one hash join (15 ms against 6.6 ms, measured alone). How the feed is read is FeedInScope's part.
        /// </remarks>
        /// <param name="ownWritesHeld">Leave out the rows the device wrote as it pushed them (see <see cref="PushScope.WriteRow"/>) while
        /// they keep the place in the feed that write gave them: any later write or touch of the row moves it and sends it again.</param>
        public static PullAudience Of(DeviceSession device, IReadOnlyList<string> teams, bool ownWritesHeld)
        {
            // "IN (NULL)" holds for no team: a worker in none has no caseload.
            var teamList = teams.Count == 0 ? "NULL" : string.Join(", ", teams.Select((_, i) => "@t" + i));
            var parameters = teams.Select((t, i) => ("@t" + i, (object?)t)).ToList();
            if (ownWritesHeld)
                parameters.Add(("@me", S(device.DeviceId)));
            var caseload = $"SELECT client_id FROM team_clients WHERE team_id IN ({teamList})";
            var notOwn = ownWritesHeld ? " AND (pushed_seq IS NULL OR pushed_seq <> seq OR updated_device <> @me)" : "";
            return SyncSchema.ReceivesFundOnly(device.Role)
                ? new(FundScopeSql, teamList, $" AND tbl IN ({string.Join(", ", FundColumns.Tables.Select(t => $"'{t}'"))}){notOwn}", " AND 1 = 0", " AND 1 = 0", "client_sums_fund", [.. parameters])
                : SyncSchema.ReceivesReviewOnly(device.Role)
                    ? new(caseload, teamList, " AND " + ScopeSums.ReviewRowSql("rows") + notOwn, " AND 1 = 0", "", "client_sums_review", [.. parameters])
                    : new(caseload, teamList, notOwn, "", "", "client_sums", [.. parameters]);
        }
    }

    // ---------------------------------------------------------------- pull

    /// <summary>The feed table name under which conflict records reach the laptops.</summary>
    public const string ConflictsTable = "conflicts";

    /// <summary>Every client with a fund row.</summary>
    private const string FundScopeSql = "SELECT client_id FROM client_sums_fund";

    public async Task<PullResponse> PullAsync(DeviceSession device, long after, int limit, DateTimeOffset now, bool ownWritesHeld = false, long? knownReference = null, CancellationToken cancel = default)
    {
        var (page, delivered, firstPull) = await Read(db => ReadPage(db, device, after, limit, ownWritesHeld, knownReference, now), cancel);
        // Before the page goes: its next page may come to another instance.
        if (firstPull is not null)
            await Remember(device.DeviceId, firstPull, cancel);
        // The log is written on a connection of its own once the read connection is back in the pool: a pull that held one
        // while it waited for another left 200 pulls at once (PostgreSQL, a pool of 100) each holding one and none getting
        // a second, until the pool's wait ran out and they failed.
        if (delivered.Count > 0)
            await _transfers.Add(new PullTransfer(S(device.DeviceId), S(device.WorkerId), Iso(now), [.. delivered.Select(d => (S(d.Client), d.Count))]), cancel);
        return page;
    }

    /// <summary>
    /// A pull's page, in one read transaction, how many rows of each client it delivers (for the transfer log), and what
    /// becomes of the horizon of a first pull the page belongs to.
    /// </summary>
    private (PullResponse Page, List<(Guid Client, int Count)> Delivered, FirstPullHorizon? FirstPull) ReadPage(DbConnection db, DeviceSession device, long after, int limit, bool ownWritesHeld, long? knownReference,
        DateTimeOffset now)
    {
        // One read transaction: the horizon, the page and the scope checksum come from the same snapshot.
        using var tx = BeginRead(db);
        var worker = S(device.WorkerId);
        var (teams, horizon, top, namesVersion) = TeamsAndHorizon(db, tx, worker);
        // A fund secretariat's scope is not a caseload: its teams play no part.
        var scopeTeams = SyncSchema.ReceivesFundOnly(device.Role) ? [] : teams;
        var audience = PullAudience.Of(device, scopeTeams, ownWritesHeld);
        // From the start, the scope is read client by client first (FirstPull); the feed goes on from its horizon.
        var first = after <= 0 && limit > 0 ? FirstPull(db, tx, device.DeviceId, audience, after, horizon, limit) : null;
        if (first is not null)
            after = first.Horizon - 1;
        // An anchor at or beyond the horizon was not handed out by this store: it was restored from a copy without the
        // jump of admin backup. Resending the scope as an ordinary pull would put the copy's older rows over the
        // laptop's newer ones; an empty page at the horizon instead lets the laptop find the difference in the scope
        // checksum and repair by version (ScopeRepair), pushing back what the server lost.
        if (after >= horizon)
            after = horizon - 1;
        var changes = first?.Changes ?? [];
        var room = limit - changes.Count;
        bool hasMore;
        long nextAnchor;
        if (first is { Next: { } next })
            (hasMore, nextAnchor) = (true, next);
        else if (first is not null && room <= 0)
            (hasMore, nextAnchor) = (true, after);
        else
        {
            var feed = Feed(db, tx, audience, "", after, horizon, room + 1);
            hasMore = feed.Count > room;
            if (hasMore)
            {
                // A page holds whole groups (transactions): keep those below the group that crosses the limit, or, when the
                // first group alone crosses it on a page that holds nothing else, that whole group.
                var crossing = feed[room].Group;
                feed.RemoveAll(c => c.Group >= crossing);
                if (feed.Count == 0 && changes.Count == 0)
                    feed = Feed(db, tx, audience, $" AND {Dialect.FeedGroup} = {crossing}", after, horizon, int.MaxValue);
            }

            changes.AddRange(feed);
            // With nothing more to send, the anchor may move up to the horizon: every group below it was committed in
            // this snapshot and has been considered.
            nextAnchor = hasMore ? (feed.Count > 0 ? feed[^1].Group : after) : Math.Max(after, horizon - 1);
        }

        // The sums below are read in this snapshot, which may hold changes committed above the horizon (several
        // writers): say so rather than let the laptop take the difference for a loss and re-read its scope.
        var askHeldBack = !hasMore && !Dialect.OneWriter;

        var workers = HeldNames(device.WorkerId, namesVersion);
        var heldBack = false;
        long? reference = null;
        // The sums cost a read of every client in scope, and a laptop compares only the last page's: a page with more to
        // follow carries none (PullResponse). Sums this instance read before stand for them while the scope's feed shows no
        // change since (ScopeSumsCache): then one walk of the feed's index is asked instead. A page that itself brings a
        // change made since has the answer already, and the sums are read at once.
        var sumsKey = ScopeSumsCache.Key(audience.Sums, scopeTeams);
        var cached = !hasMore && _scopeSums.Usable(sumsKey, horizon, now) is { } entry && !changes.Exists(c => c.Group >= entry.Horizon) ? entry : null;
        var unchanged = false;
        (long Count, long Sum) sums = (0, 0);
        // The sums (or whether the scope changed), the colleagues' names (unless held for this version), whether changes
        // wait above the horizon and the reference version in one command: one round trip on PostgreSQL, where each of the
        // last two was one or two of their own.
        using (var cmd = Command(db, tx, $"""
            {(cached is null ? ScopeSumsSql(audience, hasMore) : ScopeChangedSql(Dialect, audience))}
            {(workers is null ? ColleagueNamesSql : "")}
            {(askHeldBack ? HeldBackSql(Dialect, audience) : "")}
            {(knownReference is null ? "" : ReferenceVersionSql)}
            """, [("@w", worker), ("@heldAfter", horizon - 1), ("@sumsAfter", (cached?.Horizon ?? 0) - 1), .. audience.Parameters]))
        using (var reader = cmd.ExecuteReader())
        {
            if (cached is null)
                sums = ReadSums(reader);
            else
                unchanged = !reader.Read() || reader.IsDBNull(0);

            if (workers is null)
            {
                reader.NextResult();
                workers = ReadNames(reader, device.WorkerId, namesVersion);
            }

            if (askHeldBack)
                heldBack = NextValue(reader) is not null;
            if (knownReference is not null)
                reference = Convert.ToInt64(NextValue(reader), CultureInfo.InvariantCulture);
        }

        if (cached is not null && unchanged)
        {
            sums = (cached.Count, cached.Sum);
            _scopeSums.Confirm(sumsKey, cached, horizon, top);
        }
        else if (!hasMore)
        {
            // The check said the scope changed: the sums are read after all.
            if (cached is not null)
            {
                using var cmd = Command(db, tx, ScopeSumsSql(audience, hasMore: false), audience.Parameters);
                using var reader = cmd.ExecuteReader();
                sums = ReadSums(reader);
            }

            _scopeSums.Keep(sumsKey, horizon, top, sums.Count, sums.Sum, now);
        }

        // In the page's snapshot: the version and the lists it describes.
        var referenceData = reference is { } version && version != knownReference ? ReferenceSet(db, tx, device.WorkerId, version) : null;
        tx.Commit();
        var page = new PullResponse(changes.Select(c => c.Change).ToList(), nextAnchor, hasMore, sums.Count, unchecked((uint)sums.Sum), workers)
        {
            ScopeHeldBack = heldBack,
            Reference = referenceData,
        };
        return (page, changes.Where(c => !c.Change.Removed).GroupBy(c => c.ClientId).Select(g => (Client: g.Key, Count: g.Count())).ToList(),
            first?.Then);
    }

    /// <summary>The first value of the reader's next result set, null when it has no row (or holds null).</summary>
    private static object? NextValue(DbDataReader reader)
    {
        reader.NextResult();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
    }

    /// <summary>The audience's count and checksum, none where <paramref name="hasMore"/> (one row, read by <see cref="ReadSums"/>).</summary>
    private static string ScopeSumsSql(PullAudience audience, bool hasMore) =>
        $"SELECT coalesce(sum(row_count), 0), coalesce(sum(checksum), 0) FROM {audience.Sums} WHERE {(hasMore ? "false AND " : "")}client_id IN ({audience.Scope});";

    private static (long Count, long Sum) ReadSums(DbDataReader reader)
    {
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Not null when a change in the audience's scope waits above the horizon (above <c>@heldAfter</c>).</summary>
    private static string HeldBackSql(SqlDialect dialect, PullAudience audience) => FirstChangeSql(dialect, audience, $"{dialect.FeedGroup} > @heldAfter");

    /// <summary>
    /// How many changed rows of every scope the check of cached sums looks through before it takes the scope for changed:
    /// the walk tests each one's client against the scope, and after another team's upload it could otherwise cost more
    /// than the sum it saves.
    /// </summary>
    internal const int SumsCheckWalk = 1000;

    /// <summary>
    /// Not null when anything in the audience's scope changed after <c>@sumsAfter</c> that may have changed its sums: every
    /// row, conflict record and scope exit of it, whoever wrote it (a device's own write, held back from its pull, changes
    /// its sums all the same) and whatever the audience receives of it, or when <see cref="SumsCheckWalk"/> rows or more
    /// of any scope changed. Without the audience's filters the check can only answer yes more often than needed, never less.
    /// </summary>
    private static string ScopeChangedSql(SqlDialect dialect, PullAudience audience)
    {
        var window = $"{dialect.FeedGroup} > @sumsAfter";
        var (_, conflicts, exits) = FeedWhere(dialect, audience with { RowFilter = "", ConflictFilter = "", ExitFilter = "" }, window);
        var order = FeedOrder(dialect);
        return FirstOf(dialect,
            $"""
            (SELECT 1 FROM (SELECT client_id FROM rows WHERE {window} ORDER BY {order} LIMIT {SumsCheckWalk}) AS recent
                WHERE {dialect.FeedInScope("recent", audience.Scope)} LIMIT 1)
            """,
            FirstIn("rows", window, order, SumsCheckWalk - 1), FirstIn("conflicts", conflicts, order), FirstIn("scope_events", exits, order));
    }

    /// <summary>
    /// Not null when the audience's scope has a change in <paramref name="window"/>: the feed's own filters
    /// (<see cref="FeedWhere"/>) and order, the first row of each, as a page would be read. Asked as EXISTS instead,
    /// PostgreSQL drops the order, and with it the walk of the feed's index from the window's start.
    /// </summary>
    private static string FirstChangeSql(SqlDialect dialect, PullAudience audience, string window)
    {
        var (rows, conflicts, exits) = FeedWhere(dialect, audience, window);
        var order = FeedOrder(dialect);
        return FirstOf(dialect, FirstIn("rows", rows, order), FirstIn("conflicts", conflicts, order), FirstIn("scope_events", exits, order));
    }

    /// <summary>The first value of <paramref name="firsts"/> that is not null, with the feed's plan (<see cref="SqlDialect.FeedPlanBegin"/>).</summary>
    private static string FirstOf(SqlDialect dialect, params string[] firsts) =>
        $"{dialect.FeedPlanBegin}SELECT coalesce({string.Join(",\n   ", firsts)});{dialect.FeedPlanEnd}";

    /// <summary>1 for the feed entry of <paramref name="table"/> at place <paramref name="offset"/> in feed order (the first by default), null when there is none.</summary>
    private static string FirstIn(string table, string where, string order, int offset = 0) =>
        $"(SELECT 1 FROM {table} WHERE {where} ORDER BY {order} LIMIT 1{(offset > 0 ? $" OFFSET {offset}" : "")})";

    /// <summary>The feed's order: by group (seq, or transaction then seq).</summary>
    private static string FeedOrder(SqlDialect dialect) => dialect.FeedGroup == "seq" ? "seq" : $"{dialect.FeedGroup}, seq";

    /// <summary>
    /// What the feed serves of the rows, the conflict records and the scope exits within <paramref name="window"/>: those in
    /// the audience's scope, walked in feed order (FeedInScope); a scope exit is for one of the worker's teams, unless the
    /// client is (again) in scope through a team.
    /// </summary>
    private static (string Rows, string Conflicts, string Exits) FeedWhere(SqlDialect dialect, PullAudience audience, string window) => (
        $"{window} AND {dialect.FeedInScope("rows", audience.Scope)}{audience.RowFilter}",
        $"{window} AND {dialect.FeedInScope("conflicts", audience.Scope)}{audience.ConflictFilter}",
        $"{window} AND team_id IN ({audience.Teams}) AND client_id NOT IN ({audience.Scope}){audience.ExitFilter}");

    /// <summary>
    /// The worker's teams, the feed's horizon and the snapshot's top (<see cref="SqlDialect.FeedHorizonSql"/>) and the names
    /// version (null in a store that has none), in one command (one round trip on PostgreSQL) and one snapshot.
    /// </summary>
    private static (IReadOnlyList<string> Teams, long Horizon, long Top, string? NamesVersion) TeamsAndHorizon(DbConnection db, DbTransaction tx, string worker)
    {
        var teams = new List<string>();
        using var cmd = Command(db, tx, "SELECT team_id FROM worker_teams WHERE worker_id = @w ORDER BY team_id;\n" + SqlDialect.Of(db).FeedHorizonSql + "\n" + NamesVersionSql, ("@w", worker));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            teams.Add(reader.GetString(0));
        reader.NextResult();
        reader.Read();
        var horizon = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var top = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        return (teams, horizon, top, NextValue(reader) as string);
    }

    /// <summary>A feed entry with the group (seq or transaction) the pull pages by.</summary>
    private sealed record FeedEntry(long Group, RowChange Change, Guid ClientId);

    /// <summary>
    /// The first <paramref name="take"/> changes in the device's scope after the anchor and below the horizon, from the
    /// rows, the conflict records and the scope exits, in feed order; <paramref name="only"/> narrows them further.
    /// </summary>
    private static List<FeedEntry> Feed(DbConnection db, DbTransaction tx, PullAudience audience, string only, long after, long horizon, int take)
    {
        var dialect = SqlDialect.Of(db);
        var group = dialect.FeedGroup;
        var (rows, conflicts, exits) = FeedWhere(dialect, audience, $"{group} > @after AND {group} < @horizon{only}");
        var order = FeedOrder(dialect);
        (string, object?)[] parameters = [("@after", after), ("@horizon", horizon), ("@limit", take), .. audience.Parameters];
        var changes = new List<FeedEntry>();
        // One command, three result sets (rows, conflict records, scope exits): one round trip on PostgreSQL, not three.
        // Both databases are told (FeedInScope) to walk the feed in order from the anchor and test scope per row, rather
        // than read every row of every client in scope and sort them.
        using var cmd = Command(db, tx, $"""
            {dialect.FeedPlanBegin}SELECT {group}, {RowChangeSelect(dialect)} FROM rows
            WHERE {rows} ORDER BY {order} LIMIT @limit;
            SELECT {group}, {ConflictChangeSelect} FROM conflicts
            WHERE {conflicts} ORDER BY {order} LIMIT @limit;
            SELECT {group}, {ExitSelect} FROM scope_events
            WHERE {exits} ORDER BY {order} LIMIT @limit;{dialect.FeedPlanEnd}
            """, parameters);
        using var reader = cmd.ExecuteReader();
        ReadRowsAndConflicts(reader, changes);
        reader.NextResult();
        ReadExits(reader, changes);
        InFeedOrder(changes);
        if (changes.Count > take)
            changes.RemoveRange(take, changes.Count - take);
        return changes;
    }

    /// <summary>The columns of the rows <see cref="ReadRowsAndConflicts"/> reads, in its order; the values as their UTF-8 bytes (<see cref="StoredColumns"/>).</summary>
    private static string RowChangeSelect(SqlDialect dialect) => $"seq, tbl, row_id, client_id, version, deleted, {dialect.Utf8("columns")}, updated_at, updated_by";

    /// <summary>The columns of the conflict records <see cref="ReadRowsAndConflicts"/> reads, in its order.</summary>
    private const string ConflictChangeSelect = "seq, id, version, " + ScopeSums.ConflictSelect;

    /// <summary>
    /// Reads two result sets into <paramref name="changes"/>: rows (their group, then <see cref="RowChangeSelect"/>), then
    /// conflict records (their group, then <see cref="ConflictChangeSelect"/>).
    /// </summary>
    private static void ReadRowsAndConflicts(DbDataReader reader, List<FeedEntry> changes)
    {
        while (reader.Read())
        {
            var deleted = reader.GetInt64(6) == 1;
            IReadOnlyDictionary<string, string?> columns = deleted ? new Dictionary<string, string?>() : new StoredColumns(reader.GetFieldValue<byte[]>(7));
            changes.Add(new FeedEntry(reader.GetInt64(0), new RowChange(reader.GetInt64(1), reader.GetString(2), Guid.Parse(reader.GetString(3)), reader.GetInt64(5), deleted, false,
                ParseIso(reader.GetString(8)), Guid.Parse(reader.GetString(9)), columns), Guid.Parse(reader.GetString(4))));
        }

        reader.NextResult();
        while (reader.Read())
        {
            var columns = ScopeSums.ConflictValues(reader, 4);
            changes.Add(new FeedEntry(reader.GetInt64(0), new RowChange(reader.GetInt64(1), ConflictsTable, Guid.Parse(reader.GetString(2)), reader.GetInt64(3), false, false,
                ParseIso(columns["at"]!), Guid.Parse(columns["other_by"]!), columns), Guid.Parse(columns["client_id"]!)));
        }
    }

    /// <summary>The columns of the scope exits <see cref="ReadExits"/> reads, after their group.</summary>
    private const string ExitSelect = "seq, tbl, row_id, client_id, at";

    private static void ReadExits(DbDataReader reader, List<FeedEntry> changes)
    {
        while (reader.Read())
        {
            changes.Add(new FeedEntry(reader.GetInt64(0), new RowChange(reader.GetInt64(1), reader.GetString(2), Guid.Parse(reader.GetString(3)), 0, false, true,
                ParseIso(reader.GetString(5)), Guid.Empty, new Dictionary<string, string?>()), Guid.Parse(reader.GetString(4))));
        }
    }

    private static void InFeedOrder(List<FeedEntry> changes) =>
        changes.Sort((a, b) => a.Group != b.Group ? a.Group.CompareTo(b.Group) : a.Change.Seq.CompareTo(b.Change.Seq));

    // ---------------------------------------------------------------- audit (NEN 7513)

    public Task<long> StoreAuditAsync(DeviceSession device, IReadOnlyList<AuditRecord> events, DateTimeOffset now, CancellationToken cancel = default) =>
        Write((db, tx) =>
        {
            // The device's events have a lock of their own, apart from its pushes': the events stored beside a push
            // (PushBesideItsAudit) would otherwise wait for the push's transaction, which holds the device's. A push that
            // stores its events in its own transaction takes this lock too, after the device's (Push).
            SqlDialect.Of(db).LockKey(db, tx, "audit/" + S(device.DeviceId));
            return StoreAudit(db, tx, device, events, now);
        }, cancel);

    /// <summary>
    /// Stores the events a device sent, in the order sent: of a seq sent twice, the first stands, and a seq the store holds
    /// keeps what it holds. The caller holds the lock of the device's events, so no other writer adds to them meanwhile: the events above its highest stored seq are new (after the first of each seq) and go in as a plain
    /// insert (<see cref="SqlDialect.InsertItems"/>), the others (a laptop's resend, or events of a later push another instance stored first) only where their seq is free. All events
    /// in two statements at most beside the read of the highest seq: one statement per event was a round trip each on
    /// PostgreSQL, 11 of the 39 seconds of a first upload of 100,000 rows (the laptop logs every row it writes).
    /// </summary>
    /// <returns>The device's highest seq stored.</returns>
    private static long StoreAudit(DbConnection db, DbTransaction tx, DeviceSession device, IReadOnlyList<AuditRecord> events, DateTimeOffset now)
    {
        var (deviceId, workerId, received) = (S(device.DeviceId), S(device.WorkerId), Iso(now));
        var highest = Convert.ToInt64(Scalar(db, tx, "SELECT coalesce(max(seq), 0) FROM audit_events WHERE device_id = @d;", ("@d", deviceId)), CultureInfo.InvariantCulture);
        var (fresh, resent, seen) = (new List<object?[]>(events.Count), new List<object?[]>(), new HashSet<long>());
        foreach (var e in events)
        {
            var item = new object?[] { e.Seq, e.Type, Iso(e.At), e.ClientId is { } client ? S(client) : null, e.Role, e.Outcome, e.Detail };
            if (e.Seq <= highest)
                resent.Add(item);
            else if (seen.Add(e.Seq))
                fresh.Add(item);
        }

        string[] columns = ["seq", "event_type", "at", "client_id", "role", "outcome", "detail"];
        (string, object)[] same = [("device_id", deviceId), ("worker_id", workerId), ("received_at", received)];
        var dialect = SqlDialect.Of(db);
        dialect.InsertItems(db, tx, "audit_events", columns, fresh, same);
        dialect.InsertItems(db, tx, "audit_events", columns, resent, same, onConflict: "ON CONFLICT(device_id, seq) DO NOTHING");
        return seen.Count == 0 ? highest : seen.Max();
    }

    public Task<IReadOnlyList<CentralAuditEntry>> ClientAuditAsync(Guid clientId)
    {
        using var db = Open();
        using var cmd = Command(db, null, $"""
            SELECT a.at, 'laptop', a.event_type, a.worker_id, coalesce(w.name, ''), a.role, a.device_id, a.outcome, a.detail, a.seq
            FROM audit_events a LEFT JOIN workers w ON w.id = a.worker_id WHERE a.client_id = @c
            UNION ALL
            SELECT t.at, 'server', 'Transfer', t.worker_id, coalesce(w.name, ''), coalesce(w.role, ''), t.device_id, 'Success', 'rows=' || t.row_count, NULL
            FROM ({SqlDialect.Of(db).TransfersOfClient}) t LEFT JOIN workers w ON w.id = t.worker_id
            ORDER BY 1, 2, 10;
            """, ("@c", S(clientId)));
        using var reader = cmd.ExecuteReader();
        var list = new List<CentralAuditEntry>();
        while (reader.Read())
        {
            list.Add(new CentralAuditEntry(ParseIso(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Guid.Parse(reader.GetString(3)), reader.GetString(4),
                reader.GetString(5), Guid.Parse(reader.GetString(6)), reader.GetString(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetInt64(9)));
        }

        return Task.FromResult<IReadOnlyList<CentralAuditEntry>>(list);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// Runs the work in one write transaction and commits it. SQLite: one writer at a time, queued in-process. PostgreSQL:
    /// concurrent, and a transaction that met a deadlock, a serialisation failure or a unique violation (a key another
    /// writer took first) runs again from the start.
    /// </summary>
    private Task<T> Write<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancel = default) =>
        Retried(() => WriteOnce(work, cancel), cancel);

    /// <summary>Runs a transaction again from the start after a failure <see cref="SqlDialect.IsTransient"/> names, at most <see cref="Attempts"/> times in all.</summary>
    private async Task<T> Retried<T>(Func<Task<T>> transaction, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transaction();
            }
            catch (DbException e) when (attempt < Attempts && Dialect.IsTransient(e))
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancel);
            }
        }
    }

    /// <remarks>
    /// On SQLite a writer first waits its turn as the one writer, and only then for a place among the operations: writers
    /// queued for their turn would otherwise fill those places while pulls, which SQLite reads beside a writer, waited.
    /// </remarks>
    private async Task<T> WriteOnce<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancel)
    {
        if (Dialect.OneWriter)
            await _writer.WaitAsync(cancel);
        try
        {
            await _gate.WaitAsync(cancel);
            try
            {
                return Transaction(work);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            if (Dialect.OneWriter)
                _writer.Release();
        }
    }

    private T Transaction<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var db = Open();
        using var tx = Dialect.BeginWrite(db);
        using var statements = Dialect.CacheStatements(tx);
        var result = work(db, tx);
        tx.Commit();
        return result;
    }

    /// <summary>Runs reading work on a connection of its own, as one of the store operations <see cref="Concurrency"/> bounds.</summary>
    private async Task<T> Read<T>(Func<DbConnection, T> work, CancellationToken cancel)
    {
        await _gate.WaitAsync(cancel);
        try
        {
            using var db = Open();
            return work(db);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes the next place in the change feed, inside the writing transaction (see the ordering rule above).</summary>
    private static long NextSeq(DbConnection db, DbTransaction tx) => SqlDialect.Of(db).NextSeq(db, tx);

    private static DbTransaction BeginRead(DbConnection db) => SqlDialect.Of(db).BeginRead(db);

    private static IReadOnlyList<string> TeamsOf(DbConnection db, DbTransaction tx, Guid worker)
    {
        var list = new List<string>();
        using var cmd = Command(db, tx, "SELECT team_id FROM worker_teams WHERE worker_id = @w ORDER BY team_id;", ("@w", S(worker)));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            list.Add(reader.GetString(0));
        return list;
    }

    private static (string Name, string Role) WorkerOf(DbConnection db, DbTransaction tx, string workerId)
    {
        using var cmd = Command(db, tx, "SELECT name, role FROM workers WHERE id = @w;", ("@w", workerId));
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetString(1));
    }

    private static Guid TeamId(DbConnection db, DbTransaction tx, string teamName) =>
        Scalar(db, tx, "SELECT id FROM teams WHERE name = @n;", ("@n", teamName.Trim())) is string id
            ? Guid.Parse(id)
            : throw new AdminException($"Onbekend team '{teamName}'. Voeg het team eerst toe met 'admin team add'.");

    private static List<(string Table, string Id)> Keys(DbConnection db, DbTransaction tx, string sql, string clientId)
    {
        var list = new List<(string, string)>();
        using var cmd = Command(db, tx, sql, ("@c", clientId));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    private static string CheckName(string name, string what)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 100 || trimmed.Any(char.IsControl))
            throw new AdminException($"Ongeldige {what}: gebruik 1 tot 100 tekens zonder regeleinden.");
        return trimmed;
    }

    internal static DbCommand Command(DbConnection db, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = SqlDialect.Of(db).Command(db, tx, sql);
        foreach (var (name, value) in parameters)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(parameter);
        }

        return cmd;
    }

    internal static int Exec(DbConnection db, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(db, tx, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    internal static object? Scalar(DbConnection db, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(db, tx, sql, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static string S(Guid id) => id.ToString("D");

    private static string Iso(DateTimeOffset at) => InstantText.Write(at);

    private static DateTimeOffset ParseIso(string text) => InstantText.Read(text);
}
