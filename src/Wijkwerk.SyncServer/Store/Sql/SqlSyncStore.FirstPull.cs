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
/// feed lies below that horizon <c>H</c>, tombstones included (a repair removes what they name); the first page also brings
/// every scope exit below <c>H</c>, as the walk did (they remove the rows of clients that left, from a laptop that wrote
/// or held them). The laptop sends back a negative anchor (<see cref="FirstPullCursor"/>) to ask for the next clients, and
/// the store keeps <c>H</c> for the device (<c>first_pulls</c>), so any instance can serve the next page. Once the clients
/// run out, the pull goes on as an ordinary one from anchor <c>H - 1</c>, in the same page when there is room, and the
/// store forgets <c>H</c>.
///
/// Nothing is missed: a row read at a place below <c>H</c> was committed before the first page began (the horizon's rule),
/// and a write after that gives it a place at or above <c>H</c>, which the feed from <c>H - 1</c> serves; a row a page finds
/// at such a place is left to that feed. A kept <c>H</c> never rises while a pull may still read below it (a first page
/// answered after another, by an instance whose request was given up, keeps the lower): below a lower <c>H</c> the pages
/// leave more to the feed, which serves it, where a higher one would skip what changed in between for the clients already
/// read. An anchor whose <c>H</c> the store no longer holds (a copy restored from before it) starts the pull again.
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
    /// <param name="Started">The pull began here (anchor 0, or an anchor whose horizon the store no longer holds).</param>
    private sealed record FirstPullPage(List<FeedEntry> Changes, long Horizon, long? Next, bool Started)
    {
        /// <summary>What the store is to do with the kept horizon once this page is read: keep it for the next page, forget it (the pull is past its clients), or nothing.</summary>
        public FirstPullHorizon? Then => (Started, Next) switch
        {
            (true, not null) => new FirstPullHorizon(Horizon),
            (false, null) => new FirstPullHorizon(null),
            _ => null,
        };
    }

    /// <summary>The horizon to keep for the device's next page of its first pull; null to forget the one kept.</summary>
    private sealed record FirstPullHorizon(long? Keep);

    /// <summary>A page of a first pull from <paramref name="after"/> (0, or an anchor a page before it handed out), at most about <paramref name="limit"/> changes.</summary>
    private static FirstPullPage FirstPull(DbConnection db, DbTransaction tx, Guid deviceId, PullAudience audience, long after, long horizon, int limit)
    {
        var kept = after < 0 ? KeptHorizon(db, tx, deviceId) : null;
        var (below, from) = kept is { } h ? (h, FirstPullCursor.From(after)) : (horizon, "");
        var changes = new List<FeedEntry>();
        var (last, more) = ((string?)null, true);
        for (var read = 0; more && changes.Count < limit && read < FirstPullReads; read++)
        {
            var clients = NextClients(db, tx, audience, from, limit - changes.Count, changes.Count == 0, out more, out var following);
            if (clients.Count == 0)
                break;
            var before = changes.Count;
            ReadClients(db, tx, audience, clients, below, changes);
            var taken = WithinRoom(changes, before, clients, limit);
            if (taken < clients.Count)
            {
                more = true;
                last = taken > 0 ? clients[taken - 1] : last;
                break;
            }

            last = clients[^1];
            from = FirstPullCursor.Above(last);
            // The client after them is known not to fit a page that holds something: no query only to find that out.
            if (changes.Count > 0 && following > limit - changes.Count)
                break;
        }

        // After the clients' rows, which the page's room is for: a team's exits are few beside its rows.
        if (kept is null)
            ExitsBelow(db, tx, audience, below, changes);
        InFeedOrder(changes);
        return new FirstPullPage(changes, below, more && last is not null ? FirstPullCursor.After(last) : null, kept is null);
    }

    /// <summary>
    /// The next clients in scope from <paramref name="from"/> on, in order, as many as their row counts (the scope's sums:
    /// live rows and conflict records) fit in <paramref name="room"/>, the first on an empty page however large; then any
    /// that share the last one's prefix, so a page never ends between two clients the anchor cannot tell apart. None when
    /// the first does not fit on a page that holds something already.
    /// </summary>
    /// <param name="more">Clients in scope may follow those returned.</param>
    /// <param name="following">The row count of the client after those returned, when this read looked at it; else 0.</param>
    private static List<string> NextClients(DbConnection db, DbTransaction tx, PullAudience audience, string from, int room, bool pageEmpty, out bool more, out long following)
    {
        var (clients, counts) = (new List<string>(), new List<long>());
        using (var cmd = Command(db, tx, $"""
            SELECT c.client_id, coalesce((SELECT row_count FROM {audience.Sums} AS sums WHERE sums.client_id = c.client_id), 0)
            FROM (SELECT DISTINCT client_id FROM ({audience.Scope}) AS in_scope WHERE client_id >= @from ORDER BY client_id LIMIT @n) AS c
            ORDER BY c.client_id;
            """, [("@from", from), ("@n", FirstPullClients + 1), .. audience.Parameters]))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                clients.Add(reader.GetString(0));
                counts.Add(reader.GetInt64(1));
            }
        }

        more = clients.Count > 0;
        following = 0;
        if (clients.Count == 0 || (!pageEmpty && counts[0] > room))
            return [];
        var (taken, rows) = (0, 0L);
        while (taken < Math.Min(clients.Count, FirstPullClients) && (taken == 0 || rows + counts[taken] <= room))
            rows += counts[taken++];
        taken = FirstPullCursor.PrefixEnd(clients, taken - 1);
        if (taken == clients.Count && clients.Count > FirstPullClients)
        {
            // The clients read ran out within that prefix: the next read starts at its first client, or, when every client
            // read shares it, its clients are read whole.
            taken = FirstPullCursor.PrefixStart(clients, taken - 1);
            if (taken == 0)
                return ClientsOf(db, tx, audience, FirstPullCursor.Prefix(clients[0]));
        }

        more = taken < clients.Count;
        following = more ? counts[taken] : 0;
        return clients.GetRange(0, taken);
    }

    /// <summary>
    /// How many of a read's clients the page keeps, their rows and conflict records read into <paramref name="changes"/> from
    /// <paramref name="before"/> on; those of the clients after them are taken out again, for the next page. The clients were
    /// chosen by their counts of live rows, and a client's tombstones count there for nothing: the clients of a read whose
    /// rows were deleted or purged could otherwise bring a page of many times its limit. A page ends between two prefixes
    /// (<see cref="FirstPullCursor"/>), keeps the first of its clients with changes whole however large (with the clients
    /// sharing its prefix), and may keep none of this read when an earlier read filled it.
    /// </summary>
    private static int WithinRoom(List<FeedEntry> changes, int before, List<string> clients, int limit)
    {
        if (changes.Count <= limit)
            return clients.Count;
        var ids = clients.Select(Guid.Parse).ToList();
        var counts = new Dictionary<Guid, int>();
        for (var i = before; i < changes.Count; i++)
            counts[changes[i].ClientId] = counts.GetValueOrDefault(changes[i].ClientId) + 1;
        var sizes = ids.Select(id => counts.GetValueOrDefault(id)).ToArray();
        var (taken, size) = (0, before);
        while (taken < clients.Count && (size == 0 || size + sizes[taken] <= limit))
            size += sizes[taken++];
        var first = taken > 0 && taken < clients.Count ? FirstPullCursor.PrefixStart(clients, taken) : taken;
        // A cut inside a prefix goes back to its first client, unless the page would then hold no change: then the prefix's clients whole.
        if (first < taken)
            taken = before + sizes[..first].Sum() > 0 ? first : FirstPullCursor.PrefixEnd(clients, taken);

        if (taken < clients.Count)
        {
            var later = ids.Skip(taken).ToHashSet();
            changes.RemoveAll(change => later.Contains(change.ClientId));
        }

        return taken;
    }

    /// <summary>Every client in scope whose id starts with <paramref name="prefix"/>, in order.</summary>
    private static List<string> ClientsOf(DbConnection db, DbTransaction tx, PullAudience audience, string prefix)
    {
        using var cmd = Command(db, tx, $"""
            SELECT DISTINCT client_id FROM ({audience.Scope}) AS in_scope WHERE client_id >= @prefix AND client_id < @above ORDER BY client_id;
            """, [("@prefix", prefix), ("@above", FirstPullCursor.Above(prefix)), .. audience.Parameters]);
        using var reader = cmd.ExecuteReader();
        var clients = new List<string>();
        while (reader.Read())
            clients.Add(reader.GetString(0));
        return clients;
    }

    /// <summary>The rows and conflict records of <paramref name="clients"/> the audience receives, at places below <paramref name="below"/>, added to <paramref name="changes"/>.</summary>
    private static void ReadClients(DbConnection db, DbTransaction tx, PullAudience audience, IReadOnlyList<string> clients, long below, List<FeedEntry> changes)
    {
        var dialect = SqlDialect.Of(db);
        var group = dialect.FeedGroup;
        var (rowsOf, rowsList) = dialect.In("client_id", "@clients", clients);
        // Each client looked up in the client index. The place is a filter only ("+ 0"): as a range of the feed's index
        // it led PostgreSQL, without statistics on a table just filled, to read every row below the horizon (3,000 for a
        // page of 100); the feed's plan settings keep it from reading the table whole.
        using var cmd = Command(db, tx, $"""
            {dialect.FeedPlanBegin}SELECT {group}, {RowChangeSelect(dialect)} FROM rows
            WHERE {rowsOf} AND {group} + 0 < @below{audience.RowFilter};
            SELECT {group}, {ConflictChangeSelect} FROM conflicts
            WHERE {rowsOf} AND {group} + 0 < @below{audience.ConflictFilter};{dialect.FeedPlanEnd}
            """, [.. rowsList, ("@below", below), .. audience.Parameters]);
        using var reader = cmd.ExecuteReader();
        ReadRowsAndConflicts(reader, changes);
    }

    /// <summary>The scope exits below <paramref name="below"/> the audience receives (of the worker's teams, about clients out of scope now), added to <paramref name="changes"/>.</summary>
    private static void ExitsBelow(DbConnection db, DbTransaction tx, PullAudience audience, long below, List<FeedEntry> changes)
    {
        var dialect = SqlDialect.Of(db);
        var exits = FeedWhere(dialect, audience, $"{dialect.FeedGroup} < @below").Exits;
        using var cmd = Command(db, tx, $"SELECT {dialect.FeedGroup}, {ExitSelect} FROM scope_events WHERE {exits};", [("@below", below), .. audience.Parameters]);
        using var reader = cmd.ExecuteReader();
        ReadExits(reader, changes);
    }

    /// <summary>The horizon the device's first pull reads its scope below, as its first page kept it; null when none is kept.</summary>
    private static long? KeptHorizon(DbConnection db, DbTransaction tx, Guid deviceId) =>
        Scalar(db, tx, "SELECT horizon FROM first_pulls WHERE device_id = @d;", ("@d", S(deviceId))) is { } h and not DBNull
            ? Convert.ToInt64(h, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Keeps the horizon for the device's next page (the lower, when one is kept already), or forgets it.</summary>
    private Task<bool> Remember(Guid deviceId, FirstPullHorizon then, CancellationToken cancel) => Write((db, tx) =>
    {
        if (then.Keep is { } horizon)
        {
            Exec(db, tx, """
                INSERT INTO first_pulls(device_id, horizon) VALUES (@d, @h)
                ON CONFLICT(device_id) DO UPDATE SET horizon = CASE WHEN excluded.horizon < first_pulls.horizon THEN excluded.horizon ELSE first_pulls.horizon END;
                """, ("@d", S(deviceId)), ("@h", horizon));
        }
        else
        {
            Exec(db, tx, "DELETE FROM first_pulls WHERE device_id = @d;", ("@d", S(deviceId)));
        }

        return true;
    }, cancel);
}
