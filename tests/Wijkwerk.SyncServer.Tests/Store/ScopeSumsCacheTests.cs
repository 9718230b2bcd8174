using Wijkwerk.SyncServer.Store.Sql;
using ClientSums = Wijkwerk.SyncServer.Store.Sql.ScopeSumsCache.ClientSums;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// When cached sums may be brought up to date and used: only by a snapshot that sees all the cached one saw, within a minute
/// of the whole read; and how the clients read again replace theirs.
/// </summary>
public sealed class ScopeSumsCacheTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly ScopeSumsCache _cache = new();

    private readonly string _key = ScopeSumsCache.Key("client_sums", ["b", "a"]);

    [Fact]
    public void ASnapshotBelowTheCachedTop_MayNotUseIt_OneAtOrAboveMay()
    {
        Keep(horizon: 100, top: 105, ("x", 1, 40), ("y", 2, 2));

        Assert.Null(_cache.Usable(_key, 104, ReadAt));
        Assert.Equal((3L, 42L, 100L), Of(_cache.Usable(_key, 105, ReadAt)));
    }

    [Fact]
    public void AnEntry_IsUsedForLessThanItsMaxAge_AndNotByAClockBeforeIt()
    {
        Keep(100, 100, ("x", 3, 42));

        Assert.NotNull(_cache.Usable(_key, 100, ReadAt + ScopeSumsCache.MaxAge - TimeSpan.FromSeconds(1)));
        Assert.Null(_cache.Usable(_key, 100, ReadAt + ScopeSumsCache.MaxAge));
        Assert.Null(_cache.Usable(_key, 100, ReadAt - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AnUpdatedEntry_MovesToTheLaterSnapshot_ButKeepsTheTimeOfTheWholeRead()
    {
        Keep(100, 100, ("x", 3, 42));
        var entry = _cache.Usable(_key, 100, ReadAt)!;

        _cache.Update(_key, entry, 200, 210, []);

        Assert.Null(_cache.Usable(_key, 200, ReadAt));
        Assert.Equal((3L, 42L, 200L), Of(_cache.Usable(_key, 210, ReadAt + TimeSpan.FromSeconds(30))));
        Assert.Null(_cache.Usable(_key, 210, ReadAt + ScopeSumsCache.MaxAge));
    }

    [Fact]
    public void TheClientsReadAgain_ReplaceTheirSums_JoinOrLeave_AndTheOthersStand()
    {
        Keep(100, 100, ("changed", 2, 10), ("left", 1, 5), ("same", 4, 100));
        var entry = _cache.Usable(_key, 100, ReadAt)!;

        var updated = _cache.Update(_key, entry, 200, 200, [("changed", new ClientSums(3, 7)), ("left", null), ("joined", new ClientSums(1, 1)), ("never", null)]);

        Assert.Equal((8L, 108L, 200L), Of(updated));
        Assert.Equal(["changed", "joined", "same"], updated.Clients.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ClientSums(3, 7), updated.Clients["changed"]);
        Assert.Equal((8L, 108L, 200L), Of(_cache.Usable(_key, 200, ReadAt)));
    }

    [Fact]
    public void AClientReadAgainTwice_CountsOnce()
    {
        Keep(100, 100, ("x", 2, 10));
        var entry = _cache.Usable(_key, 100, ReadAt)!;

        var updated = _cache.Update(_key, entry, 200, 200, [("x", new ClientSums(3, 7)), ("x", new ClientSums(3, 7))]);

        Assert.Equal((3L, 7L, 200L), Of(updated));
    }

    [Fact]
    public void OfTwoPullsStoringAtOnce_TheLaterSnapshotStays_AndEachAnswersWithItsOwn()
    {
        Keep(200, 200, ("x", 5, 7));

        var earlier = _cache.Keep(_key, 100, 100, [new("x", new ClientSums(3, 42))], ReadAt);

        Assert.Equal((3L, 42L, 100L), Of(earlier));
        Assert.Equal((5L, 7L, 200L), Of(_cache.Usable(_key, 200, ReadAt)));
    }

    [Fact]
    public void TheKey_NamesTheSumsTableAndTheTeams_InAnyOrder()
    {
        Keep(100, 100, ("x", 3, 42));

        Assert.NotNull(_cache.Usable(ScopeSumsCache.Key("client_sums", ["a", "b"]), 100, ReadAt));
        Assert.Null(_cache.Usable(ScopeSumsCache.Key("client_sums_review", ["a", "b"]), 100, ReadAt));
        Assert.Null(_cache.Usable(ScopeSumsCache.Key("client_sums", ["a"]), 100, ReadAt));
        Assert.Null(_cache.Usable(ScopeSumsCache.Key("client_sums", ["a", "b", "c"]), 100, ReadAt));
    }

    [Fact]
    public void Clear_ForgetsEveryEntry()
    {
        Keep(100, 100, ("x", 3, 42));

        _cache.Clear();

        Assert.Null(_cache.Usable(_key, 100, ReadAt));
    }

    [Fact]
    public void MoreClientsThanItKeeps_StartTheCacheAgain()
    {
        var half = ScopeSumsCache.MaxClients / 2;
        _cache.Keep("first", 100, 100, Clients("f", half), ReadAt);
        _cache.Keep("second", 100, 100, Clients("s", half), ReadAt);

        _cache.Keep(_key, 100, 100, Clients("k", 1), ReadAt);

        Assert.Null(_cache.Usable("first", 100, ReadAt));
        Assert.Null(_cache.Usable("second", 100, ReadAt));
        Assert.NotNull(_cache.Usable(_key, 100, ReadAt));
    }

    private void Keep(long horizon, long top, params (string Client, long Count, long Sum)[] clients) =>
        _cache.Keep(_key, horizon, top, clients.Select(c => new KeyValuePair<string, ClientSums>(c.Client, new(c.Count, c.Sum))), ReadAt);

    private static IEnumerable<KeyValuePair<string, ClientSums>> Clients(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new KeyValuePair<string, ClientSums>(prefix + i, new(1, 1)));

    private static (long Count, long Sum, long Horizon)? Of(ScopeSumsCache.Entry? entry) => entry is null ? null : (entry.Count, entry.Sum, entry.Horizon);
}
