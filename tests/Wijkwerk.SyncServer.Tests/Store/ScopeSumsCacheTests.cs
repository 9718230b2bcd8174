using Wijkwerk.SyncServer.Store.Sql;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>When cached sums may be checked and used: only by a snapshot that sees all the cached one saw, within a minute of the read.</summary>
public sealed class ScopeSumsCacheTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly ScopeSumsCache _cache = new();

    private readonly string _key = ScopeSumsCache.Key("client_sums", ["b", "a"]);

    [Fact]
    public void ASnapshotBelowTheCachedTop_MayNotUseIt_OneAtOrAboveMay()
    {
        _cache.Keep(_key, horizon: 100, top: 105, count: 3, sum: 42, ReadAt);

        Assert.Null(_cache.Usable(_key, 104, ReadAt));
        Assert.Equal((3L, 42L, 100L), Of(_cache.Usable(_key, 105, ReadAt)));
    }

    [Fact]
    public void AnEntry_IsUsedForLessThanItsMaxAge_AndNotByAClockBeforeIt()
    {
        _cache.Keep(_key, 100, 100, 3, 42, ReadAt);

        Assert.NotNull(_cache.Usable(_key, 100, ReadAt + ScopeSumsCache.MaxAge - TimeSpan.FromSeconds(1)));
        Assert.Null(_cache.Usable(_key, 100, ReadAt + ScopeSumsCache.MaxAge));
        Assert.Null(_cache.Usable(_key, 100, ReadAt - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AConfirmedEntry_MovesToTheLaterSnapshot_ButKeepsTheTimeOfItsRead()
    {
        _cache.Keep(_key, 100, 100, 3, 42, ReadAt);
        var entry = _cache.Usable(_key, 100, ReadAt)!;

        _cache.Confirm(_key, entry, 200, 210);

        Assert.Null(_cache.Usable(_key, 200, ReadAt));
        Assert.Equal((3L, 42L, 200L), Of(_cache.Usable(_key, 210, ReadAt + TimeSpan.FromSeconds(30))));
        Assert.Null(_cache.Usable(_key, 210, ReadAt + ScopeSumsCache.MaxAge));
    }

    [Fact]
    public void OfTwoPullsStoringAtOnce_TheLaterSnapshotStays()
    {
        _cache.Keep(_key, 200, 200, 5, 7, ReadAt);
        _cache.Keep(_key, 100, 100, 3, 42, ReadAt);

        Assert.Equal((5L, 7L, 200L), Of(_cache.Usable(_key, 200, ReadAt)));
    }

    [Fact]
    public void TheKey_NamesTheSumsTableAndTheTeams_InAnyOrder()
    {
        _cache.Keep(_key, 100, 100, 3, 42, ReadAt);

        Assert.NotNull(_cache.Usable(ScopeSumsCache.Key("client_sums", ["a", "b"]), 100, ReadAt));
        Assert.Null(_cache.Usable(ScopeSumsCache.Key("client_sums_review", ["a", "b"]), 100, ReadAt));
        Assert.Null(_cache.Usable(ScopeSumsCache.Key("client_sums", ["a"]), 100, ReadAt));
        Assert.Null(_cache.Usable(ScopeSumsCache.Key("client_sums", ["a", "b", "c"]), 100, ReadAt));
    }

    [Fact]
    public void Clear_ForgetsEveryEntry()
    {
        _cache.Keep(_key, 100, 100, 3, 42, ReadAt);

        _cache.Clear();

        Assert.Null(_cache.Usable(_key, 100, ReadAt));
    }

    private static (long Count, long Sum, long Horizon)? Of(ScopeSumsCache.Entry? entry) => entry is null ? null : (entry.Count, entry.Sum, entry.Horizon);
}
