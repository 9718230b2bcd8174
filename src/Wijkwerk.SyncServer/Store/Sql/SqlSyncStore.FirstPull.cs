using System.Data.Common;
using System.Globalization;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// FIRST PULL. A pull from anchor 0 (a new laptop, a laptop that only pushed so far, a scope repair) reads the device's
/// scope client by client, as it stood below the horizon of its first page, instead of walking the feed from its start:
/// that walk passed every row of every team the store holds, tested each against the scope, and delivered a few of
/// them (a new laptop's first pull beside 600,000 rows of other teams: 1.2 s of PostgreSQL time for its first page of nothing).
///
/// The pages deliver, in order of client id, every row and conflict record of each client in scope whose place in the
/// feed lies below that horizon <c>H</c>; the laptop sends back a negative anchor (<see cref="FirstPullCursor"/>) to ask
/// for the next clients, and the store keeps <c>H</c> for the device (<c>first_pulls</c>), so any instance can serve the
/// next page. Once the clients run out, the pull goes on as an ordinary one from anchor <c>H - 1</c>, in the same page
/// when there is room. Nothing is missed: a row read at a place below <c>H</c> was committed before the first page began
/// (the horizon's rule), and a write after that gives it a place at or above <c>H</c>, which the feed from <c>H - 1</c>
/// serves; a row a page read at such a place is left to that feed.
///
/// Scope exits below <c>H</c> are not sent: they are about rows a laptop received before, and a laptop pulling from the
/// start received none. A laptop that wrote rows of a client that left its scope before its first pull still holds them
/// afterwards; its scope check then differs, and its scope repair removes them.
/// </summary>
public abstract partial class SqlSyncStore
{
    /// <summary>
    /// The clients looked at for one read of rows: enough for a page of clients with a handful of rows each, few enough
    /// that looking up their row counts costs little when a client holds many.
    /// </summary>
    private const int FirstPullClients = 256;

    /// <summary>Reads of rows one page of a first pull makes at most, when its clients' rows are fewer than their counts say (the device's own writes left out).</summary>
    private const int FirstPullReads = 16;

    /// <summary>What a page of a first pull read: the changes in feed order, the horizon it reads below, and the anchor of the next page while clients remain.</summary>
    /// <param name="Started">The pull began here (anchor 0, or a first pull whose horizon the store no longer holds): <see cref="Horizon"/> is to be kept for the pages after.</param>
    private sealed record FirstPullPage(List<FeedEntry> Changes, long Horizon, long? Next, bool Started);

    /// <summary>A page of a first pull from <paramref name="after"/> (0, or an anchor a page before it handed out), at most about <paramref name="limit"/> changes.</summary>
    private static FirstPullPage FirstPull(DbConnection db, DbTransaction tx, Guid deviceId, PullAudience audience, long after, long horizon, int limit)
    {
        var kept = after < 0 ? FirstPullHorizon(db, tx, deviceId) : null;
        var (below, from) = kept is { } h ? (h, FirstPullCursor.From(after)) : (horizon, "");
        var changes = new List<FeedEntry>();
        var (last, more) = ((string?)null, true);
        for (var read = 0; more && changes.Count < limit && read < FirstPullReads; read++)
        {
            var clients = NextClients(db, tx, audience, from, limit - changes.Count, out more);
            if (clients.Count == 0)
                break;
            ReadClients(db, tx, audience, clients, below, changes);
            last = clients[^1];
            from = FirstPullCursor.From(FirstPullCursor.After(last));
        }

        InFeedOrder(changes);
        return new FirstPullPage(changes, below, more && last is not null ? FirstPullCursor.After(last) : null, kept is null);
    }

    /// <summary>
    /// The next clients in scope from <paramref name="from"/> on, in order: the first, and those after it until their row
    /// counts (the scope's sums) reach <paramref name="room"/>, then any that share the last one's prefix, so a page never
    /// ends between two clients the anchor cannot tell apart.
    /// </summary>
    /// <param name="more">Clients in scope follow those returned.</param>
    private static List<string> NextClients(DbConnection db, DbTransaction tx, PullAudience audience, string from, int room, out bool more)
    {
        var candidates = new List<(string Client, long Rows)>();
        using (var cmd = Command(db, tx, $"""
            SELECT c.client_id, coalesce((SELECT row_count FROM {audience.Sums} AS sums WHERE sums.client_id = c.client_id), 0)
            FROM (SELECT DISTINCT client_id FROM ({audience.Scope}) AS in_scope WHERE client_id >= @from ORDER BY client_id LIMIT @n) AS c
            ORDER BY c.client_id;
            """, [("@from", from), ("@n", FirstPullClients + 1), .. audience.Parameters]))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
                candidates.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        var (taken, rows) = (0, 0L);
        while (taken < Math.Min(candidates.Count, FirstPullClients) && (taken == 0 || rows < room))
            rows += candidates[taken++].Rows;
        while (taken > 0 && taken < candidates.Count && FirstPullCursor.Prefix(candidates[taken].Client) == FirstPullCursor.Prefix(candidates[taken - 1].Client))
            taken++;
        if (taken == candidates.Count && candidates.Count > FirstPullClients)
        {
            // The clients read ran out within one prefix: leave those to the next read, which starts at them.
            var prefix = FirstPullCursor.Prefix(candidates[^1].Client);
            taken = candidates.FindIndex(c => FirstPullCursor.Prefix(c.Client) == prefix);
            if (taken == 0)
                throw new InvalidOperationException($"More than {FirstPullClients} clients in scope share the first 15 hex digits of their ids.");
        }

        more = taken < candidates.Count;
        return [.. candidates.Take(taken).Select(c => c.Client)];
    }

    /// <summary>The rows and conflict records of <paramref name="clients"/> the audience receives, at places below <paramref name="below"/>, added to <paramref name="changes"/>.</summary>
    private static void ReadClients(DbConnection db, DbTransaction tx, PullAudience audience, IReadOnlyList<string> clients, long below, List<FeedEntry> changes)
    {
        var dialect = SqlDialect.Of(db);
        var group = dialect.FeedGroup;
        // Each client looked up in the client index. The place is a filter only ("+ 0"): as a range of the feed's index
        // it led PostgreSQL, without statistics on a table just filled, to read every row below the horizon (3,000 for a
        // page of 100); the feed's plan settings keep it from reading the table whole.
        using var cmd = Command(db, tx, $"""
            {dialect.FeedPlanBegin}SELECT {group}, {RowChangeSelect} FROM rows
            WHERE {dialect.InTexts("client_id", "@clients")} AND {group} + 0 < @below{audience.RowFilter};
            SELECT {group}, seq, id, version, {ScopeSums.ConflictSelect} FROM conflicts
            WHERE {dialect.InTexts("client_id", "@clients")} AND {group} + 0 < @below{audience.ConflictFilter};{dialect.FeedPlanEnd}
            """, [("@clients", dialect.TextList(clients)), ("@below", below), .. audience.Parameters]);
        using var reader = cmd.ExecuteReader();
        ReadRowsAndConflicts(reader, changes);
    }

    /// <summary>The horizon the device's first pull reads below, as its first page kept it; null when none is kept.</summary>
    private static long? FirstPullHorizon(DbConnection db, DbTransaction tx, Guid deviceId) =>
        Scalar(db, tx, "SELECT horizon FROM first_pulls WHERE device_id = @d;", ("@d", S(deviceId))) is { } h and not DBNull
            ? Convert.ToInt64(h, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Keeps the horizon of the device's first pull for its next pages, in place of any kept before.</summary>
    private Task<bool> KeepFirstPull(Guid deviceId, long horizon, CancellationToken cancel) => Write((db, tx) =>
    {
        Exec(db, tx, "INSERT INTO first_pulls(device_id, horizon) VALUES (@d, @h) ON CONFLICT(device_id) DO UPDATE SET horizon = excluded.horizon;",
            ("@d", S(deviceId)), ("@h", horizon));
        return true;
    }, cancel);
}
