using Wijkwerk.SyncServer.Tests.Support;

namespace Wijkwerk.SyncServer.Tests.Store;

/// <summary>
/// Issue 15 item 3 on a real store, SQLite and PostgreSQL: the enrolment attempts of one address are one count for every
/// instance on the store (concurrent attempts included), in a window that starts at the address's first attempt.
/// </summary>
public abstract class EnrolAttemptsStoreTests(StoreKind kind) : StoreTest(kind)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ConcurrentAttemptsThroughTwoInstances_AreCountedOnceEach()
    {
        var first = await Kind.OpenAsync();
        var second = await Kind.OpenAsync();

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? first : second).CountEnrolAttemptAsync("adres-a", Window, Now)));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), counts.Select(c => c.Attempts).Order());
        Assert.All(counts, c => Assert.Equal(Now + Window, c.WindowEndsAt));
    }

    [Fact]
    public async Task Window_StartsAtTheFirstAttempt_AndEachAddressHasItsOwn()
    {
        var store = await Kind.OpenAsync();

        var firstAttempt = await store.CountEnrolAttemptAsync("adres-a", Window, Now);
        var justBeforeTheEnd = await store.CountEnrolAttemptAsync("adres-a", Window, Now + Window - TimeSpan.FromSeconds(1));
        var otherAddress = await store.CountEnrolAttemptAsync("adres-b", Window, Now + TimeSpan.FromSeconds(30));
        var nextWindow = await store.CountEnrolAttemptAsync("adres-a", Window, Now + Window);

        Assert.Equal(1, firstAttempt.Attempts);
        Assert.Equal(2, justBeforeTheEnd.Attempts);
        Assert.Equal(Now + Window, justBeforeTheEnd.WindowEndsAt);
        Assert.Equal(1, otherAddress.Attempts);
        Assert.Equal(1, nextWindow.Attempts);
        Assert.Equal(Now + Window + Window, nextWindow.WindowEndsAt);
        // Ended windows are forgotten: only the addresses of the current window stay in the store.
        Assert.Equal(2, await Kind.CountAsync("SELECT count(*) FROM enrol_attempts;"));
    }

    public sealed class OnSqlite() : EnrolAttemptsStoreTests(new SqliteKind());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresCluster cluster) : EnrolAttemptsStoreTests(new PostgresKind(cluster));
}
