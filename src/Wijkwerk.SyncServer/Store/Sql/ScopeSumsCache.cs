using System.Collections.Concurrent;

namespace Wijkwerk.SyncServer.Store.Sql;

/// <summary>
/// The scope sums this server instance last read for each audience (a sums table and a list of teams), with the snapshot
/// they were read in, so a pull whose scope has not changed since need not sum every client in it again.
///
/// Summing reads every client of the scope (PostgreSQL reads the whole sums table for it: 10.5-11 ms a pull on average,
/// 3-30 ms, in the bench's store of 35,000 clients), while whether anything in the scope changed is one walk of the
/// feed's index from the cached snapshot. Every write that changes a client's sums or moves a client into or out of a
/// caseload puts a change of that client in the feed in its own transaction (a row, a conflict record, a scope exit;
/// see SqlSyncStore's change-feed ordering rule), and a transaction the cached snapshot did not see has a feed group at
/// or above that snapshot's horizon. So when a later snapshot that sees all the cached one saw (its horizon at or above
/// the cached top) finds no change of the scope at or above the cached horizon, the sums are the cached ones.
///
/// An entry is used for <see cref="MaxAge"/> at most after the sums were read, so a change made behind the store's back
/// (SQL typed by hand, a copy restored under a running instance) delays a laptop's repair by that long, never more.
/// </summary>
internal sealed class ScopeSumsCache
{
    /// <summary>How long after its sums were read an entry may stand in for them.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>Audiences kept before the cache starts again: a store has a few per team, so this is never reached in use.</summary>
    private const int MaxEntries = 10_000;

    /// <param name="Horizon">The snapshot's horizon: every feed group below it is visible to the snapshot.</param>
    /// <param name="Top">The first feed group the snapshot sees nothing of: at and above it, nothing is visible.</param>
    /// <param name="ReadAt">When the sums were read, as the pull that read them was told the time.</param>
    public sealed record Entry(long Horizon, long Top, long Count, long Sum, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The key of an audience: its sums table and its teams, in a fixed order.</summary>
    public static string Key(string sums, IEnumerable<string> teams) => sums + "|" + string.Join(",", teams.Order(StringComparer.Ordinal));

    /// <summary>
    /// The entry a pull whose snapshot has this horizon may check and use, or null: none, read too long ago, or read in a
    /// snapshot that saw a change this one does not (a pull that began before the one that stored it).
    /// </summary>
    public Entry? Usable(string key, long horizon, DateTimeOffset now) =>
        _entries.TryGetValue(key, out var entry) && horizon >= entry.Top && now - entry.ReadAt < MaxAge && now >= entry.ReadAt ? entry : null;

    /// <summary>Sums just read in a snapshot with this horizon and top.</summary>
    public void Keep(string key, long horizon, long top, long count, long sum, DateTimeOffset now)
    {
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        Put(key, new Entry(horizon, top, count, sum, now));
    }

    /// <summary>
    /// The entry's sums held in a later snapshot too (nothing in scope changed between): later pulls need only check from
    /// this snapshot on, not walk every change of other scopes since the sums were read.
    /// </summary>
    public void Confirm(string key, Entry entry, long horizon, long top) => Put(key, entry with { Horizon = horizon, Top = top });

    /// <summary>Forgets every entry: the store's schema or contents changed under them (a migration).</summary>
    public void Clear() => _entries.Clear();

    // Of two pulls storing at once, the entry of the later snapshot stays.
    private void Put(string key, Entry entry) =>
        _entries.AddOrUpdate(key, entry, (_, old) => entry.Horizon >= old.Horizon ? entry : old);
}
