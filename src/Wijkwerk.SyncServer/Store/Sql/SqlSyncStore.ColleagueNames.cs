using System.Collections.Concurrent;
using System.Data.Common;
using Wijkwerk.Core.Sync.Protocol;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// The colleagues' names a pull carries (<see cref="PullResponse.Workers"/>), read once per worker and version instead of
/// for every pull. A team of 200 read 200 names on every pull only to find the laptop held them already: in bursts of
/// 200 pulls, 0.42-0.46 ms of PostgreSQL's time a pull against 1.03-1.11 ms for the page itself (pg_stat_statements).
/// </summary>
/// <remarks>
/// The store keeps a names version that triggers replace with a random token in the transaction of every change to a
/// worker's id or name or to a team membership, whoever makes it (an instance of any release, an administrator in the
/// database). A version therefore names one list of every worker's colleagues, and a pull that reads it in its snapshot
/// may reuse the list read under it by this instance. A token, not a count: a store restored from a copy goes back to
/// the copy's token, which named the copy's lists, where a count would come round again to a number the lost history used.
/// </remarks>
public abstract partial class SqlSyncStore
{
    /// <summary>The names version in <c>store_settings</c>, as the migrations that keep it name it.</summary>
    private const string NamesVersionSql = "SELECT value FROM store_settings WHERE name = 'names_version';";

    // The worker's own row and the rows of everyone in one of their teams, unordered: in order of name each new PostgreSQL
    // connection loaded the ICU collation of names on its first read of them (this statement 17 ms on a fresh connection
    // against 5-6 without), and an order the database makes follows its collation, so the two stores would tell the same
    // list by different fingerprints. Put in order of id by ReadNames.
    private const string ColleagueNamesSql = """
        SELECT id, name FROM workers WHERE id = @w
           OR id IN (SELECT worker_id FROM worker_teams WHERE team_id IN (SELECT team_id FROM worker_teams WHERE worker_id = @w));
        """;

    /// <summary>
    /// Each worker's colleagues as last read by this instance, under the names version they were read in: a list a worker,
    /// so a team of 200 holds 200 lists of 200 (about 40,000 small entries), and a change of names replaces each as its
    /// worker next pulls.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, ColleagueNames> _colleagueNames = new();

    /// <summary>The list of one worker's colleagues in order of id, as read under <paramref name="Version"/>.</summary>
    private sealed record ColleagueNames(string Version, IReadOnlyList<WorkerInfo> Workers);

    /// <summary>The worker's colleagues held for <paramref name="version"/> (read in the pull's snapshot); null when they must be read.</summary>
    private IReadOnlyList<WorkerInfo>? HeldNames(Guid worker, string? version) =>
        version is not null && _colleagueNames.TryGetValue(worker, out var held) && held.Version == version ? held.Workers : null;

    /// <summary>
    /// Reads the colleagues' names from the reader's current result set, in order of id and with their fingerprint, and holds
    /// them for <paramref name="version"/>.
    /// </summary>
    private IReadOnlyList<WorkerInfo> ReadNames(DbDataReader reader, Guid worker, string? version)
    {
        var workers = new List<WorkerInfo>();
        while (reader.Read())
            workers.Add(new WorkerInfo(Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        workers.Sort((a, b) => a.Id.CompareTo(b.Id));
        var list = Core.Sync.Protocol.WorkerNames.WithFingerprint(workers);
        if (version is not null)
            _colleagueNames[worker] = new ColleagueNames(version, list);
        return list;
    }
}
