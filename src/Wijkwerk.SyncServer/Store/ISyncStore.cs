using Wijkwerk.Core.Domain.Budget;
using Wijkwerk.Core.Domain.Common;
using Wijkwerk.Core.Domain.Fund;
using Wijkwerk.Core.Domain.Maatwerk;
using Wijkwerk.Core.Domain.Mandates;
using Wijkwerk.Core.Domain.Pauses;
using Wijkwerk.Core.Domain.Patterns;
using Wijkwerk.Core.Domain.Retention;
using Wijkwerk.Core.Domain.Teams;
using Wijkwerk.Core.Sync.Protocol;
using Wijkwerk.SyncServer.Sync;

namespace Wijkwerk.SyncServer.Store;

/// <summary>
/// Everything the server keeps, behind one interface so a PostgreSQL store can stand beside the SQLite one.
/// The contract speaks protocol records and plain values only; how a store orders its change feed is its
/// own business as long as it keeps the rule: a pull never moves its anchor past a change that is not
/// yet committed (see <see cref="Sqlite.SqliteSyncStore"/> for the SQLite way).
/// </summary>
public interface ISyncStore
{
    /// <summary>Creates or upgrades the schema (numbered migrations); safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancel = default);

    // Administration. Unknown names, duplicates and the like throw AdminException with a Dutch message.
    Task<Guid> AddTeamAsync(string name, DateTimeOffset now);
    Task<Guid> AddWorkerAsync(string name, Role role, string teamName, DateTimeOffset now);
    Task<Guid> AddEnrolmentCodeAsync(string workerName, string codeHash, DateTimeOffset expiresAt, DateTimeOffset now);
    Task<IReadOnlyList<DeviceInfo>> ListDevicesAsync();
    Task RevokeDeviceAsync(Guid deviceId, DateTimeOffset now);
    Task AssignClientAsync(Guid clientId, string teamName, DateTimeOffset now);
    Task UnassignClientAsync(Guid clientId, string teamName, DateTimeOffset now);

    // Reference data (issue 11): every change raises the version of the set the laptops pull.
    Task AddDepartmentAsync(string name, DateTimeOffset now);
    Task<IReadOnlyList<string>> ListDepartmentsAsync();
    Task RemoveDepartmentAsync(string name, DateTimeOffset now);
    /// <summary>Only to a team leader, only for known departments; the dates are checked by the caller.</summary>
    Task<Mandate> GrantMandateAsync(string workerName, IReadOnlyList<string> departments, DateOnly from, DateOnly until, DateTimeOffset now);
    Task<IReadOnlyList<MandateListing>> ListMandatesAsync();
    Task RevokeMandateAsync(Guid id, DateTimeOffset now);
    /// <summary>Stores the entries as a new version of the cost table and answers its number; earlier versions are kept.</summary>
    Task<int> ImportCostTableAsync(IReadOnlyList<CostEntry> entries, string fileName, DateTimeOffset now);
    Task<CostTable> CostTablesAsync();
    /// <summary>Issue 12: sets (or replaces) a team's budget for a year; the amounts are checked by the caller.</summary>
    Task<TeamBudget> SetTeamBudgetAsync(string teamName, int year, Money amount, Money limit, DateTimeOffset now);
    Task<IReadOnlyList<TeamBudget>> ListTeamBudgetsAsync();
    /// <summary>Issue 13: a partner organisation of the revolving fund; answers the name as stored.</summary>
    Task<string> AddFundPartnerAsync(string name, DateTimeOffset now);
    /// <summary>A known partner's deposit; the amount and date are checked by the caller.</summary>
    Task<FundDeposit> AddFundDepositAsync(string partner, Money amount, DateOnly date, DateTimeOffset now);
    /// <summary>Only a nurse or team leader becomes a member; answers the worker's name as stored.</summary>
    Task<string> AddFundMemberAsync(string workerName, DateTimeOffset now);
    Task<string> RemoveFundMemberAsync(string workerName, DateTimeOffset now);
    Task<IReadOnlyList<string>> ListFundMembersAsync();
    /// <summary>The fund and its balance from every team's requests and repayments.</summary>
    Task<(Fund Fund, FundBalance Balance)> FundAsync();
    /// <summary>Issue 14: sets the maximum length of a pause in weeks (checked by the caller); raises the reference version.</summary>
    Task<PauseSettings> SetPauseSettingsAsync(int maxWeeks, DateTimeOffset now);
    Task<PauseSettings> PauseSettingsAsync();
    /// <summary>Issue 14: a bottleneck tag in the admin's list; answers the label as stored.</summary>
    Task<string> AddBottleneckAsync(string label, DateTimeOffset now);
    /// <summary>Takes a proposed tag into the list; answers its label.</summary>
    Task<string> AcceptBottleneckAsync(string label, DateTimeOffset now);
    /// <summary>Counts one tag under another from now on; refuses an unknown tag, a proposed target and a circle. Answers both labels, the target as it resolves.</summary>
    Task<(string From, string Into)> MergeBottleneckAsync(string from, string into, DateTimeOffset now);
    /// <summary>Every tag, proposals and merged ones too, with the number of live rows that carry it.</summary>
    Task<IReadOnlyList<BottleneckListing>> ListBottlenecksAsync();
    /// <summary>The set for one worker's laptop (only that worker's mandates and own teams' budgets); null when the laptop already holds this version.</summary>
    Task<ReferenceData?> ReferenceDataAsync(Guid workerId, long knownVersion, CancellationToken cancel = default);

    // Issue 14 item 2: the werktafel's patterns. Detection also runs inside every push that stores tagged rows.
    Task<PatternSettings> PatternSettingsAsync();
    /// <summary>Stores the threshold and window (checked by the caller) and detects again under them.</summary>
    Task<PatternRun> SetPatternSettingsAsync(PatternSettings settings, DateTimeOffset now);
    Task<PatternRun> DetectPatternsAsync(DateTimeOffset now);
    /// <summary>Every pattern with its steps, for the administrator.</summary>
    Task<IReadOnlyList<Pattern>> ListPatternsAsync();

    // Protocol.
    /// <summary>Uses the code once and creates the device; null when the code is unknown, used or expired.</summary>
    Task<EnrolResponse?> EnrolAsync(string codeHash, NewDevice device, DateTimeOffset now);
    /// <summary>Counts one enrolment attempt from an address (by its hash) in its current window, shared by every instance on the store.</summary>
    Task<EnrolAttempts> CountEnrolAttemptAsync(string addressHash, TimeSpan window, DateTimeOffset now);
    Task<DeviceSession?> FindDeviceAsync(string tokenHash, CancellationToken cancel = default);
    /// <summary>Applies each mutation once (by device and mutation id); one result per mutation, in order.</summary>
    Task<IReadOnlyList<MutationResult>> PushAsync(DeviceSession device, IReadOnlyList<Mutation> mutations, DateTimeOffset now, CancellationToken cancel = default);
    /// <summary>
    /// As the push above, with the device's audit events as <see cref="StoreAuditAsync"/> stores them (the caller has checked
    /// them); answers the highest audit seq held for the device, or null when no event came with the push. The events go in
    /// the push's transaction, so their failure fails the push; or, many of them on a store of several writers, in a
    /// transaction of their own beside it, once the push has its turn: their failure then answers null, and the push stands;
    /// the push's failure leaves those of its events stored that were, each once.
    /// </summary>
    /// <param name="turn">The push's own id, recorded with it, and the push it must follow (<see cref="PushTurn"/>); null for a push of an older laptop.</param>
    /// <param name="prepared">The mutations as <see cref="MutationApplier.Prepare"/> made them ready, one for each (the work that needs no
    /// store, done before the transaction); null to prepare them in the transaction.</param>
    /// <param name="auditFailed">Told why, when the events stored beside the push failed.</param>
    /// <exception cref="PushOutOfTurnException">The push it must follow is not applied: nothing is, nor are its events stored
    /// (unless its transaction ran again after they started beside it).</exception>
    Task<(IReadOnlyList<MutationResult> Results, long? AuditHeld)> PushAsync(
        DeviceSession device, IReadOnlyList<Mutation> mutations, IReadOnlyList<AuditRecord> audit, DateTimeOffset now, PushTurn? turn = null,
        IReadOnlyList<PreparedMutation?>? prepared = null, Action<Exception>? auditFailed = null, CancellationToken cancel = default);
    /// <summary>
    /// The device's scope after <paramref name="after"/>, each page in feed order; logs each delivery of client data as a transfer.
    /// From anchor 0 the scope is read client by client first, below the horizon of the first page, with negative anchors
    /// between its pages (<see cref="Sql.FirstPullCursor"/>), and the feed follows from that horizon.
    /// </summary>
    /// <param name="ownWritesHeld">The laptop holds what its accepted pushes wrote (<see cref="SyncProtocol.OwnWritesQuery"/>): leave out the rows
    /// this device wrote as it pushed them that have not moved in the feed since.</param>
    /// <param name="knownReference">The reference version the laptop holds: the page brings the worker's set
    /// (<see cref="ReferenceDataAsync"/>) when the store's differs, read in the page's snapshot; null for none.</param>
    Task<PullResponse> PullAsync(DeviceSession device, long after, int limit, DateTimeOffset now, bool ownWritesHeld = false, long? knownReference = null, CancellationToken cancel = default);

    // NEN 7513.
    /// <summary>Stores the device's audit events, each (device, seq) once however often it arrives; answers the highest seq held for the device.</summary>
    Task<long> StoreAuditAsync(DeviceSession device, IReadOnlyList<AuditRecord> events, DateTimeOffset now, CancellationToken cancel = default);
    /// <summary>The central log for one client: the laptops' events and the server's transfers, oldest first.</summary>
    Task<IReadOnlyList<CentralAuditEntry>> ClientAuditAsync(Guid clientId);

    // Issue 15 items 6 and 7: operations and retention.
    /// <summary>A consistent copy of the whole store written into <paramref name="file"/> (new or empty) while the server keeps writing; answers its size in bytes.</summary>
    Task<long> BackupAsync(string file, CancellationToken cancel = default);
    /// <summary>
    /// Issue 15: once every server instance runs this release, writes the store in the newest formats it reads (see
    /// SqlSyncStore.StoreSettings); false when it already was. Refused (AdminException) when this very opening upgraded the
    /// schema: then no instance of this release can have served the store yet.
    /// </summary>
    Task<bool> FinishUpdateAsync();
    /// <summary>Every client the server still holds something of (a live row or a conflict record), with what the retention schedule reads.</summary>
    Task<IReadOnlyList<ClientFile>> ClientFilesAsync(CancellationToken cancel = default);
    /// <summary>The live rows and conflict records of these clients, counted per kind; changes nothing.</summary>
    Task<IReadOnlyList<ClientRows>> CountClientRowsAsync(IReadOnlyList<Guid> clients, CancellationToken cancel = default);
    /// <summary>
    /// Turns every row and conflict record of these clients into a tombstone without content, each with a new place
    /// in the feed, so every laptop that holds them removes them at its next sync; answers what it purged.
    /// </summary>
    Task<IReadOnlyList<ClientRows>> PurgeClientsAsync(IReadOnlyList<Guid> clients, DateTimeOffset now, CancellationToken cancel = default);
    /// <summary>The access-log entries (laptop events and server transfers) from before the instant; changes nothing.</summary>
    Task<AuditCount> CountAuditBeforeAsync(DateTimeOffset before, CancellationToken cancel = default);
    /// <summary>Removes the access-log entries from before the instant; answers how many.</summary>
    Task<AuditCount> PurgeAuditBeforeAsync(DateTimeOffset before, CancellationToken cancel = default);
}

/// <summary>One line of the central log. Source is "laptop" (an uploaded event) or "server" (a transfer to a device).</summary>
public sealed record CentralAuditEntry(DateTimeOffset At, string Source, string Type, Guid WorkerId, string WorkerName, string Role, Guid DeviceId, string Outcome, string Detail, long? Seq);

/// <summary>A mandate as the administrator's list shows it: with the worker's name and when it was granted.</summary>
public sealed record MandateListing(Mandate Mandate, string WorkerName, DateTimeOffset GrantedAt);

/// <summary>
/// One tag in the admin's list: its label, state, the label it counts under when merged, who proposed it when (no worker
/// for a tag the admin added), the live rows typed with it, and those counting under it through merges (itself included).
/// </summary>
public sealed record BottleneckListing(string Label, BottleneckState State, string? MergedInto, string? ProposedBy, DateTimeOffset At, int Rows, int RowsCounted);

public sealed record DeviceSession(Guid DeviceId, Guid WorkerId, Role Role, DateTimeOffset? RevokedAt);

public sealed record NewDevice(Guid Id, string Name, string Token, string TokenHash);

public sealed record DeviceInfo(Guid Id, string WorkerName, string Name, DateTimeOffset EnrolledAt, DateTimeOffset? RevokedAt);

/// <summary>The attempts from one address in the window that ends at <paramref name="WindowEndsAt"/>, this one included.</summary>
public sealed record EnrolAttempts(long Attempts, DateTimeOffset WindowEndsAt);

/// <summary>A refusal of an admin command: the message says what is wrong and is shown as is.</summary>
public sealed class AdminException(string message) : Exception(message);

/// <summary>What a detection run did: patterns raised, open patterns whose figures changed.</summary>
public sealed record PatternRun(int Raised, int Updated);

/// <summary>One client's file as the retention schedule reads it.</summary>
public sealed record ClientFile(Guid ClientId, FileHistory History);

/// <summary>A client's rows per kind (the feed table, "conflicts" for conflict records): ids and counts, never content.</summary>
public sealed record ClientRows(Guid ClientId, IReadOnlyDictionary<string, int> PerKind);

/// <summary>Access-log entries: events the laptops uploaded and the server's own transfers of client data to devices.</summary>
public sealed record AuditCount(int LaptopEvents, int Transfers);
