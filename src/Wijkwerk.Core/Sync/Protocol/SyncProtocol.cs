namespace Wijkwerk.Core.Sync.Protocol;

/// <summary>
/// The wire contract between the laptop and the sync server, shared by both so they cannot drift.
/// A client sends its protocol version on every call; a server that cannot speak it answers 426 with
/// <see cref="ProblemCodes.ProtocolOutdated"/> and the laptop tells the worker to update.
/// </summary>
public static class SyncProtocol
{
    public const int Version = 1;
    public const string VersionHeader = "X-Wijkwerk-Protocol";
    public const string BasePath = "/sync/v1";
    public const string EnrolPath = BasePath + "/enrol";
    public const string PushPath = BasePath + "/push";

    /// <summary>
    /// POST a push that names the push before it (<see cref="PushRequest.Follows"/>), mostly sent before that one's answer: the
    /// server reads it while it writes that one, and applies it only after it; one that got there first waits for that one a
    /// moment at most, else answers 409 with <see cref="ProblemCodes.OutOfTurn"/> and applies nothing. A path of its own, so that a server of a release before it answers 404 instead of applying the push
    /// out of order; a laptop sends here only after a server's answer said it takes pushes so (<see cref="PushResponse.InTurn"/>).
    /// </summary>
    public const string PushInTurnPath = PushPath + "/in-turn";
    public const string PullPath = BasePath + "/pull";
    /// <summary>POST a batch of the laptop's audit events (added in version 1; older servers answer 404).</summary>
    public const string AuditPath = BasePath + "/audit";
    /// <summary>
    /// The most mutations a push may carry. Releases before this one took 500: a first upload of 100,000 rows by the installed
    /// program to PostgreSQL took 5.05-5.19 s in pushes of 1,000 against 5.45-5.74 s in pushes of 500 (medians of three, three
    /// interleaved runs each), with about the same processor time: half the calls, each waited for. A laptop that meets a server
    /// of such a release is told its push is too large, and sends smaller ones (<see cref="Laptop.SyncEngine"/>).
    /// </summary>
    public const int MaxMutationsPerPush = 1000;

    /// <summary>
    /// A laptop keeps each push's body below this many bytes (a single row larger than that, which today's text limits do
    /// not allow, would still go alone), half the request limit a server takes by default (8 MB): a batch of long texts
    /// beyond ASCII, which travels as six-byte escapes (500 client notes of 4,000 such characters, 12 MB), otherwise
    /// outgrew that limit, and the server refused the same batch at every sync, so nothing after it ever left the laptop.
    /// </summary>
    public const long MaxPushBodyBytes = 4 * 1024 * 1024;
    public const int MaxPullPageSize = 2000;

    /// <summary>
    /// The pull's query parameter with the reference-data version the laptop holds (0: none). The server adds
    /// its reference data to the page when its version differs; an older server ignores the parameter.
    /// </summary>
    public const string ReferenceQuery = "reference";

    /// <summary>
    /// The pull's query parameter by which a laptop says it holds what its accepted pushes wrote (<see cref="OwnWritesHeld"/>):
    /// it takes the server's new version of a row when that version is its push on top of the one it held (the row then
    /// holds its values), so the server may leave out a row this device wrote exactly so and nobody touched since, rather
    /// than send every pushed row back. A laptop's repair pulls its whole scope without it; an older server ignores it.
    /// </summary>
    public const string OwnWritesQuery = "own";

    public const string OwnWritesHeld = "held";

    /// <summary>
    /// The pull's header with the fingerprint of the colleagues' names the laptop holds (<see cref="WorkerNames"/>): the
    /// server leaves the names out of a page whose list has that fingerprint. A header rather than a query parameter, which
    /// request logs keep. An older server ignores it and sends the names. On a pull's answer, the fingerprint of the names
    /// the page brings (<see cref="PageHead"/>).
    /// </summary>
    public const string NamesHeader = "X-Wijkwerk-Names";

    /// <summary>A pull answer's header with the page's next anchor (<see cref="PageHead"/>); an older server sends none.</summary>
    public const string NextAnchorHeader = "X-Wijkwerk-Next-Anchor";

    /// <summary>A pull answer's header saying whether more pages follow ("true" or "false").</summary>
    public const string HasMoreHeader = "X-Wijkwerk-Has-More";

    /// <summary>A pull answer's header with the reference version the page brings; absent when it brings none.</summary>
    public const string ReferenceHeader = "X-Wijkwerk-Reference";

    /// <summary>
    /// A pull with this limit only checks that the server answers and still knows the device: an empty page
    /// whose scope figures mean nothing, no rows sent and no transfer logged.
    /// </summary>
    public const int CheckOnlyLimit = 0;
    public const int MaxAuditEventsPerUpload = 1000;

    /// <summary>The feed table of conflict records. A laptop may push one column of it: <c>resolved</c>.</summary>
    public const string ConflictsTable = "conflicts";
    public const string ResolvedColumn = "resolved";

    public static class Operations
    {
        public const string Insert = "insert";
        public const string Update = "update";
        public const string Delete = "delete";
    }

    public static class Results
    {
        public const string Accepted = "accepted";
        public const string Conflict = "conflict";
        public const string Refused = "refused";
    }
}

/// <summary>Machine-readable reasons in error bodies; the message beside them is for people.</summary>
public static class ProblemCodes
{
    public const string ProtocolOutdated = "protocol_outdated";
    public const string Unauthorized = "unauthorized";
    public const string Revoked = "revoked";
    public const string InvalidRequest = "invalid_request";
    public const string TooLarge = "too_large";
    public const string RateLimited = "rate_limited";
    public const string Busy = "busy";

    /// <summary>A push on <see cref="SyncProtocol.PushInTurnPath"/> whose push before was not applied (yet): nothing of it was applied.</summary>
    public const string OutOfTurn = "out_of_turn";
    public const string CodeInvalid = "code_invalid";
    public const string Forbidden = "forbidden";
}
