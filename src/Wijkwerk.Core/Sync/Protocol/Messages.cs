using System.Text.Json.Serialization;

namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>Every error body: a code for the program, a sentence (Dutch) for the person.</summary>
public sealed record ProblemResponse(string Code, string Message);

public sealed record EnrolRequest(string Code, string DeviceName);

/// <summary>Who this laptop now works for. The token is shown once; the server keeps only its hash.</summary>
public sealed record EnrolResponse(Guid DeviceId, string Token, Guid WorkerId, string WorkerName, string Role, IReadOnlyList<TeamInfo> Teams);

public sealed record TeamInfo(Guid Id, string Name);

/// <summary>
/// One local change. <see cref="MutationId"/> rises per device, so the server applies each once however
/// often it arrives. <see cref="BaseVersion"/> is the row version the laptop last saw: columns changed on
/// the server since then by another device are the ones that can conflict. Values travel as text.
/// </summary>
[JsonConverter(typeof(MutationConverter))]
public sealed record Mutation(long MutationId, string Table, Guid RowId, string Operation, long BaseVersion, IReadOnlyDictionary<string, string?> Columns)
{
    /// <summary>
    /// Per column, the older version an edit was made on (a form opened before a pull, a draft restored
    /// days later); a column not listed, or no list at all, has <see cref="BaseVersion"/> as its base.
    /// </summary>
    public IReadOnlyDictionary<string, long>? ColumnBaseVersions { get; init; }
}

public sealed record PushRequest(IReadOnlyList<Mutation> Mutations)
{
    /// <summary>
    /// The next of the laptop's audit events (at most <see cref="SyncProtocol.MaxAuditEventsPerUpload"/>), stored with the
    /// push instead of in a call of their own (in the mutations' transaction, or beside it); none or null sends none. A
    /// server that does not take them (an older one, events it would refuse, or events it failed to store) answers no
    /// <see cref="PushResponse.AuditHeld"/>, and the laptop uploads them as before.
    /// </summary>
    public IReadOnlyList<AuditRecord>? Audit { get; init; }

    /// <summary>This push's own id, which the server records with it, so that a push sent after it may name it (null: none).</summary>
    public Guid? Id { get; init; }

    /// <summary>
    /// The <see cref="Id"/> of the push sent just before this one, whose answer the laptop may not have had yet: the server
    /// applies this one only once that one is applied (<see cref="SyncProtocol.PushInTurnPath"/>, the only path that reads it).
    /// </summary>
    public Guid? Follows { get; init; }
}

/// <summary>Per mutation: accepted, conflict (the server kept its value for the listed columns) or refused (with a reason).</summary>
[JsonConverter(typeof(MutationResultConverter))]
public sealed record MutationResult(long MutationId, string Status, long Version, string? Reason, IReadOnlyList<string> ConflictColumns);

public sealed record PushResponse(IReadOnlyList<MutationResult> Results)
{
    /// <summary>The highest audit seq the server holds for this device once it stored the push's events; null when it stored none.</summary>
    public long? AuditHeld { get; init; }

    /// <summary>
    /// The server takes a push sent before this answer on <see cref="SyncProtocol.PushInTurnPath"/>, in turn; an older
    /// server says nothing, and its laptops send one push at a time.
    /// </summary>
    public bool InTurn { get; init; }
}

/// <summary>
/// One row as the server now has it, in change-feed order. <see cref="Removed"/> means the row left this
/// device's scope (the client left the team's caseload): delete it locally, it is not a deletion.
/// </summary>
[JsonConverter(typeof(RowChangeConverter))]
public sealed record RowChange(
    long Seq, string Table, Guid RowId, long Version, bool Deleted, bool Removed, DateTimeOffset UpdatedAt, Guid UpdatedBy,
    IReadOnlyDictionary<string, string?> Columns);

/// <summary>
/// A page of the change feed after an anchor. Scope count and checksum describe everything the device
/// should hold once it has applied every page, so it can prove it converged: they come with the last page only
/// (<see cref="HasMore"/> false), and a page with more to follow holds zero for both.
/// <see cref="Workers"/> names the worker's team colleagues (and the worker), so a laptop can say who wrote a value
/// or made a move; an older server sends none.
/// </summary>
public sealed record PullResponse(IReadOnlyList<RowChange> Changes, long NextAnchor, bool HasMore, long ScopeCount, uint ScopeChecksum, IReadOnlyList<WorkerInfo>? Workers = null)
{
    /// <summary>
    /// The administrator's reference data, sent only when the laptop said it holds another version
    /// (<see cref="SyncProtocol.ReferenceQuery"/>); null otherwise and from an older server.
    /// </summary>
    public ReferenceData? Reference { get; init; }

    /// <summary>
    /// The scope count and checksum already hold changes this page could not serve yet (PostgreSQL: committed above a
    /// transaction still open elsewhere, below which the feed stops). They will come with a later pull; until then a
    /// difference proves nothing, so the laptop does not re-read its scope for it. False from an older server.
    /// </summary>
    public bool ScopeHeldBack { get; init; }
}

/// <summary>A worker as a colleague's laptop may name them.</summary>
public sealed record WorkerInfo(Guid Id, string Name);

/// <summary>
/// One entry of a laptop's NEN 7513 access log as it travels to the server. <see cref="Seq"/> is the
/// laptop's own log sequence: the server keeps each (device, seq) once, however often it arrives.
/// Type and outcome are the names of <c>AuditEventType</c> and <c>AuditOutcome</c>; detail holds counts
/// and table names only.
/// </summary>
[JsonConverter(typeof(AuditRecordConverter))]
public sealed record AuditRecord(long Seq, string Type, DateTimeOffset At, Guid? ClientId, Guid WorkerId, string Role, Guid DeviceId, string Outcome, string Detail);

/// <summary>A batch of the laptop's audit events, oldest first, at most <see cref="SyncProtocol.MaxAuditEventsPerUpload"/>.</summary>
public sealed record AuditUploadRequest(IReadOnlyList<AuditRecord> Events);

/// <summary>The highest audit seq the server holds for this device: everything up to it need not be sent again.</summary>
public sealed record AuditUploadResponse(long HighestSeq);
